/**
 * Words split by a symbol or a punctuation mark a reader skips (`c😀ontents`,
 * `Ver★giss`, `Игно👍🏽рируй`, `ig•nore`) joined back, for the injection rules
 * of every language. A run of non-ASCII marks of {@link SPLITTING_MARKS}
 * (emoji, dingbats, arrows, mathematical and currency signs, bullets, inverted
 * question marks) between two letters splits a word for a rule and not for a
 * reader. Works on the normaliser's views (`text` and `plain`, which share
 * offsets); the caller reads the joined view only when there is one, which
 * honest text seldom gives (a mark glued to letters on both sides).
 */
import { codePointBits, hasCodePoint } from './code-point-bits.js';
import { Pairs } from './pairs.js';
import { Utf16Units } from './utf16-units.js';

/** The normaliser's two views with words split by a mark joined, and where each unit comes from. */
export type SymbolJoinedWords = {
  /** The folded view, joined. */
  readonly text: string;
  /** The plain view (accents kept, for the multilingual rules), joined the same way. */
  readonly plain: string;
  /** `map[k]`: index in the source views of `text[k]` (and `plain[k]`). */
  readonly map: Int32Array;
};

/**
 * Most code points in one split: three family emoji with skin tones (the
 * normaliser drops their joiners); a longer run is decoration.
 */
const MAX_RUN = 16;

/** Highest code point the sets below hold: no splitting mark and no letter of a rule's words lies past plane 1. */
const LAST = 0x1ffff;

/** Every code point from U+0080 to {@link LAST} but the surrogates, in one string. */
function allCodePoints(): string {
  const parts: string[] = [];
  for (let cp = 0x80; cp <= LAST; cp += 0x1000) {
    const chunk: number[] = [];
    for (let c = cp; c < cp + 0x1000 && c <= LAST; c++) if (c < 0xd800 || c > 0xdfff) chunk.push(c);
    parts.push(String.fromCodePoint(...chunk));
  }
  return parts.join('');
}

/** The code points up to {@link LAST} that `runs` (a global, `u`-flag class run) matches, as bits. */
function bitsOf(runs: RegExp, all: string): Uint8Array {
  const ranges: number[] = [];
  for (const m of all.matchAll(runs)) {
    const first = m[0].codePointAt(0) as number;
    const lastUnit = m[0].length - 1;
    const tail = m[0].charCodeAt(lastUnit);
    const last =
      tail >= 0xdc00 && tail <= 0xdfff
        ? (m[0].codePointAt(lastUnit - 1) as number)
        : (m[0].codePointAt(lastUnit) as number);
    ranges.push(first, last);
  }
  return codePointBits(ranges, LAST);
}

/**
 * Marks that split a word when typed inside it: symbols (S), other punctuation
 * (Po: `…`, `•`, `¿`, `※`) and other numbers (No: `½`, `²`, `①`). Not dashes,
 * brackets or quotes (`l’instruction`, `word—word` are spelling).
 */
const SPLITTING_MARKS = /[\p{S}\p{Po}\p{No}]+/gu;

/**
 * Marks of scripts that glue them to letters: the Hebrew geresh and
 * gershayim (inside words), Arabic comma, semicolon, question mark and
 * percent sign, the Devanagari dandas, CJK and fullwidth punctuation (texts
 * without spaces). They split a word only between letters of the alphabets
 * that never use them ({@link isForeignToScriptMarks}).
 */
const isScriptMark = (cp: number): boolean =>
  cp === 0x5f3 ||
  cp === 0x5f4 ||
  cp === 0x60c ||
  cp === 0x61b ||
  cp === 0x61f ||
  cp === 0x66a ||
  cp === 0x6d4 ||
  cp === 0x964 ||
  cp === 0x965 ||
  (cp >= 0x3000 && cp <= 0x303f) ||
  (cp >= 0xff00 && cp <= 0xffef);

/**
 * Whether `cp` is a letter of Latin, Greek, Cyrillic, Armenian or Georgian,
 * whose words a script mark (`Ver。giss`, `Igno׳riere`) can only split.
 */
const isForeignToScriptMarks = (cp: number): boolean =>
  cp < 0x590 ||
  (cp >= 0x10a0 && cp <= 0x10ff) ||
  (cp >= 0x1c80 && cp <= 0x1cbf) ||
  (cp >= 0x1d00 && cp <= 0x1fff) ||
  (cp >= 0x2c00 && cp <= 0x2dff) ||
  (cp >= 0xa640 && cp <= 0xa69f) ||
  (cp >= 0xa720 && cp <= 0xa7ff) ||
  (cp >= 0xab30 && cp <= 0xab6f);

// Non-ASCII splitting marks and letters, one bit each, built on first use (16 KB each).
let sets: { marks: Uint8Array; letters: Uint8Array } | undefined;

function categorySets(): { marks: Uint8Array; letters: Uint8Array } {
  if (sets === undefined) {
    const all = allCodePoints();
    sets = { marks: bitsOf(SPLITTING_MARKS, all), letters: bitsOf(/\p{L}+/gu, all) };
  }
  return sets;
}

/** Whether `cp` is a splitting mark outside ASCII ({@link SPLITTING_MARKS}). */
const isSplittingMark = (marks: Uint8Array, cp: number): boolean =>
  cp >= 0x80 && cp <= LAST && hasCodePoint(marks, cp);

/** Whether `cp` is a letter (general category L). */
const isLetter = (letters: Uint8Array, cp: number): boolean =>
  (cp >= 97 && cp <= 122) ||
  (cp >= 65 && cp <= 90) ||
  (cp >= 0x80 && cp <= LAST && hasCodePoint(letters, cp));

