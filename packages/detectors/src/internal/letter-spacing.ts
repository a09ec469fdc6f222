/**
 * Letter-spaced text ("i g n o r e   a l l") and vertical text (one character
 * per line) joined back into words for the injection rules: a single space
 * between two spaced characters is dropped, a wider gap or a space next to a
 * word reads as one word break; in a column of single characters each line
 * break goes and a blank line is the word break. Any space within a line
 * counts (a tab, a no-break, thin or ideographic space). Built in typed
 * arrays, one pass, so a million spaced characters cost one buffer and one
 * string, not one string piece and one array slot per character.
 */
import {
  countedCodePoint,
  type GapAndToken,
  isSingle,
  lineEndsAfter,
  maySpell,
  newGapAndToken,
  PUNCTUATION_ONLY,
  readGapAndToken,
} from './spaced-tokens.js';
import { Utf16Units } from './utf16-units.js';

/** Text joined by {@link joinLetterSpaced}, with each character's offset in the source. */
export type LetterSpacedJoin = {
  readonly text: string;
  /** `origin[k]`: offset of `text[k]` in the source; one more entry, the source's length. */
  readonly origin: Int32Array;
  /**
   * Whether a line break inside a run was kept that `wrappedLines: 'joined'`
   * drops (a spaced phrase wrapped over lines): the other reading differs.
   */
  readonly wrapped: boolean;
};

/** How {@link joinLetterSpaced} reads a line break between two spaced characters that share their lines with other spaced characters. */
export type LetterSpacedJoinOptions = {
  /**
   * `'word-break'`: as written, a word break (`i g n o r e` / `a l l` one word
   * a line); `'joined'`: dropped like the space between two letters (`p r e v`
   * / `i o u s` wrapped in the middle of a word). A column of single
   * characters is joined either way.
   * @default 'word-break'
   */
  readonly wrappedLines?: 'word-break' | 'joined';
};

/** Spaced characters in a row that make a run worth joining. */
const RUN_LENGTH = 8;

/** Most spaces after a character that still continue a spaced run (a word break is two or three). */
const MAX_GAP = 3;

/**
 * Most line breaks after a character that still continue a run: one (the
 * next letter of a column, or a spaced line wrapped), two or three (one or two
 * blank lines: a word break).
 */
const MAX_LINE_BREAKS = 3;

/** A space within a line, as a character class (`isLineSpace` in `spaced-tokens.ts`). */
const LINE_SPACE = '[ \\t\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]';
/**
 * What may follow a spaced character in its token without counting: combining
 * accents, the invisible characters a reader does not see, the second half of
 * a surrogate pair (at most four).
 */
const UNSEEN =
  '[\\u0300-\\u036f\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\udc00-\\udfff]{0,4}';
/**
 * A gap that may continue a run: one to three spaces within a line, or spaces
 * up to a line break and any white space after it (the token loop counts the
 * breaks). Each unit has one way to match, so a failed try gives back at most
 * one step per unit of the gap.
 */
const GAP = `(?:${LINE_SPACE}{1,${MAX_GAP}}|${LINE_SPACE}*[\\n\\v\\f\\r\\u2028\\u2029]\\s*)`;

/**
 * Seven spaced characters after a gap (the last one need not be followed by
 * one), each a single character with at most four unseen units after it: the
 * runs the gate joins hold it (a run of quoted letters, `'r' 'e' …`, does not,
 * and is not joined). A regular expression rules out ordinary prose, where it
 * never matches, much faster than the token loop.
 */
const SEVEN_AFTER_A_GAP = new RegExp(`\\s(?:\\S${UNSEEN}${GAP}){6}\\S`);

/** Whether a gap of `width` units continues a run (see {@link MAX_GAP} and {@link MAX_LINE_BREAKS}). */
const continuesRun = (gap: GapAndToken, width: number): boolean =>
  gap.withinLine
    ? width >= 1 && width <= MAX_GAP
    : gap.lineBreaks >= 1 && gap.lineBreaks <= MAX_LINE_BREAKS;

/**
 * Calls `onRun(start, end)` for the runs worth joining, in order: eight or
 * more spaced characters in a row (tokens of one character, see
 * {@link isSingle}), each gap between two of them one that
 * {@link continuesRun}, one of them more than a digit or punctuation. `start`
 * is where the first of them starts, `end` where the last one ends; with
 * `'first'`, only the first run, as soon as it holds eight (its end so far).
 */
function forEachRun(
  s: string,
  runs: 'first' | 'all',
  onRun: (start: number, end: number) => void,
): void {
  const token = newGapAndToken();
  let length = 0;
  let spells = false;
  let start = 0;
  let end = 0;
  let i = 0;
  while (i < s.length) {
    readGapAndToken(s, i, token);
    if (token.tokenStart === s.length) break;
    const apart = !continuesRun(token, token.tokenStart - i);
    i = token.end;
    const counted = countedCodePoint(s, token.tokenStart, token.end);
    // Punctuation alone between spaced words (`a l l / p r e v`) neither counts nor breaks a run.
    if (counted === PUNCTUATION_ONLY && !apart) continue;
    if (counted < 0 || apart) {
      if (spells && length >= RUN_LENGTH) onRun(start, end);
      length = 0;
      spells = false;
    }
    if (counted < 0) continue;
    if (length === 0) start = token.tokenStart;
    length++;
    end = token.end;
    spells ||= maySpell(counted);
    if (runs === 'first' && spells && length >= RUN_LENGTH) {
      onRun(start, end);
      return;
    }
  }
  if (spells && length >= RUN_LENGTH) onRun(start, end);
}

