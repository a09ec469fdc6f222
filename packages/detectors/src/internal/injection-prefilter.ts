/**
 * Which injection rules are worth running on a text: one keyword automaton
 * over the English rules' keywords and the multilingual rules' anchors, run
 * once per distinct text (the folded and plain views are usually the same
 * string) and shared by every question asked about that text.
 */
import type { Automaton } from './aho.js';
import { buildAutomaton } from './aho.js';
import type { InjectionRule } from './injection-rules.js';
import { INJECTION_I18N_RULES, INJECTION_RULES } from './injection-rules.js';
import { slipKeywords, TYPO_WORDS } from './typo-words.js';

/**
 * Words that make a whole-text decoding worth trying, as bits: a text that
 * names ROT13 (or Caesar) or talks about reversed text.
 */
export const DecodingHint = { ROT13: 1, REVERSED: 2 } as const;

const HINT_WORDS: readonly (readonly [string, number])[] = [
  ['rot13', DecodingHint.ROT13],
  ['rot-13', DecodingHint.ROT13],
  ['caesar', DecodingHint.ROT13],
  ['revers', DecodingHint.REVERSED],
  ['backward', DecodingHint.REVERSED],
  ['right to left', DecodingHint.REVERSED],
];

type Index = {
  readonly ac: Automaton;
  /** Length of the longest keyword. */
  readonly longest: number;
  /** keyword index → decoding hint bits. */
  readonly hints: Uint8Array;
  /** keyword index → English rule indexes. */
  readonly english: readonly (readonly number[])[];
  /** English rule index → its `alsoNeeds` groups as keyword indexes (empty: none). */
  readonly needs: readonly (readonly (readonly number[])[])[];
  /** keyword index → 1 when an English rule has it as a keyword or in one of its groups. */
  readonly englishWord: Uint8Array;
  /** keyword index → multilingual rule indexes. */
  readonly i18n: readonly (readonly number[])[];
  /**
   * keyword index → 1 when it is part of a word of {@link TYPO_WORDS} (or holds one), a key
   * phrase, or a slip of a load-bearing word (`ignroe`).
   */
  readonly slipAnchor: Uint8Array;
};

/** Phrases of the exfiltration and persona rules that hold no word of the slip list but anchor its slips. */
const KEY_PHRASES: ReadonlySet<string> = new Set([
  'api key',
  'private key',
  'seed phrase',
  'you are now',
]);

/**
 * Keywords of five letters or more, in words, that a word of the slip list
 * holds or that hold one in a word (`ignor`, `anything now`), and the key
 * phrases.
 */
function slipAnchors(kws: readonly string[]): Uint8Array {
  const long = TYPO_WORDS.filter((w) => w.length >= 5);
  const anchors = (k: string): boolean =>
    KEY_PHRASES.has(k) ||
    (/^[a-z]+(?: [a-z]+)*$/.test(k) &&
      k.length >= 5 &&
      long.some((w) => w.includes(k) || k.split(' ').some((part) => part.includes(w))));
  return Uint8Array.from(kws, (k) => (anchors(k) ? 1 : 0));
}

function buildIndex(): Index {
  const kws: string[] = [];
  const pos = new Map<string, number>();
  const english: number[][] = [];
  const i18n: number[][] = [];
  const slot = (k: string): number => {
    let i = pos.get(k);
    if (i === undefined) {
      i = kws.length;
      pos.set(k, i);
      kws.push(k);
      english.push([]);
      i18n.push([]);
    }
    return i;
  };
  INJECTION_RULES.forEach((r, ri) => {
    for (const k of r.keywords) (english[slot(k)] as number[]).push(ri);
  });
  const needs = INJECTION_RULES.map((r) => (r.alsoNeeds ?? []).map((group) => group.map(slot)));
  INJECTION_I18N_RULES.forEach((r, ri) => {
    for (const k of r.keywords) (i18n[slot(k)] as number[]).push(ri);
  });
  const slips = new Set(slipKeywords().map(slot));
  const hintOf = HINT_WORDS.map(([k, bit]) => [slot(k), bit] as const);
  const hints = new Uint8Array(kws.length);
  for (const [k, bit] of hintOf) hints[k] = (hints[k] as number) | bit;
  const longest = Math.max(...kws.map((k) => k.length));
  const englishWord = new Uint8Array(kws.length);
  english.forEach((rules, k) => {
    if (rules.length > 0) englishWord[k] = 1;
  });
  for (const k of needs.flat(2)) englishWord[k] = 1;
  const slipAnchor = slipAnchors(kws);
  for (const k of slips) slipAnchor[k] = 1;
  return { ac: buildAutomaton(kws), longest, hints, english, needs, englishWord, i18n, slipAnchor };
}

let index: Index | undefined;
// The last text asked about and its keywords (first-occurrence order): one entry, so bounded.
let lastText: string | undefined;
let lastKeywords: number[] = [];

