/**
 * One-character slips in the words injections are made of, read as the word a
 * reader takes them for: a letter dropped, doubled or added (`ignre`,
 * `ignoore`), two neighbours swapped (`ignroe`, `yuor`), one letter replaced
 * in a long word (`instrucxions`), a word cut in two by one space or mark
 * (`ign ore`, `ig.nore`, `sys_tem`, `over/ride`), any other word of the
 * English rules cut in two by one mark (`po.st`, `se|ed`), and `ur` for "your". A
 * model reads through all of them; a rule keyed on the word does not. Works on the normaliser's
 * lower-cased view; the caller looks for slips only in a text that holds
 * another word of the list (an injection with one slipped word keeps others),
 * and reads the corrected view whenever there is one.
 *
 * Cost: one pass over the view with a rolling hash per word (no string per
 * word), and, for words of five letters or more that are not words of the
 * list, one hash per dropped letter; a string is made only for a candidate,
 * which is then checked letter by letter.
 */
import { isAsciiBlank, isAsciiDigit, isAsciiLower, isWordUnit } from './ascii.js';
import { INJECTION_RULES } from './injection-rules.js';
import type { JoinedWords } from './split-words.js';
import { Utf16Units } from './utf16-units.js';

/**
 * The words whose slips are read: the verbs, nouns and pronouns the English
 * injection rules are built on (override, exfiltration, persona, payment
 * families), spelled out in full.
 */
export const TYPO_WORDS: readonly string[] = [
  'ignore',
  'ignoring',
  'disregard',
  'forget',
  'override',
  'bypass',
  'neglect',
  'discard',
  'abandon',
  'instructions',
  'instruction',
  'directives',
  'guidelines',
  'previous',
  'preceding',
  'earlier',
  'above',
  'prior',
  'system',
  'prompt',
  'reveal',
  'disclose',
  'repeat',
  'verbatim',
  'output',
  'restrictions',
  'limitations',
  'constraints',
  'policies',
  'safety',
  'filters',
  'jailbreak',
  'jailbroken',
  'developer',
  'unrestricted',
  'unfiltered',
  'uncensored',
  'pretend',
  'roleplay',
  'persona',
  'anything',
  'everything',
  'secret',
  'secrets',
  'password',
  'passwords',
  'credentials',
  'token',
  'tokens',
  'wallet',
  'mnemonic',
  'upload',
  'forward',
  'transfer',
  'rules',
  'your',
  'send',
  'obey',
  'tell',
  'show',
  'assistant',
  'administrator',
  'operator',
  'command',
  'comply',
  'follow',
  'initial',
  'context',
  'conversation',
];

/** Shortest word whose dropped, doubled or added letter is read (shorter ones: swaps only). */
const MIN_EDITED = 5;
/** Shortest word read through a doubled letter or a cut (`yourr`, `yo ur`). */
const MIN_SHORT = 4;
/** Shortest word whose replaced letter is read (a shorter one is too often another word). */
const MIN_REPLACED = 7;
/** Longest word of the list, plus one for an added letter. */
const MAX_WORD = Math.max(...TYPO_WORDS.map((w) => w.length)) + 1;
/**
 * Slips that are everyday words of their own (inflections, other words one
 * letter away: `content`, `discord`, `personal`, `developed`), never read as
 * the word of the list. Found by checking an English word list against the
 * list's slips when the list was written.
 */
const OWN_WORDS: ReadonlySet<string> = new Set([
  'abaddon',
  'abandons',
  'administrators',
  'anythings',
  'assistants',
  'commando',
  'commands',
  'commend',
  'constrains',
  'constraint',
  'content',
  'contest',
  'contexts',
  'conversations',
  'credential',
  'developed',
  'developers',
  'directive',
  'discards',
  'disclosed',
  'discloser',
  'discloses',
  'discord',
  'disregards',
  'falters',
  'filers',
  'fillers',
  'filter',
  'fitters',
  'follows',
  'forge',
  'forgets',
  'forwards',
  'froward',
  'guideline',
  'ignored',
  'ignorer',
  'ignores',
  'imitations',
  'initials',
  'jailbreaks',
  'limitation',
  'mnemonics',
  'neglects',
  'operators',
  'outputs',
  'overrides',
  'overripe',
  'overrode',
  'overside',
  'pearlier',
  'person',
  'personae',
  'personal',
  'personas',
  'persons',
  'pervious',
  'polices',
  'polities',
  'prebend',
  'precious',
  'prepend',
  'pretends',
  'priors',
  'priory',
  'prompts',
  'receding',
  'repeats',
  'restriction',
  'reval',
  'revel',
  'reveals',
  'rubles',
  'rues',
  'rule',
  'rulers',
  'secrete',
  'secretes',
  'signore',
  'sucrets',
  'systems',
  'toke',
  'tokes',
  'transfers',
  'uncensured',
  'uploads',
  'wallets',
]);

