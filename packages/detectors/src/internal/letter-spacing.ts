/**
 * Letter-spaced text ("i g n o r e   a l l") joined back into words for the
 * injection rules: a single space between two spaced characters is dropped, a
 * wider gap or a space next to a word reads as one word break. Any space
 * within a line counts (a tab, a no-break, thin or ideographic space). Built in
 * typed arrays, one pass, so a million spaced characters cost one buffer and
 * one string, not one string piece and one array slot per character.
 */
import { isAsciiPunctuation } from './ascii.js';
import { isReadThroughMark } from './diacritics.js';
import { isIgnorable } from './ignorable.js';
import { Utf16Units } from './utf16-units.js';

/** Text joined by {@link joinLetterSpaced}, with each character's offset in the source. */
export type LetterSpacedJoin = {
  readonly text: string;
  /** `origin[k]`: offset of `text[k]` in the source; one more entry, the source's length. */
  readonly origin: Int32Array;
};

const SPACE = 32;

/**
 * Whether a code unit is a space within a line: the space, a tab, the
 * no-break, Ogham, typographic (en, em, thin, hair …), narrow no-break,
 * mathematical and ideographic spaces. Any of them can space letters out.
 */
const isLineSpace = (c: number): boolean =>
  c === SPACE ||
  c === 9 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000;

/** Spaced characters in a row that make a run worth joining. */
const RUN_LENGTH = 8;

/** Whether a code unit is JavaScript white space (what `\s` matches). */
const isWhiteSpace = (c: number): boolean =>
  (c >= 9 && c <= 13) ||
  c === 32 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/**
 * A character that may spell a word once joined: anything but a number,
 * punctuation, a separator or a control (letters, marks and symbols such as
 * circled letters stay). Digits alone spell no word: `٤ ٤ ٤ …` and
 * `① ① ① …` are not joined, so the injection rules do not read a
 * million-character number twice.
 */
const MAY_SPELL = /[^\p{N}\p{P}\p{Z}\p{C}]/u;

/** {@link MAY_SPELL} per BMP code point, filled on first use (0 not yet known, 1 may spell, 2 not). */
const maySpellCache = new Uint8Array(0x10000);

function maySpell(cp: number): boolean {
  if (cp > 0xffff) return MAY_SPELL.test(String.fromCodePoint(cp));
  let known = maySpellCache[cp] as number;
  if (known === 0) {
    known = MAY_SPELL.test(String.fromCharCode(cp)) ? 1 : 2;
    maySpellCache[cp] = known;
  }
  return known === 1;
}

/** Most spaces after a character that still continue a spaced run (a word break is two or three). */
const MAX_GAP = 3;

/** A space within a line, as a character class (see {@link isLineSpace}). */
const LINE_SPACE = '[ \\t\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]';
/**
 * What may follow a spaced character in its token without counting: combining
 * accents, the invisible characters a reader does not see, the second half of
 * a surrogate pair (at most four).
 */
const UNSEEN =
  '[\\u0300-\\u036f\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\udc00-\\udfff]{0,4}';

/**
 * Seven spaced characters after a space (the last one need not be followed
 * by one), each a single character with at most four unseen units after it:
 * the runs the gate joins hold it (a run of quoted letters, `'r' 'e' …`, does
 * not, and is not joined). A regular expression rules out ordinary prose,
 * where it never matches, much faster than the token loop.
 */
const SEVEN_AFTER_A_SPACE = new RegExp(
  `${LINE_SPACE}(?:\\S${UNSEEN}${LINE_SPACE}{1,${MAX_GAP}}){6}\\S`,
);

/**
 * Whether `s` holds a letter-spaced run worth joining: eight or more spaced
 * characters in a row (tokens of one character, see {@link isSingle}), one to
 * three spaces within a line apart (so a spaced phrase of short words, `r e v
 * e a l   y o u r   s y s t e m`, is one run), one of them more than a digit
 * or punctuation. One pass over the tokens, no allocation, once the pattern
 * above says a run may be there.
 * @param s - the text as written
 * @returns whether {@link joinLetterSpaced} may make words the rules read
 */
export function hasLetterSpacing(s: string): boolean {
  if (!SEVEN_AFTER_A_SPACE.test(s)) return false;
  let length = 0;
  let spells = false;
  const token: GapAndToken = { tokenStart: 0, end: 0, withinLine: true };
  let i = 0;
  while (i < s.length) {
    readGapAndToken(s, i, token);
    if (token.tokenStart === s.length) break;
    const gap = token.tokenStart - i;
    i = token.end;
    const counted = countedCodePoint(s, token.tokenStart, token.end);
    const apart = !token.withinLine || gap === 0 || gap > MAX_GAP;
    // Punctuation alone between spaced words (`a l l / p r e v`) neither counts nor breaks a run.
    if (counted === PUNCTUATION_ONLY && !apart) continue;
    if (counted < 0 || apart) {
      length = 0;
      spells = false;
    }
    if (counted < 0) continue;
    length++;
    spells ||= maySpell(counted);
    if (spells && length >= RUN_LENGTH) return true;
  }
  return false;
}

/**
 * Whether the code unit at `k` counts as a character of a token: ASCII
 * punctuation (a quote or a bracket around a spaced letter), the second half
 * of a surrogate pair, a combining accent and an invisible character do not.
 */