/** The code point at `k` of `s` (the unit itself when it is not a pair's first). */
function codePointAt(s: string, k: number): number {
  const c = s.charCodeAt(k);
  return c >= 0xd800 && c <= 0xdbff ? (s.codePointAt(k) as number) : c;
}

/** The code point that ends just before `k` of `s` (-1 at the start). */
function codePointBefore(s: string, k: number): number {
  if (k === 0) return -1;
  const c = s.charCodeAt(k - 1);
  return c >= 0xdc00 && c <= 0xdfff && k >= 2 ? (s.codePointAt(k - 2) as number) : c;
}

/**
 * The runs of at most {@link MAX_RUN} non-ASCII splitting marks of `view`
 * that stand between two letters, as flat `[start, end)` pairs.
 */
function symbolSplits(view: string): Int32Array {
  const { marks, letters } = categorySets();
  const runs = new Pairs();
  let k = 0;
  while (k < view.length) {
    if (view.charCodeAt(k) < 0x80) {
      k++;
      continue;
    }
    const start = k;
    let count = 0;
    let scriptMark = false;
    for (let cp = codePointAt(view, k); count < MAX_RUN && isSplittingMark(marks, cp); ) {
      scriptMark ||= isScriptMark(cp);
      k += cp > 0xffff ? 2 : 1;
      count++;
      cp = k < view.length ? codePointAt(view, k) : -1;
    }
    if (count === 0) {
      k++;
      continue;
    }
    if (k >= view.length) continue;
    const before = codePointBefore(view, start);
    const after = codePointAt(view, k);
    if (!isLetter(letters, before) || !isLetter(letters, after)) continue;
    if (scriptMark && !(isForeignToScriptMarks(before) && isForeignToScriptMarks(after))) continue;
    runs.push(start, k);
  }
  return runs.done();
}

/**
 * Longest word, in UTF-16 units, that a chain of splits may join into: a
 * hidden word is short (`instr★uct★ions`); marks glued between every word of a
 * text (`тест•тест•…`) would join it into one long word, read twice for nothing.
 */
const MAX_JOINED_WORD = 48;

/** Whether `view[from, to)` is letters only (the piece between two splits of one word). */
function lettersOnly(view: string, from: number, to: number, letters: Uint8Array): boolean {
  for (let k = from; k < to; ) {
    const cp = codePointAt(view, k);
    if (!isLetter(letters, cp)) return false;
    k += cp > 0xffff ? 2 : 1;
  }
  return true;
}

/** Start of the letters that end at `end` (the first piece of a split word). */
function lettersFrom(view: string, end: number, letters: Uint8Array): number {
  let k = end;
  for (let cp = codePointBefore(view, k); isLetter(letters, cp); cp = codePointBefore(view, k))
    k -= cp > 0xffff ? 2 : 1;
  return k;
}

/** End of the letters that start at `start` (the last piece of a split word). */
function lettersTo(view: string, start: number, letters: Uint8Array): number {
  let k = start;
  for (let cp = codePointAt(view, k); isLetter(letters, cp); cp = codePointAt(view, k))
    k += cp > 0xffff ? 2 : 1;
  return k;
}

/**
 * The splits of `runs` that join words of at most {@link MAX_JOINED_WORD}
 * units: the splits of one word are the runs with only letters between them.
 */
function withinShortWords(view: string, runs: Int32Array): Int32Array {
  const { letters } = categorySets();
  const kept = new Pairs();
  let first = 0;
  while (first < runs.length) {
    let last = first;
    let marks = (runs[first + 1] as number) - (runs[first] as number);
    while (
      last + 2 < runs.length &&
      lettersOnly(view, runs[last + 1] as number, runs[last + 2] as number, letters)
    ) {
      last += 2;
      marks += (runs[last + 1] as number) - (runs[last] as number);
    }
    const wordStart = lettersFrom(view, runs[first] as number, letters);
    const wordEnd = lettersTo(view, runs[last + 1] as number, letters);
    if (wordEnd - wordStart - marks <= MAX_JOINED_WORD)
      for (let r = first; r <= last; r += 2) kept.push(runs[r] as number, runs[r + 1] as number);
    first = last + 2;
  }
  return kept.done();
}

/** `s` without the `[start, end)` pairs of `runs` (in order, not overlapping), `size` units long. */
function without(s: string, runs: Int32Array, size: number): string {
  const out = new Utf16Units(size);
  let from = 0;
  for (let r = 0; r < runs.length; r += 2) {
    out.pushRange(s, from, runs[r] as number);
    from = runs[r + 1] as number;
  }
  out.pushRange(s, from, s.length);
  return out.toText();
}

/**
 * `text` and `plain` with every run of non-ASCII splitting marks that stands
 * between two letters of a short word dropped; undefined when there is none.
 * @param text - the normaliser's folded, lower-cased view
 * @param plain - its plain view, of the same length
 */
export function joinSymbolSplitWords(text: string, plain: string): SymbolJoinedWords | undefined {
  const runs = withinShortWords(text, symbolSplits(text));
  if (runs.length === 0) return undefined;
  let dropped = 0;
  for (let r = 0; r < runs.length; r += 2) dropped += (runs[r + 1] as number) - (runs[r] as number);
  const size = text.length - dropped;
  const map = new Int32Array(size);
  let k = 0;
  let from = 0;
  for (let r = 0; r <= runs.length; r += 2) {
    const to = r < runs.length ? (runs[r] as number) : text.length;
    for (let i = from; i < to; i++) map[k++] = i;
    from = runs[r + 1] as number;
  }
  return { text: without(text, runs, size), plain: without(plain, runs, size), map };
}