/**
 * Whether `s` holds a run worth joining: eight or more spaced characters in
 * a row, one to three spaces within a line apart (so a spaced phrase of short
 * words, `r e v e a l   y o u r   s y s t e m`, is one run) or one to three
 * line breaks apart (a column of characters, one a line, with blank lines
 * between its words; a spaced phrase wrapped over lines), one of them more
 * than a digit or punctuation. One pass over the tokens, no allocation per
 * token, once the pattern above says a run may be there.
 * @param s - the text as written
 * @returns whether {@link joinLetterSpaced} may make words the rules read
 */
export function hasLetterSpacing(s: string): boolean {
  if (!SEVEN_AFTER_A_GAP.test(s)) return false;
  let found = false;
  forEachRun(s, 'first', () => {
    found = true;
  });
  return found;
}

/**
 * A test of whether a gap starting at `at` lies inside a run worth joining;
 * asked with `at` never decreasing. The runs are found on the first question
 * (one more pass over the tokens), so a text without a line break in a run
 * pays nothing.
 */
function runMembership(s: string): (at: number) => boolean {
  let runs: number[] | undefined;
  let r = 0;
  return (at) => {
    if (runs === undefined) {
      const found: number[] = [];
      forEachRun(s, 'all', (start, end) => found.push(start, end));
      runs = found;
    }
    while (r < runs.length && (runs[r + 1] as number) <= at) r += 2;
    return r < runs.length && (runs[r] as number) < at;
  };
}

/**
 * `s` with the single space between two spaced characters dropped (the same
 * space throughout a run: another one there is a word break) and every
 * other run of spaces read as one: `i g n o r e   a l l` reads `ignore all`,
 * while the words around a spaced run keep their spaces (`write 'r e v e a l
 * y o u r' to` reads `write 'reveal your' to`, so a quotation stays one).
 * Inside a run worth joining (see {@link hasLetterSpacing}), a single line
 * break between two characters each alone on its line is dropped with the
 * spaces around it (`i` / `g` / `n` … reads `ign…`); blank lines stay, as a
 * word break. A single line break between spaced characters that share their
 * lines is read as `options.wrappedLines` says. Other gaps with a line break
 * stay as written.
 * @param s - the text as written
 * @param options - how to read a spaced line wrapped over lines
 * @returns the joined text and the source offset of each of its characters
 */
export function joinLetterSpaced(
  s: string,
  options: LetterSpacedJoinOptions = {},
): LetterSpacedJoin {
  const joinWrapped = options.wrappedLines === 'joined';
  const inRun = runMembership(s);
  const units = new Utf16Units(s.length);
  const origin = new Int32Array(s.length + 1);
  let previousSingle = false;
  let previousStartsLine = true;
  let wrapped = false;
  // The space that separates the letters of the current run (-1: none yet): another one between
  // two of its letters is a word break (`i g n o r e<TAB>a l l`).
  let letterGap = -1;
  const token = newGapAndToken();
  let i = 0;
  while (i < s.length) {
    readGapAndToken(s, i, token);
    const { tokenStart: gapEnd, end, withinLine } = token;
    const single = end > gapEnd && isSingle(s, gapEnd, end);
    const between = i > 0 && previousSingle && single;
    const gapUnit = s.charCodeAt(i);
    let joined = false;
    if (withinLine)
      joined = gapEnd - i === 1 && between && (letterGap === -1 || letterGap === gapUnit);
    else if (between && token.lineBreaks === 1 && inRun(i)) {
      const column = previousStartsLine && lineEndsAfter(s, end);
      joined = column || joinWrapped;
      wrapped ||= !column;
    }
    // A line break dropped in a run keeps the run's letter gap (a wrapped line goes on with it).
    if (withinLine || !joined) letterGap = joined ? gapUnit : -1;
    // Units of the gap left out: all when joined; all but the first of a gap within a line; none
    // of another gap with a line break (it stays as written).
    const dropFrom = joined ? i : withinLine ? Math.min(gapEnd, i + 1) : gapEnd;
    for (let k = i; k < end; k++) {
      if (k >= dropFrom && k < gapEnd) continue;
      origin[units.length] = k;
      units.push(s.charCodeAt(k));
    }
    previousSingle = single;
    previousStartsLine = i === 0 || token.lineBreaks > 0;
    i = end;
  }
  origin[units.length] = s.length;
  return { text: units.toText(), origin: origin.subarray(0, units.length + 1), wrapped };
}