function countsInToken(s: string, k: number): boolean {
  const c = s.charCodeAt(k);
  const pairedLow = c >= 0xdc00 && c <= 0xdfff && k > 0 && isHighSurrogate(s.charCodeAt(k - 1));
  if (pairedLow || isAsciiPunctuation(c)) return false;
  const cp = s.codePointAt(k) as number;
  return !isReadThroughMark(cp) && !isIgnorable(cp);
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/** A gap of white space and the token (run of non-white-space) after it, read by {@link readGapAndToken}. */
type GapAndToken = {
  /** Where the token starts, the gap's end. */
  tokenStart: number;
  /** Where the token ends. */
  end: number;
  /** Whether the gap holds only spaces within a line (no line break). */
  withinLine: boolean;
};

/**
 * Reads the gap that starts at `i` and the token after it into `into` (one
 * object per scan, reused: no allocation per token).
 */
function readGapAndToken(s: string, i: number, into: GapAndToken): void {
  let k = i;
  let withinLine = true;
  for (; k < s.length && isWhiteSpace(s.charCodeAt(k)); k++)
    if (!isLineSpace(s.charCodeAt(k))) withinLine = false;
  into.tokenStart = k;
  into.withinLine = withinLine;
  while (k < s.length && !isWhiteSpace(s.charCodeAt(k))) k++;
  into.end = k;
}

/** {@link countedCodePoint} of a token of two characters or more. */
const SEVERAL = -1;
/** {@link countedCodePoint} of punctuation alone (`-`, `|`, `/`). */
const PUNCTUATION_ONLY = -2;

/**
 * The character that counts in `s[start, end)` when the token is one spaced
 * character, with any punctuation, accents or invisible characters around it
 * (`'r`, `s'`, `i` + U+200B); {@link SPACE} when none counts (an accent or an
 * invisible character typed as its own token: it joins, and spells nothing);
 * {@link SEVERAL} or {@link PUNCTUATION_ONLY} otherwise.
 */
function countedCodePoint(s: string, start: number, end: number): number {
  if (end === start + 1) {
    // One unit, the common case: it counts unless it is punctuation, an accent or invisible.
    const c = s.charCodeAt(start);
    if (isAsciiPunctuation(c)) return PUNCTUATION_ONLY;
    if (c < 0x300 && c !== 0xad) return c;
    if (c < 0xd800 || c > 0xdfff) return isReadThroughMark(c) || isIgnorable(c) ? SPACE : c;
  }
  let counted = SEVERAL;
  let punctuationOnly = true;
  for (let k = start; k < end; k++) {
    if (!isAsciiPunctuation(s.charCodeAt(k))) punctuationOnly = false;
    if (!countsInToken(s, k)) continue;
    if (counted >= 0) return SEVERAL;
    counted = s.codePointAt(k) as number;
  }
  if (punctuationOnly) return PUNCTUATION_ONLY;
  return counted >= 0 ? counted : SPACE;
}

/** Whether `s[start, end)` is one spaced character (see {@link countedCodePoint}). */
const isSingle = (s: string, start: number, end: number): boolean =>
  countedCodePoint(s, start, end) >= 0;

/**
 * `s` with the single space between two spaced characters dropped (the same
 * space throughout a run: another one there is a word break) and every
 * other run of spaces read as one: `i g n o r e   a l l` reads `ignore all`,
 * while the words around a spaced run keep their spaces (`write 'r e v e a l
 * y o u r' to` reads `write 'reveal your' to`, so a quotation stays one).
 * @param s - the text as written
 * @returns the joined text and the source offset of each of its characters
 */
export function joinLetterSpaced(s: string): LetterSpacedJoin {
  const units = new Utf16Units(s.length);
  const origin = new Int32Array(s.length + 1);
  let previousSingle = false;
  // The space that separates the letters of the current run (-1: none yet): another one between
  // two of its letters is a word break (`i g n o r e<TAB>a l l`).
  let letterGap = -1;
  const token: GapAndToken = { tokenStart: 0, end: 0, withinLine: true };
  let i = 0;
  while (i < s.length) {
    readGapAndToken(s, i, token);
    const { tokenStart: gapEnd, end, withinLine } = token;
    const single = end > gapEnd && isSingle(s, gapEnd, end);
    const gapUnit = s.charCodeAt(i);
    const joined =
      gapEnd - i === 1 &&
      withinLine &&
      i > 0 &&
      previousSingle &&
      single &&
      (letterGap === -1 || letterGap === gapUnit);
    letterGap = joined ? gapUnit : -1;
    // Units of the gap left out: all when joined; all but the first of a gap within a line; none
    // of a gap with a line break (it stays as written).
    const dropFrom = joined ? i : withinLine ? Math.min(gapEnd, i + 1) : gapEnd;
    for (let k = i; k < end; k++) {
      if (k >= dropFrom && k < gapEnd) continue;
      origin[units.length] = k;
      units.push(s.charCodeAt(k));
    }
    previousSingle = single;
    i = end;
  }
  origin[units.length] = s.length;
  return { text: units.toText(), origin: origin.subarray(0, units.length + 1) };
}