function keywordsIn(text: string): { idx: Index; kws: number[] } {
  index ??= buildIndex();
  if (text !== lastText) {
    lastKeywords = index.ac.present(text);
    lastText = text;
  }
  return { idx: index, kws: lastKeywords };
}

/** The prefilter's keywords, indexed as {@link primeKeywords} expects them. */
export function injectionKeywords(): readonly string[] {
  index ??= buildIndex();
  return index.ac.keywords;
}

/**
 * Hands over the keywords of `view` (indexes into {@link injectionKeywords},
 * in order of first occurrence) found by a scan the caller already made, so
 * the questions about `view` need no pass of their own.
 */
export function primeKeywords(view: string, keywords: number[]): void {
  lastText = view;
  lastKeywords = keywords;
}

// Per keyword: the englishRules() call whose text holds it.
let heldIn = new Int32Array(0);
let heldCall = 0;

/** True when every group has a keyword stamped for the current call. */
function holdsEveryGroup(groups: readonly (readonly number[])[]): boolean {
  return groups.every((group) => group.some((k) => heldIn[k] === heldCall));
}

/**
 * English rules with a keyword in `view` and a word of each of their
 * `alsoNeeds` groups, in order of first keyword occurrence.
 */
export function englishRules(view: string): Set<number> {
  const { idx, kws } = keywordsIn(view);
  if (heldIn.length !== idx.english.length || heldCall === 0x7fffffff) {
    heldIn = new Int32Array(idx.english.length);
    heldCall = 0;
  }
  heldCall++;
  for (const k of kws) heldIn[k] = heldCall;
  const active = new Set<number>();
  for (const k of kws) {
    for (const ri of idx.english[k] as number[]) {
      const groups = idx.needs[ri] as readonly (readonly number[])[];
      if (groups.length === 0 || holdsEveryGroup(groups)) active.add(ri);
    }
  }
  return active;
}

/**
 * True when `view` holds an English rule keyword that `base` lacks. `view`
 * may differ from `base` only at `first`..`last` (same length): a keyword
 * new to it overlaps that span, so only the span and a keyword's length
 * around it are read.
 */
export function hasNewEnglishKeywords(
  base: string,
  view: string,
  first: number = 0,
  last: number = view.length - 1,
): boolean {
  return hasNewKeyword(
    base,
    view,
    first,
    last,
    (idx, k) => (idx.english[k] as number[]).length > 0,
  );
}

/**
 * True when `view` holds a word of an English rule (a keyword, or a word of
 * one of its groups: `reveal`, `your`) that `base` lacks, within a keyword's
 * length of `view[first..last]`: a view that joins split words (`re-veal your
 * system prompt`) may complete a rule whose keyword `base` already holds.
 */
export function hasNewEnglishWords(
  base: string,
  view: string,
  first: number,
  last: number,
): boolean {
  return hasNewKeyword(base, view, first, last, (idx, k) => idx.englishWord[k] === 1);
}

/** Whether `view` near `first..last` holds a keyword that `counts` and `base` lacks. */
function hasNewKeyword(
  base: string,
  view: string,
  first: number,
  last: number,
  counts: (idx: Index, k: number) => boolean,
): boolean {
  const { idx, kws: inBase } = keywordsIn(base);
  const had = new Set(inBase);
  const reach = idx.longest - 1;
  const part = view.slice(Math.max(0, first - reach), last + 1 + reach);
  for (const k of keywordsIn(part).kws) if (!had.has(k) && counts(idx, k)) return true;
  return false;
}

/**
 * Whether `view` holds a keyword that is part of a word of the slip list
 * (`instruction`, `prompt`, `ignor` ...), or a slip of a load-bearing word
 * (`ignroe`, `promt`): an injection with a slipped word keeps others, or
 * slips one of those, so a text with neither is not worth reading for slips.
 */
export function mayHoldSlip(view: string): boolean {
  const { idx, kws } = keywordsIn(view);
  for (let i = 0; i < kws.length; i++) if (idx.slipAnchor[kws[i] as number] === 1) return true;
  return false;
}

/**
 * {@link DecodingHint} bits of the words in `view`: a decoding is tried only
 * when its hint is there (its own pattern then decides).
 */
export function decodingHints(view: string): number {
  const { idx, kws } = keywordsIn(view);
  let bits = 0;
  for (const k of kws) bits |= idx.hints[k] as number;
  return bits;
}

const NON_ASCII = /[\u0080-\uffff]/;

// The distinct script classes, and each multilingual rule's index among them.
const SCRIPTS: readonly RegExp[] = [
  ...new Set(INJECTION_I18N_RULES.flatMap((r) => (r.script ? [r.script] : []))),
];
const SCRIPT_OF: readonly number[] = INJECTION_I18N_RULES.map((r) =>
  r.script ? SCRIPTS.indexOf(r.script) : -1,
);
// Whether each script class matches some ASCII character (if not, ASCII text lacks the script).
const SCRIPT_MATCHES_ASCII: readonly boolean[] = SCRIPTS.map((re) => {
  for (let c = 0; c < 128; c++) if (re.test(String.fromCharCode(c))) return true;
  return false;
});