const BASE = 131;

/** Polynomial hash of `s` (as the rolling hash of the scan computes it), kept to 30 bits. */
function hashOf(s: string): number {
  let h = 0;
  for (let k = 0; k < s.length; k++) h = (Math.imul(h, BASE) + s.charCodeAt(k)) | 0;
  return h & 0x3fffffff;
}

/**
 * Hashes of words → index of a word of the list, with one bit per hash slot in
 * front (8 KB): most words of a text are in no table, and a miss then costs
 * one load instead of a map lookup.
 */
class HashIndex {
  readonly #bits = new Uint8Array(1 << 13);
  readonly #words = new Map<number, number>();

  static #slot(h: number): number {
    return (h ^ (h >>> 16)) & 0xffff;
  }

  /** Keeps the first index given for `h`. */
  set(h: number, index: number): void {
    if (this.#words.has(h)) return;
    this.#words.set(h, index);
    const s = HashIndex.#slot(h);
    this.#bits[s >> 3] = (this.#bits[s >> 3] as number) | (1 << (s & 7));
  }

  /** The index kept for `h`, or -1. */
  get(h: number): number {
    const s = HashIndex.#slot(h);
    if (((this.#bits[s >> 3] as number) & (1 << (s & 7))) === 0) return -1;
    return this.#words.get(h) ?? -1;
  }
}

type Tables = {
  /** Hash of each word of the list → its index. */
  readonly exact: HashIndex;
  /** Hash of each dropped-letter or swapped form → index of its word. */
  readonly near: HashIndex;
  /** Hash of each dropped-letter form of the long words → index of its word. */
  readonly replaced: HashIndex;
};

let tables: Tables | undefined;

/** Records a form a typist may type for the word at `index`, unless it is a word of its own. */
function addTypedForm(table: HashIndex, form: string, index: number): void {
  if (!OWN_WORDS.has(form) && !TYPO_WORDS.includes(form)) table.set(hashOf(form), index);
}

/** `w` with two different neighbours swapped, at each place. */
function swappedForms(w: string): string[] {
  const out: string[] = [];
  for (let k = 0; k + 1 < w.length; k++)
    if (w[k] !== w[k + 1]) out.push(w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2));
  return out;
}

/** `w` with one letter dropped, at each place. */
function droppedForms(w: string): string[] {
  const out: string[] = [];
  for (let k = 0; k < w.length; k++) out.push(w.slice(0, k) + w.slice(k + 1));
  return out;
}

function buildTables(): Tables {
  const exact = new HashIndex();
  const near = new HashIndex();
  const replaced = new HashIndex();
  TYPO_WORDS.forEach((w, index) => {
    exact.set(hashOf(w), index);
    for (const swapped of swappedForms(w)) addTypedForm(near, swapped, index);
    if (w.length < MIN_EDITED) return;
    for (const dropped of droppedForms(w)) {
      addTypedForm(near, dropped, index);
      // Not a typed word but the meeting point of two (`directiveq` and `directives`): kept even
      // when it is an everyday word.
      if (w.length >= MIN_REPLACED) replaced.set(hashOf(dropped), index);
    }
  });
  return { exact, near, replaced };
}

/** The verbs and nouns an override or a leak turns on: their slips alone start the slip pass. */
const LOAD_BEARING: readonly string[] = [
  'ignore',
  'disregard',
  'forget',
  'override',
  'bypass',
  'reveal',
  'instructions',
  'previous',
  'prompt',
  'system',
  'guidelines',
  'password',
  'jailbreak',
];

/**
 * Slips of five letters or more of the load-bearing words, with a letter
 * dropped or two neighbours swapped (`ignroe`, `revael`, `promt`), minus
 * everyday words: keywords that tell the prefilter a text may hold a slip
 * even when no other word of the list is left whole.
 */
export function slipKeywords(): string[] {
  const out = new Set(LOAD_BEARING.flatMap((w) => [...droppedForms(w), ...swappedForms(w)]));
  return [...out].filter(
    (f) => f.length >= MIN_EDITED && !OWN_WORDS.has(f) && !TYPO_WORDS.includes(f),
  );
}

/** Whether `typed` is `word` after one slip the tables stand for (hashes can collide). */
export function isOneSlip(typed: string, word: string): boolean {
  if (typed === word || OWN_WORDS.has(typed)) return false;
  const n = word.length;
  const m = typed.length;
  if (m === n) {
    let k = 0;
    while (typed[k] === word[k]) k++;
    const swapped =
      typed[k] === word[k + 1] &&
      typed[k + 1] === word[k] &&
      typed.slice(k + 2) === word.slice(k + 2);
    return swapped || (n >= MIN_REPLACED && typed.slice(k + 1) === word.slice(k + 1));
  }
  if (Math.abs(m - n) !== 1 || (n < MIN_EDITED && m < n)) return false;
  const [short, long] = m < n ? [typed, word] : [word, typed];
  let k = 0;
  while (short[k] === long[k]) k++;
  // A short word takes a doubled letter only (`yourr`, `seend`).
  const doubled = long[k] === long[k - 1] || long[k] === long[k + 1];
  return short.slice(k) === long.slice(k + 1) && (n >= MIN_EDITED || doubled);
}

/**
 * Marks that writing never puts between two words without a space (`wall|et`,
 * `comm_and`, `pass3word`): a word of the list cut by one is a hidden word,
 * not two words a writer meant, so {@link TWO_WORD_CUTS} does not weaken it.
 */
const HIDING_MARK = /[|_*^~`#=<>\\{}[\]%0-9]/;

/** Whether the mark at `k` may stand between two words a writer meant (a space, a comma, a slash). */
const mayPartWords = (view: string, k: number): boolean => !HIDING_MARK.test(view.charAt(k));

/** A word of the view read as a word of the list: `[start, end)` of the view, and the word. */
type Correction = { start: number; end: number; word: string; twoWords?: boolean };

/**
 * Cuts of a word of the list into two everyday words (`comm and`, `con text`,
 * `guide lines`, `pass word`): a writer may mean the two words, so a finding
 * that rests on the joined word is weaker (see {@link CorrectedWords}).
 */
const TWO_WORD_CUTS: ReadonlySet<string> = new Set([
  'any thing',
  'assist ant',
  'by pass',
  'comm and',
  'con text',
  'every thing',
  'for get',
  'for ward',
  'guide lines',
  'jail break',
  'jail broken',
  'out put',
  'over ride',
  'pass word',
  'pass words',
  'person a',
  'role play',
  'to ken',
  'to kens',
  'up load',
  'wall et',
]);

/** A view with slips read as the words meant, and where joins of two everyday words lie. */
export type CorrectedWords = JoinedWords & {
  /** `[start, end)` in the source view of each join of two everyday words (`pass word`). */
  readonly twoWordJoins: readonly (readonly [number, number])[];
};

/** Powers of {@link BASE}, for the hash of a word with one letter dropped. */
const POWERS = (() => {
  const p = new Int32Array(MAX_WORD + 1);
  p[0] = 1;
  for (let k = 1; k <= MAX_WORD; k++) p[k] = Math.imul(p[k - 1] as number, BASE);
  return p;
})();

/**
 * Index of the word of the list that the ASCII word at `[start, end)` of the
 * view (hash `h`, prefix hashes in `prefix`) may be one slip from, or -1.
 */
function slipOf(t: Tables, start: number, end: number, h: number, prefix: Int32Array): number {
  const m = end - start;
  const direct = t.near.get(h & 0x3fffffff);
  if (direct >= 0) return direct;
  if (m < MIN_EDITED) return -1;
  for (let k = 0; k < m; k++) {
    // hash(word without letter k) = prefix(k)·B^(m-1-k) + (h − prefix(k+1)·B^(m-1-k))
    const pow = POWERS[m - 1 - k] as number;
    const rest = (h - Math.imul(prefix[k + 1] as number, pow)) | 0;
    const d = ((Math.imul(prefix[k] as number, pow) + rest) | 0) & 0x3fffffff;
    const added = t.exact.get(d);
    if (added >= 0 && (TYPO_WORDS[added] as string).length >= MIN_SHORT) return added;
    const replaced = t.replaced.get(d);
    if (replaced >= 0 && (TYPO_WORDS[replaced] as string).length === m) return replaced;
  }
  return -1;
}

/** Candidate `index` for `view[start, end)`, kept when the letters agree. */
function confirmed(
  view: string,
  start: number,
  end: number,
  index: number,
): Correction | undefined {
  const word = TYPO_WORDS[index] as string;
  return isOneSlip(view.slice(start, end), word) ? { start, end, word } : undefined;
}

const LETTER_OR_MARK = /[\p{L}\p{M}\p{N}]/u;

/** Whether the unit at `k` would make a word of the ASCII letters next to it longer. */
function isGlued(view: string, k: number): boolean {
  const c = view.charCodeAt(k);
  if (!isWordUnit(c)) return false;
  if (c < 0xc0) return true;
  // Letters of other scripts glue; a mark drawn as punctuation or a blank does not.
  const cp = view.codePointAt(k) as number;
  return LETTER_OR_MARK.test(String.fromCodePoint(cp));
}

/** Whether `view[start, end)` is a whole ASCII word (no digit or other letter glued to it). */
const isWholeWord = (view: string, start: number, end: number): boolean =>
  !isGlued(view, start - 1) && !isGlued(view, end);

/**
 * Whether the unit at `k` is one ASCII digit typed between two ASCII
 * letters (`igno1re`, and a keycap emoji `1️⃣` once its selector and
 * enclosing mark are dropped): it may cut a word as a mark does.
 */
const isDigitCut = (view: string, k: number): boolean =>
  isAsciiDigit(view.charCodeAt(k)) &&
  isAsciiLower(view.charCodeAt(k - 1)) &&
  isAsciiLower(view.charCodeAt(k + 1));

/**
 * Whether `view[start, end)` is a whole ASCII word but for one digit cutting
 * it off from the letters before or after (`igno` and `re` in `igno1re`).
 * Such a piece is only read joined to its other half, never on its own.
 */
const isDigitCutPiece = (view: string, start: number, end: number): boolean =>
  (isDigitCut(view, start - 1) || !isGlued(view, start - 1)) &&
  (isDigitCut(view, end) || !isGlued(view, end));

/** Whether the word of `m` letters at `start` is `ur`, the chat spelling of "your". */
const isUr = (view: string, start: number, m: number): boolean =>
  m === 2 && view.charCodeAt(start) === 117 && view.charCodeAt(start + 1) === 114;

/** Shortest word of the rules' vocabulary a cut by a mark is read into (`a.m`, `i.e` join nothing). */
const MIN_CUT_WORD = 4;

/**
 * Words of the English rules (the words of their keywords and groups) of
 * {@link MIN_CUT_WORD} letters or more: `post`, `seed`, `session`,
 * `direction`, `instruct`. A mark that cuts one of them (`po.st`) is read
 * through, as the list's words are; the other slips are not read for them.
 */
let vocabulary: ReadonlySet<string> | undefined;

function cutVocabulary(): ReadonlySet<string> {
  if (vocabulary === undefined) {
    const phrases = INJECTION_RULES.flatMap((r) => [...r.keywords, ...(r.alsoNeeds ?? []).flat()]);
    vocabulary = new Set(
      phrases
        .flatMap((k) => k.split(' '))
        .filter((w) => w.length >= MIN_CUT_WORD && /^[a-z]+$/.test(w)),
    );
  }
  return vocabulary;
}

/** Marks that glue tokens of addresses, hosts and paths (`re.set-prompts.com`, `info@re.set`). */
const isAddressGlue = (c: number): boolean =>
  c === 46 || c === 64 || c === 47 || c === 58 || c === 45 || c === 95;

/**
 * Whether the cut `[a, k)` mark `[k + 1, b)` is part of an address, host or
 * path: a gluing mark right before it, or right after it (a dot only when a
 * letter follows: a dot that ends the sentence is not part of the word).
 */
function inAddress(view: string, a: number, b: number): boolean {
  if (isAddressGlue(view.charCodeAt(a - 1))) return true;
  const after = view.charCodeAt(b);
  if (after === 46) return isAsciiLower(view.charCodeAt(b + 1));
  return isAddressGlue(after);
}

/** Shortest piece before a colon or a slash that a cut reads through (`re:`, `fw:`, `aw:` head a reply). */
const MIN_PIECE_BEFORE_COLON = 3;

/**
 * Whether the mark at `k` (not white space) cuts a word of the rules'
 * vocabulary: the join of the words `[a, k)` and `[k + 1, b)` begins with a
 * word of {@link cutVocabulary} that reaches past the mark (`po.st` → `post`,
 * `dire;ctions` → `directions`; not `index.html`, whose `index` ends before it).
 * Not a reply prefix (`Re:Set`, `Re/move`) nor a piece of an address
 * (`re.set-prompts.com`), which read as two words.
 */
function cutsVocabularyWord(view: string, a: number, k: number, b: number): boolean {
  const c = view.charCodeAt(k);
  if (isAsciiBlank(c) || b - a - 1 < MIN_CUT_WORD) return false;
  if ((c === 58 || c === 47) && k - a < MIN_PIECE_BEFORE_COLON) return false;
  if (inAddress(view, a, b)) return false;
  const words = cutVocabulary();
  const joined = view.slice(a, k) + view.slice(k + 1, b);
  for (let p = Math.max(k - a + 1, MIN_CUT_WORD); p <= joined.length; p++)
    if (words.has(joined.slice(0, p))) return true;
  return false;
}

/**
 * The end of the piece of ASCII letters one mark after `end` (`re` after
 * `no` in `ig.no.re`), when the mark is not white space and the piece is
 * a whole word or cut off by a digit; undefined otherwise.
 */
function pieceAfterMark(view: string, end: number): number | undefined {
  if (isAsciiBlank(view.charCodeAt(end)) || !isAsciiLower(view.charCodeAt(end + 1)))
    return undefined;
  let e = end + 1;
  while (isAsciiLower(view.charCodeAt(e))) e++;
  return !isGlued(view, e) || isDigitCut(view, e) ? e : undefined;
}

/** Fewest letters of each piece of a word cut in three (`a.k.a` and `e.g.s` are not cuts). */
const MIN_PIECE_OF_THREE = 2;

let listWords: ReadonlySet<string> | undefined;

/**
 * The word of the list or of the rules' vocabulary that the pieces `[a0, b0)`,
 * `[a1, b1)` and `[a2, b2)`, each one mark from the next, spell (`ig.no.re`,
 * `in|struc|tions`, `sy.st.em`), reaching into the last piece; undefined
 * when there is none. No mark is white space, and the pieces are not part of
 * an address, host or path (see {@link inAddress}).
 */
function wordCutTwice(
  view: string,
  pieces: readonly [number, number, number, number, number, number],
): string | undefined {
  const [a0, b0, a1, b1, a2, b2] = pieces;
  if (b0 - a0 < MIN_PIECE_OF_THREE || b1 - a1 < MIN_PIECE_OF_THREE) return undefined;
  if (b2 - a2 < MIN_PIECE_OF_THREE || b2 - a0 - 2 >= MAX_WORD) return undefined;
  if (isAsciiBlank(view.charCodeAt(b0)) || isAsciiBlank(view.charCodeAt(b1))) return undefined;
  if (inAddress(view, a0, b2)) return undefined;
  const joined = view.slice(a0, b0) + view.slice(a1, b1) + view.slice(a2, b2);
  listWords ??= new Set(TYPO_WORDS);
  if (listWords.has(joined)) return joined;
  const words = cutVocabulary();
  for (let p = b0 - a0 + b1 - a1 + 1; p <= joined.length; p++)
    if (words.has(joined.slice(0, p))) return joined;
  return undefined;
}

/** Every slip of `view`, in text order. */
function findSlips(view: string): Correction[] {
  tables ??= buildTables();
  const t = tables;
  const out: Correction[] = [];
  const prefix = new Int32Array(MAX_WORD + 2);
  // The word before, when one mark separates it from this one: its start and hash.
  let prevStart = -1;
  let prevEnd = -1;
  let prevHash = 0;
  let prevCorrected = false;
  let k = 0;
  while (k < view.length) {
    if (!isAsciiLower(view.charCodeAt(k))) {
      k++;
      continue;
    }
    const start = k;
    let h = 0;
    while (k < view.length && isAsciiLower(view.charCodeAt(k))) {
      if (k - start <= MAX_WORD) prefix[k - start] = h;
      h = (Math.imul(h, BASE) + view.charCodeAt(k)) | 0;
      k++;
    }
    const end = k;
    const m = end - start;
    if (m <= MAX_WORD) prefix[m] = h;
    const whole = isWholeWord(view, start, end);
    if (!whole && !isDigitCutPiece(view, start, end)) {
      prevStart = -1;
      continue;
    }
    const known = whole && m <= MAX_WORD && t.exact.get(h & 0x3fffffff) >= 0;
    // A word cut in two: `ign ore`, `ig.nore`.
    if (!known && prevStart >= 0 && prevEnd === start - 1 && m + (prevEnd - prevStart) < MAX_WORD) {
      // Or in three by two marks (`ig.no.re`): read whole before its first two pieces are.
      const third = pieceAfterMark(view, end);
      const cutTwice =
        third === undefined
          ? undefined
          : wordCutTwice(view, [prevStart, prevEnd, start, end, end + 1, third]);
      if (cutTwice !== undefined && third !== undefined) {
        if (prevCorrected) out.pop();
        out.push({ start: prevStart, end: third, word: cutTwice });
        k = third;
        prevStart = -1;
        continue;
      }
      const joined = (Math.imul(prevHash, POWERS[m] as number) + h) | 0;
      const index = t.exact.get(joined & 0x3fffffff);
      const word = index < 0 ? undefined : (TYPO_WORDS[index] as string);
      if (
        word !== undefined &&
        (word.length >= MIN_EDITED ||
          (word.length >= MIN_SHORT && m >= 2 && prevEnd - prevStart >= 2)) &&
        view.slice(prevStart, prevEnd) + view.slice(start, end) === word
      ) {
        if (prevCorrected) out.pop();
        const cut = `${view.slice(prevStart, prevEnd)} ${view.slice(start, end)}`;
        const twoWords = TWO_WORD_CUTS.has(cut) && mayPartWords(view, prevEnd);
        out.push({ start: prevStart, end, word, twoWords });
        prevStart = -1;
        continue;
      }
      // Any other word of the rules, cut by a mark (`po.st`, `se|ed`): read joined.
      if (!prevCorrected && cutsVocabularyWord(view, prevStart, prevEnd, end)) {
        const word = view.slice(prevStart, prevEnd) + view.slice(start, end);
        out.push({ start: prevStart, end, word });
        prevStart = -1;
        continue;
      }
    }
    prevCorrected = false;
    if (!whole) {
      // Half of a word cut by a digit: read joined to its other half or not at all.
      prevStart = isDigitCut(view, end) ? start : -1;
      prevEnd = end;
      prevHash = h;
      continue;
    }
    if (isUr(view, start, m)) {
      out.push({ start, end, word: 'your' });
      prevCorrected = true;
    } else if (!known && m >= 3 && m <= MAX_WORD) {
      const index = slipOf(t, start, end, h, prefix);
      const c = index >= 0 ? confirmed(view, start, end, index) : undefined;
      if (c !== undefined) out.push(c);
      prevCorrected = c !== undefined;
    }
    prevStart = start;
    prevEnd = end;
    prevHash = h;
  }
  return out;
}

/**
 * `view` with every slip in a word of {@link TYPO_WORDS} read as that word;
 * undefined when there is none.
 * @param view - a lower-cased view (the normaliser's `text`)
 */
export function correctSlips(view: string): CorrectedWords | undefined {
  const slips = findSlips(view);
  if (slips.length === 0) return undefined;
  const size = view.length + slips.length;
  const out = new Utf16Units(size);
  const map = new Int32Array(size);
  let first = -1;
  let last = -1;
  let k = 0;
  const copyUpTo = (end: number): void => {
    for (; k < end; k++) {
      map[out.length] = k;
      out.push(view.charCodeAt(k));
    }
  };
  for (const { start, end, word } of slips) {
    copyUpTo(start);
    if (first < 0) first = out.length;
    for (let j = 0; j < word.length; j++) {
      // The last letter maps to the last unit of the slip, so a span ending there keeps it.
      map[out.length] = j === word.length - 1 ? end - 1 : Math.min(start + j, end - 1);
      out.push(word.charCodeAt(j));
    }
    last = out.length - 1;
    k = end;
  }
  copyUpTo(view.length);
  const twoWordJoins = slips.flatMap((c) =>
    c.twoWords === true ? [[c.start, c.end] as const] : [],
  );
  return { text: out.toText(), map: map.subarray(0, out.length), first, last, twoWordJoins };
}
