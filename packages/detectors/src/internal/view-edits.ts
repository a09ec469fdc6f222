/**
 * Edits that undo light obfuscation of a credential or an identifier:
 * escapes (`%67`, `\x67`,
 * `\u0067`, `&#103;`, `&lt;`), invisible and fullwidth characters, string
 * concatenation (`"ghp_" + "…"`, `'a' 'b'`, template pieces), a token split
 * over lines (found by the base64 walk of `secret-views.ts`), letters spaced
 * out one by one, and digits written as words. Each pass runs only when the
 * keyword scan raised its trigger (`view-triggers.ts`), so a text without
 * encodings pays for none of them. An edit replaces `[start, end)` of its
 * input; the secret views apply them.
 */
import { EditList, mergeOrdered } from './edit-list.js';
import { isIgnorable } from './ignorable.js';
import { nativeDigitValue } from './native-digits.js';
import { NAMED_REFERENCES, ViewTrigger } from './view-triggers.js';

export type { Edit } from './edit-list.js';
export { EditList } from './edit-list.js';

/** What the unicode pass does with a code point. */
enum CharClass {
  Kept = 0,
  /** Default_Ignorable_Code_Point: a reader sees nothing, so it is dropped. */
  Ignorable = 1,
  /** Its compatibility form may be one ASCII character, or it is a digit of another script: folded. */
  Compat = 2,
}

/**
 * Characters whose compatibility form may be one ASCII character: fullwidth forms, the
 * ideographic space, super- and subscripts, letterlike symbols, enclosed alphanumerics and
 * the mathematical alphanumerics.
 */
const isCompat = (cp: number): boolean =>
  (cp >= 0xff01 && cp <= 0xff5e) ||
  cp === 0x3000 ||
  (cp >= 0x2070 && cp <= 0x209f) ||
  (cp >= 0x2100 && cp <= 0x214f) ||
  (cp >= 0x2460 && cp <= 0x24ff) ||
  (cp >= 0x1d400 && cp <= 0x1d7ff);

function classOf(cp: number): CharClass {
  if (isIgnorable(cp)) return CharClass.Ignorable;
  return isCompat(cp) || nativeDigitValue(cp) >= 0 ? CharClass.Compat : CharClass.Kept;
}

/** Characters of tokens, keys and addresses. */
const TOKENISH = (() => {
  const t = new Uint8Array(128);
  for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=.@:~$!*')
    t[c.charCodeAt(0)] = 1;
  return t;
})();

const PERCENT = /%([0-9A-Fa-f]{2})/g;
const BACKSLASH = /\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|u\{([0-9A-Fa-f]{1,6})\})/g;
const AMP = /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,8}));/g;

