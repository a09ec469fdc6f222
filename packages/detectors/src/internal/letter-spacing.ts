/**
 * Letter-spaced text ("i g n o r e   a l l") joined back into words for the
 * injection rules: a single space between two spaced characters is dropped, a
 * wider gap or a space next to a word reads as one word break. Any space
 * within a line counts (a tab, a no-break, thin or ideographic space). Built in
 * typed arrays, one pass, so a million spaced characters cost one buffer and
 * one string, not one string piece and one array slot per character.
 */
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

/** Characters in a row, each followed by spaces, that make a spaced run. */
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

/** {@link MAY_SPELL} per UTF-16 unit, filled on first use (0 not yet known, 1 may spell, 2 not). */
const maySpellCache = new Uint8Array(0x10000);

function maySpell(c: number): boolean {
  let known = maySpellCache[c] as number;
  if (known === 0) {
    known = MAY_SPELL.test(String.fromCharCode(c)) ? 1 : 2;
    maySpellCache[c] = known;
  }
  return known === 1;
}

/** Most spaces after a character that still continue a spaced run (a word break is two or three). */
const MAX_GAP = 3;

/**
 * Seven characters in a row, each after a space and each followed by one to
 * three spaces: every run of eight holds it, at most {@link MAX_GAP} units
 * after the run's first character, so no run starts before its index less
 * {@link MAX_GAP}. A regular expression finds it much faster than a loop over
 * every unit of ordinary prose, where it never matches (the leading literal
 * space makes the search about twice as fast as the bare run pattern).
 */
const SEVEN_AFTER_A_SPACE =
  /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000](?:\S[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{1,3}){7}/;

/**
 * Whether `s` holds a letter-spaced run worth joining: eight or more single
 * characters in a row, each followed by one to three spaces within a line (so a spaced
 * phrase of short words, `r e v e a l   y o u r   s y s t e m`, is one run),
 * one of them more than a digit or punctuation. One pass over the units from
 * where a run may first start, no allocation.
 * @param s - the text as written
 * @returns whether {@link joinLetterSpaced} may make words the rules read
 */
export function hasLetterSpacing(s: string): boolean {
  const seven = SEVEN_AFTER_A_SPACE.exec(s);
  if (seven === null) return false;
  let length = 0;
  let spells = false;
  let i = Math.max(0, seven.index - MAX_GAP);
  while (i + 1 < s.length) {
    const c = s.charCodeAt(i);
    if (!isLineSpace(s.charCodeAt(i + 1)) || isWhiteSpace(c)) {
      length = 0;
      spells = false;
      i++;
      continue;
    }
    length++;
    spells ||= maySpell(c);
    if (spells && length >= RUN_LENGTH) return true;
    let gap = 1;
    while (isLineSpace(s.charCodeAt(i + 1 + gap))) gap++;
    i += 1 + gap;
    if (gap > MAX_GAP) {
      length = 0;
      spells = false;
    }
  }
  return false;
}

/**
 * Whether the code unit at `k` counts as a character of a token: ASCII
 * punctuation (a quote or a bracket around a spaced letter), the second half
 * of a surrogate pair and a combining accent do not.
 */
function countsInToken(s: string, k: number): boolean {
  const c = s.charCodeAt(k);
  const pairedLow = c >= 0xdc00 && c <= 0xdfff && k > 0 && isHighSurrogate(s.charCodeAt(k - 1));
  return !isAsciiPunctuation(c) && !pairedLow && !(c >= 0x300 && c <= 0x36f);
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/** End of the token (run of non-white-space) that starts at `start`. */
function tokenEnd(s: string, start: number): number {
  let end = start;
  while (end < s.length && !isWhiteSpace(s.charCodeAt(end))) end++;
  return end;
}

const isAsciiPunctuation = (c: number): boolean =>
  (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);

/**
 * Whether `s[start, end)` is one spaced character, with any punctuation or
 * accents around it (`'r`, `s'`, a combining accent typed as its own token),
 * and not punctuation alone (`-`, `|`).
 */
function isSingle(s: string, start: number, end: number): boolean {
  let count = 0;
  let punctuationOnly = true;
  for (let k = start; k < end && count < 2; k++) {
    if (countsInToken(s, k)) count++;
    if (!isAsciiPunctuation(s.charCodeAt(k))) punctuationOnly = false;
  }
  return count <= 1 && !punctuationOnly;
}

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
  let i = 0;
  while (i < s.length) {
    let gapEnd = i;
    let withinLine = true;
    for (; gapEnd < s.length && isWhiteSpace(s.charCodeAt(gapEnd)); gapEnd++)
      if (!isLineSpace(s.charCodeAt(gapEnd))) withinLine = false;
    const end = tokenEnd(s, gapEnd);
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