// Per script class: the rules that run whenever it occurs (no anchors), and the rules that also
// run on any non-ASCII text. Rules with anchors are reached from the keywords found instead, so
// a call reads only the rules that can run, not the whole list (it grows with every language).
const FREE: readonly number[][] = SCRIPTS.map(() => []);
const ON_NON_ASCII: readonly number[][] = SCRIPTS.map(() => []);
INJECTION_I18N_RULES.forEach((rule, ri) => {
  const si = SCRIPT_OF[ri] as number;
  if (si < 0) return;
  if (rule.nonAscii === true) (ON_NON_ASCII[si] as number[]).push(ri);
  else if (rule.keywords.length === 0) (FREE[si] as number[]).push(ri);
});
const HAS_ANCHORED: readonly boolean[] = SCRIPTS.map((_, si) =>
  INJECTION_I18N_RULES.some((r, ri) => SCRIPT_OF[ri] === si && r.keywords.length > 0),
);

// Per multilingual rule: the call that last chose it.
const chosenIn = new Int32Array(INJECTION_I18N_RULES.length);
let chooseCall = 0;

// The distinct `phrasesNeeded` groups (the rules of one language share theirs), and each
// multilingual rule's groups among them.
const GROUPS: readonly (readonly string[])[] = [
  ...new Set(INJECTION_I18N_RULES.flatMap((r) => r.phrasesNeeded ?? [])),
];
const GROUPS_OF: readonly (readonly number[])[] = INJECTION_I18N_RULES.map((r) =>
  (r.phrasesNeeded ?? []).map((group) => GROUPS.indexOf(group)),
);
// Per group: the call that last searched for it, and whether the text held one of its phrases.
const searchedIn = new Int32Array(GROUPS.length);
const groupHeld = new Uint8Array(GROUPS.length);

/**
 * Whether `plain` holds a phrase of every `phrasesNeeded` group of multilingual rule `ri`, each
 * group searched once per call of {@link i18nRules}.
 */
function phrasesHeld(ri: number, plain: string): boolean {
  for (const gi of GROUPS_OF[ri] as number[]) {
    if (searchedIn[gi] !== chooseCall) {
      searchedIn[gi] = chooseCall;
      groupHeld[gi] = (GROUPS[gi] as string[]).some((phrase) => plain.includes(phrase)) ? 1 : 0;
    }
    if (groupHeld[gi] === 0) return false;
  }
  return true;
}

/**
 * Multilingual rules worth running on `plain`, in rule order: their script
 * occurs and, for rules with anchors, one of the anchors (or, for rules marked
 * `nonAscii`, any non-ASCII character) does too, and so does a phrase of each of
 * their `phrasesNeeded` groups.
 * @param knownAscii - the caller knows `plain` is ASCII (skips that check)
 */
export function i18nRules(plain: string, knownAscii = false): InjectionRule[] {
  const nonAscii = !knownAscii && NON_ASCII.test(plain);
  // Script answers as bits (there are far fewer than 31 scripts): no allocation.
  let present = 0;
  let anchored = false;
  for (let si = 0; si < SCRIPTS.length; si++) {
    if (!nonAscii && SCRIPT_MATCHES_ASCII[si] !== true) continue;
    if (!(SCRIPTS[si] as RegExp).test(plain)) continue;
    present |= 1 << si;
    anchored ||= HAS_ANCHORED[si] === true;
  }
  if (present === 0) return [];
  if (chooseCall === 0x7fffffff) {
    chosenIn.fill(0);
    searchedIn.fill(0);
    chooseCall = 0;
  }
  chooseCall++;
  const picked: number[] = [];
  const pick = (ri: number): void => {
    if (chosenIn[ri] === chooseCall) return;
    chosenIn[ri] = chooseCall;
    picked.push(ri);
  };
  for (let si = 0; si < SCRIPTS.length; si++) {
    if ((present & (1 << si)) === 0) continue;
    for (const ri of FREE[si] as number[]) pick(ri);
    if (nonAscii) for (const ri of ON_NON_ASCII[si] as number[]) pick(ri);
  }
  if (anchored) {
    const { idx, kws } = keywordsIn(plain);
    for (const k of kws)
      for (const ri of idx.i18n[k] as number[])
        if ((present & (1 << (SCRIPT_OF[ri] as number))) !== 0) pick(ri);
  }
  picked.sort((x, y) => x - y);
  const rules: InjectionRule[] = [];
  for (const ri of picked)
    if (phrasesHeld(ri, plain)) rules.push(INJECTION_I18N_RULES[ri] as InjectionRule);
  return rules;
}