// A closing quote right after a token character, an optional operator (`+`, `.`, `..`, `||`,
// `&`, `~`) with white space and at most one line break on each side, and an opening quote
// right before a token character: the seam of two string literals.
const CONCAT =
  /["'`](?<=[A-Za-z0-9_+/=-]["'`])[ \t]*(?:\r?\n[ \t]*)?(?:(?:\+|\.\.?|\|\||&|~)[ \t]*(?:\r?\n[ \t]*)?)?["'`](?=[A-Za-z0-9_+/=-])/g;
// A literal string inside a template (`${"abc"}`, `${'abc'}`); the value is kept.
const TEMPLATE_PIECE = /\$\{[ \t]*(["'])([A-Za-z0-9_+/=\-.]{1,200})\1[ \t]*\}/g;
// Eight or more single characters separated by single spaces ("g h p _ a b c").
const SPACED = / (?<=(?:^|[\t\n\r ])[^\s] )[^\s](?: [^\s]){6,}(?![^\s])/g;

const DIGIT_WORD: Readonly<Record<string, string>> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
// Seven or more digit words in a row, separated by spaces, commas or hyphens.
const WORD = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)';
const DIGIT_WORDS = new RegExp(`\\b${WORD}(?:[ \\t]{0,3}[,\\-]?[ \\t]{1,3}${WORD}\\b){6,24}`, 'gi');
const ONE_DIGIT_WORD = new RegExp(`${WORD}|[,\\-]`, 'gi');

/**
 * What a decoded code point adds to a token or an address: itself for the
 * characters they are made of, '' for an ignorable one, else undefined (a
 * decoded space or bracket splits nothing worth a view).
 */
function asciiOf(cp: number): string | undefined {
  if (cp < 0x7f && TOKENISH[cp] === 1) return String.fromCharCode(cp);
  return isIgnorable(cp) ? '' : undefined;
}

function numberEdit(edits: EditList, m: RegExpExecArray, cp: number): void {
  const out = cp <= 0x10ffff ? asciiOf(cp) : undefined;
  if (out !== undefined) edits.push(m.index, m.index + m[0].length, out);
}

/** Edits of one escape syntax, in text order. */
function escapesOf(re: RegExp, s: string, decode: (m: RegExpExecArray) => number): EditList {
  const edits = new EditList();
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) numberEdit(edits, m, decode(m));
  return edits;
}

/** HTML character references, named and numeric, in text order. */
function entityEdits(s: string): EditList {
  const edits = new EditList();
  AMP.lastIndex = 0;
  for (let m = AMP.exec(s); m; m = AMP.exec(s)) {
    if (m[3] !== undefined) {
      const out = NAMED_REFERENCES[m[3].toLowerCase()];
      if (out !== undefined) edits.push(m.index, m.index + m[0].length, out);
    } else
      numberEdit(edits, m, m[1] !== undefined ? Number(m[1]) : Number.parseInt(m[2] as string, 16));
  }
  return edits;
}

/** `%XX`, `\xNN`, `\uXXXX`, `\u{…}` and HTML character references: one list per syntax. */
function escapeEdits(s: string, triggers: number): EditList[] {
  const lists: EditList[] = [];
  if ((triggers & ViewTrigger.PERCENT) !== 0)
    lists.push(escapesOf(PERCENT, s, (m) => Number.parseInt(m[1] as string, 16)));
  if ((triggers & ViewTrigger.BACKSLASH) !== 0)
    lists.push(
      escapesOf(BACKSLASH, s, (m) => Number.parseInt((m[1] ?? m[2] ?? m[3]) as string, 16)),
    );
  if ((triggers & ViewTrigger.ENTITY) !== 0) lists.push(entityEdits(s));
  return lists;
}

/** Fold of a code point not worked out yet (0: none). */
const UNKNOWN = 0xff;
/** The printable ASCII code a compatibility character folds to (0: none), per code unit. */
let bmpFolds: Uint8Array | undefined;
/** The same for the mathematical alphanumerics, from U+1D400. */
let mathFolds: Uint8Array | undefined;
const MATH_START = 0x1d400;

/**
 * The printable ASCII code a compatibility character's NFKC form is, or the ASCII digit a
 * digit of another script stands for (0: none), kept per code point.
 */
function asciiFold(cp: number): number {
  let table: Uint8Array;
  let at: number;
  if (cp <= 0xffff) {
    bmpFolds ??= new Uint8Array(0x10000).fill(UNKNOWN);
    table = bmpFolds;
    at = cp;
  } else {
    mathFolds ??= new Uint8Array(0x400).fill(UNKNOWN);
    table = mathFolds;
    at = cp - MATH_START;
  }
  let folded = table[at] as number;
  if (folded === UNKNOWN) {
    const f = String.fromCodePoint(cp).normalize('NFKC');
    const c = f.charCodeAt(0);
    const digit = nativeDigitValue(cp);
    folded = f.length === 1 && c >= 0x20 && c < 0x7f ? c : digit >= 0 ? 48 + digit : 0;
    table[at] = folded;
  }
  return folded;
}

/**
 * One edit per stretch of a run of compatibility characters that fold to
 * ASCII, each output character mapped to its own source character.
 */
function foldRun(s: string, start: number, end: number, edits: EditList): void {
  const first = s.codePointAt(start) as number;
  if (start + (first > 0xffff ? 2 : 1) === end) {
    // One character (the usual run): its edit maps the whole span, no per-character spans.
    const folded = asciiFold(first);
    if (folded !== 0) edits.push(start, end, String.fromCharCode(folded));
    return;
  }
  // Folded codes and their source spans, for the whole run; a stretch is a slice of them.
  const codes = Buffer.allocUnsafe(end - start);
  const spans = new Int32Array(2 * (end - start));
  let from = 0;
  let n = 0;
  const close = (): void => {
    if (n > from)
      edits.push(
        spans[2 * from] as number,
        spans[2 * n - 1] as number,
        codes.toString('latin1', from, n),
        spans.subarray(2 * from, 2 * n),
      );
    from = n;
  };
  for (let i = start; i < end; ) {
    const cp = s.codePointAt(i) as number;
    const next = i + (cp > 0xffff ? 2 : 1);
    const folded = asciiFold(cp);
    if (folded === 0) close();
    else {
      codes[n] = folded;
      spans[2 * n] = i;
      spans[2 * n + 1] = next;
      n++;
    }
    i = next;
  }
  close();
}

/** End of the run of code points of class `cls` that starts at `i`. */
function runEnd(s: string, i: number, cls: CharClass): number {
  let j = i;
  while (j < s.length) {
    const cp = s.codePointAt(j) as number;
    if (classOf(cp) !== cls) break;
    j += cp > 0xffff ? 2 : 1;
  }
  return j;
}

/**
 * The end of a run of compatibility characters that goes on past single spaces (`Ａ Ｂ Ｃ`,
 * `① ② ③`) while the character after each space folds: one edit for the whole spaced run
 * instead of one per character.
 */
function spacedRunEnd(s: string, start: number, end: number): number {
  if (asciiFold(s.codePointAt(start) as number) === 0) return end;
  let e = end;
  while (s.charCodeAt(e) === 32 && e + 1 < s.length) {
    const cp = s.codePointAt(e + 1) as number;
    if (cp < 0x80 || classOf(cp) !== CharClass.Compat || asciiFold(cp) === 0) break;
    e = runEnd(s, e + 1, CharClass.Compat);
  }
  return e;
}

/**
 * Ignorable characters dropped (a run of them is one edit: a million in a row made a million
 * edits), compatibility characters folded to ASCII; in text order.
 */
function unicodeEdits(s: string): EditList {
  const edits = new EditList();
  // A UTF-8 length equal to the UTF-16 length means ASCII only: a native count, far cheaper
  // than a pass over every character.
  if (Buffer.byteLength(s, 'utf8') === s.length) return edits;
  for (let i = 0; i < s.length; ) {
    if (s.charCodeAt(i) < 0x80) {
      i++;
      continue;
    }
    const cls = classOf(s.codePointAt(i) as number);
    if (cls === CharClass.Kept) {
      i++;
      continue;
    }
    let end = runEnd(s, i, cls);
    if (cls === CharClass.Ignorable) edits.push(i, end, '');
    else {
      end = spacedRunEnd(s, i, end);
      foldRun(s, i, end, edits);
    }
    i = end;
  }
  return edits;
}

/** Seams of concatenated literals, then template pieces: two lists in text order. */
function joinEdits(s: string): EditList[] {
  const seams = new EditList();
  CONCAT.lastIndex = 0;
  for (let m = CONCAT.exec(s); m; m = CONCAT.exec(s))
    seams.push(m.index, m.index + m[0].length, '');
  const pieces = new EditList();
  if (s.includes('${')) {
    TEMPLATE_PIECE.lastIndex = 0;
    for (let m = TEMPLATE_PIECE.exec(s); m; m = TEMPLATE_PIECE.exec(s)) {
      const inner = m[2] as string;
      const at = m.index + m[0].indexOf(inner);
      pieces.push(m.index, at, '');
      pieces.push(at + inner.length, m.index + m[0].length, '');
    }
  }
  return [seams, pieces];
}

/** A printable ASCII character other than a space. */
const PRINTABLE_ASCII = /[!-~]/;

/**
 * The single spaces of letter-spaced runs, in text order. With `asciiOnly`, a run without
 * any printable ASCII character is left alone: the personal-data rules read ASCII, and a
 * run made only of characters the Unicode pass folds (`① ② ③`, `４ １ １`) is joined in the
 * view of its folded form (a million such characters were joined twice).
 */
function spacingEdits(s: string, asciiOnly: boolean): EditList {
  const edits = new EditList();
  SPACED.lastIndex = 0;
  for (let m = SPACED.exec(s); m; m = SPACED.exec(s)) {
    if (asciiOnly && !PRINTABLE_ASCII.test(m[0])) continue;
    const end = m.index + m[0].length;
    for (let i = m.index; i < end; i += 2) edits.push(i, i + 1, '');
  }
  return edits;
}

/** Runs of digit words as digits (a comma or hyphen between them as `-`), in text order. */
function digitWordEdits(s: string): EditList {
  const edits = new EditList();
  DIGIT_WORDS.lastIndex = 0;
  for (let m = DIGIT_WORDS.exec(s); m; m = DIGIT_WORDS.exec(s)) {
    let out = '';
    const spans: number[] = [];
    ONE_DIGIT_WORD.lastIndex = 0;
    const run = m[0];
    for (let w = ONE_DIGIT_WORD.exec(run); w; w = ONE_DIGIT_WORD.exec(run)) {
      const d = DIGIT_WORD[w[0].toLowerCase()] ?? '-';
      if (d === '-' && (out === '' || out.endsWith('-'))) continue;
      out += d;
      spans.push(m.index + w.index, m.index + w.index + w[0].length);
    }
    edits.push(m.index, m.index + run.length, out, spans);
  }
  return edits;
}

/** Options of {@link findEdits}. */
export type EditOptions = {
  /** {@link ViewTrigger} bits raised by the keyword scan: each pass runs only when asked for. */
  readonly triggers: number;
  /** Edits found elsewhere, in text order (line continuations from the base64 walk). */
  readonly extra?: EditList;
};

/**
 * Every edit of `s` the triggers ask for, in text order, none overlapping (of
 * two that overlap, the one that starts first). The result depends on the
 * text alone (never on the categories scanned), so a category's findings are
 * the same whether it is scanned alone or with others.
 */
export function findEdits(s: string, opts: EditOptions): EditList {
  const t = opts.triggers;
  const lists = opts.extra ? [opts.extra] : [];
  lists.push(...escapeEdits(s, t), unicodeEdits(s));
  if ((t & ViewTrigger.CONCAT) !== 0) lists.push(...joinEdits(s));
  if ((t & ViewTrigger.SPACED) !== 0) lists.push(spacingEdits(s, false));
  return mergeOrdered(lists);
}

/** Edits for personal data only: letter-spaced runs (digits) and digit words. */
export function piiEdits(s: string): EditList {
  const words = digitWordEdits(s);
  return s.includes(' ') ? mergeOrdered([spacingEdits(s, true), words]) : words;
}
