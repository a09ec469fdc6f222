/**
 * Right-to-left override runs: text between U+202E (RIGHT-TO-LEFT OVERRIDE)
 * and the next U+202C (POP DIRECTIONAL FORMATTING), or the end of the text,
 * is displayed reversed, so a reader (or a model shown the rendered text)
 * sees it backwards. The injection engine scans these runs the way they are
 * read. Every run is cut out in one left-to-right pass and all of them are
 * joined into ONE text that is scanned once, without looking for overrides
 * again: the work is linear in the input however many overrides it holds.
 * (Scanning each run by re-entering the full engine recursed once per
 * override: a run of U+202E characters took quadratic time and overflowed the
 * stack — regression: issue 12.)
 */

const RLO = '\u202e';
const PDF = '\u202c';
/** Keeps two runs from reading as one sentence when they are joined. */
const SEPARATOR = '\n\n';
/**
 * Directional formatting characters: invisible, so a reader of the run does not
 * see them; they are dropped from the reversed view (less to normalise again).
 */
const DIRECTIONAL_FORMATTING = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One override run: where it starts in the original text, where it ends. */
export type ReversedRun = {
  /** Offset of the U+202E that opens the run. */
  readonly start: number;
  /** Offset just past the run's last character (its U+202C, if any, is not included). */
  readonly end: number;
};

/** The runs displayed reversed, and their reversed text joined for one scan. */
export type ReversedView = {
  readonly runs: readonly ReversedRun[];
  /** The runs' text, each reversed by code point, joined by a blank line. */
  readonly text: string;
  /** Where each run's reversed text starts in {@link ReversedView.text}, ascending. */
  readonly offsets: readonly number[];
};

/** Whether a run holds anything a rule could match (a letter or digit). */
function hasWordCharacter(s: string): boolean {
  return /[\p{L}\p{N}]/u.test(s);
}

/**
 * Reverses by code point, so surrogate pairs stay whole (lone surrogates are
 * kept as they are). One pass over UTF-16 units into a typed array: the
 * spread-reverse-join idiom allocated a string per code point and was the
 * largest cost of scanning long override runs.
 * @param s - any string
 * @returns `s` with its code points in reverse order
 */
export function reverseCodePoints(s: string): string {
  const out = new Uint16Array(s.length);
  let w = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const unit = s.charCodeAt(i);
    const before = i > 0 ? s.charCodeAt(i - 1) : 0;
    if (unit >= 0xdc00 && unit <= 0xdfff && before >= 0xd800 && before <= 0xdbff) {
      out[w++] = before;
      i--;
    }
    out[w++] = unit;
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('utf16le');
}

/**
 * Cuts `text` into its right-to-left override runs and joins them reversed.
 * @param text - the original text
 * @returns `null` when the text has no run with a letter or digit in it
 */
export function reversedView(text: string): ReversedView | null {
  const runs: ReversedRun[] = [];
  const offsets: number[] = [];
  let joined = '';
  let from = text.indexOf(RLO);
  while (from >= 0) {
    const pop = text.indexOf(PDF, from + 1);
    const end = pop < 0 ? text.length : pop;
    const body = text.slice(from + 1, end);
    if (hasWordCharacter(body)) {
      if (joined !== '') joined += SEPARATOR;
      offsets.push(joined.length);
      joined += reverseCodePoints(body.replace(DIRECTIONAL_FORMATTING, ''));
      runs.push({ start: from, end });
    }
    from = pop < 0 ? -1 : text.indexOf(RLO, pop + 1);
  }
  return runs.length === 0 ? null : { runs, text: joined, offsets };
}

/**
 * The run a position of {@link ReversedView.text} belongs to.
 * @param view - the reversed view
 * @param position - an offset into `view.text`
 * @returns the index into `view.runs`
 */
export function runAt(view: ReversedView, position: number): number {
  let lo = 0;
  let hi = view.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((view.offsets[mid] as number) <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
