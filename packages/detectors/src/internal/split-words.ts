/**
 * Words split by one mark a reader reads through (`ig-nore`, `dis'regard`,
 * `sys*tem`) and dotted abbreviations (`a.p.i.`, `d.a.n.`) joined back, for
 * the English injection rules. Works on the normaliser's lower-cased view; the
 * caller reads the joined view only when it brings words of the rules'
 * vocabulary the view lacks, so hyphenated words cost one pass and nothing
 * more.
 */
import { isAsciiLower } from './ascii.js';
import { Utf16Units } from './utf16-units.js';

/** A view with split words joined, and where each of its units comes from in the source view. */
export type JoinedWords = {
  readonly text: string;
  /** `map[k]`: index in the source view of `text[k]`. */
  readonly map: Int32Array;
  /** Index in `text` of the first and of the last joint. */
  readonly first: number;
  readonly last: number;
};

/**
 * Marks that split a word for a filter but not for a reader and seldom sit
 * between two letters otherwise: hyphens and dashes, apostrophes, the
 * asterisk. Dots, underscores and slashes join letters all the time in code,
 * paths and domains, so they count only between single letters (`a.p.i.`).
 */
const isSplitter = (c: number): boolean =>
  c === 45 || c === 39 || c === 42 || (c >= 0x2010 && c <= 0x2015) || c === 0x2019 || c === 0x2212;

/** A mark between two letters, as a pattern: views without one are not read further. */
const SPLIT = /[a-z][-'*\u2010-\u2015\u2019\u2212][a-z]|(?<![a-z])[a-z]\.[a-z](?![a-z])/;

/** Whether the dot at `k` stands between single letters (`a.p.i`), or ends such a run (`a.p.i.`). */
const isAbbreviationDot = (s: string, k: number): boolean =>
  s.charCodeAt(k) === 46 &&
  isAsciiLower(s.charCodeAt(k - 1)) &&
  !isAsciiLower(s.charCodeAt(k - 2)) &&
  ((isAsciiLower(s.charCodeAt(k + 1)) && !isAsciiLower(s.charCodeAt(k + 2))) ||
    (s.charCodeAt(k - 2) === 46 && !isAsciiLower(s.charCodeAt(k + 1))));

/**
 * `view` with every single mark between two letters dropped, and the last dot
 * of a dotted abbreviation; undefined when there is none.
 * @param view - a lower-cased view (the normaliser's `text`)
 */
export function joinSplitWords(view: string): JoinedWords | undefined {
  if (!SPLIT.test(view)) return undefined;
  const map = new Int32Array(view.length);
  const out = new Utf16Units(view.length);
  let first = -1;
  let last = -1;
  for (let k = 0; k < view.length; k++) {
    const c = view.charCodeAt(k);
    const joint =
      (isSplitter(c) &&
        isAsciiLower(view.charCodeAt(k - 1)) &&
        isAsciiLower(view.charCodeAt(k + 1))) ||
      isAbbreviationDot(view, k);
    if (joint) {
      if (first < 0) first = out.length;
      last = out.length;
      continue;
    }
    map[out.length] = k;
    out.push(c);
  }
  return { text: out.toText(), map: map.subarray(0, out.length), first, last };
}
