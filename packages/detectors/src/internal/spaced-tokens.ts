/**
 * The tokens of letter-spaced and vertical text: each gap of white space and
 * the token (run of non-white-space) after it, the one character a token
 * counts (a spaced letter may carry quotes, accents or invisible characters),
 * and whether that character may spell a word. Shared by the spacing gate, the
 * run finder and the join; nothing here allocates per character.
 */
import { isAsciiPunctuation } from './ascii.js';
import { isReadThroughMark } from './diacritics.js';
import { isIgnorable } from './ignorable.js';

/** U+0020, also what {@link countedCodePoint} returns for a token that counts no character. */
export const SPACE = 32;

/**
 * Whether a code unit is a space within a line: the space, a tab, the
 * no-break, Ogham, typographic (en, em, thin, hair …), narrow no-break,
 * mathematical and ideographic spaces. Any of them can space letters out.
 */
export const isLineSpace = (c: number): boolean =>
  c === SPACE ||
  c === 9 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000;

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
 * Whether the code unit at `k` ends a line: LF, VT, FF, CR (not the CR of a
 * CRLF, so a CRLF is one line break), the line and paragraph separators.
 */
function endsLine(s: string, k: number): boolean {
  const c = s.charCodeAt(k);
  if (c === 13) return s.charCodeAt(k + 1) !== 10;
  return (c >= 10 && c <= 12) || c === 0x2028 || c === 0x2029;
}

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

/** Whether code point `cp` may spell a word once joined (see {@link MAY_SPELL}). */
export function maySpell(cp: number): boolean {
  if (cp > 0xffff) return MAY_SPELL.test(String.fromCodePoint(cp));
  let known = maySpellCache[cp] as number;
  if (known === 0) {
    known = MAY_SPELL.test(String.fromCharCode(cp)) ? 1 : 2;
    maySpellCache[cp] = known;
  }
  return known === 1;
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
export type GapAndToken = {
  /** Where the token starts, the gap's end. */
  tokenStart: number;
  /** Where the token ends. */
  end: number;
  /** Whether the gap holds only spaces within a line (no line break). */
  withinLine: boolean;
  /** Line breaks in the gap (a CRLF is one). */
  lineBreaks: number;
};

/** A fresh {@link GapAndToken} to reuse across a scan. */
export const newGapAndToken = (): GapAndToken => ({
  tokenStart: 0,
  end: 0,
  withinLine: true,
  lineBreaks: 0,
});

/**
 * Reads the gap that starts at `i` and the token after it into `into` (one
 * object per scan, reused: no allocation per token).
 */
export function readGapAndToken(s: string, i: number, into: GapAndToken): void {
  let k = i;
  let withinLine = true;
  let lineBreaks = 0;
  for (; k < s.length && isWhiteSpace(s.charCodeAt(k)); k++) {
    if (isLineSpace(s.charCodeAt(k))) continue;
    withinLine = false;
    if (endsLine(s, k)) lineBreaks++;
  }
  into.tokenStart = k;
  into.withinLine = withinLine;
  into.lineBreaks = lineBreaks;
  while (k < s.length && !isWhiteSpace(s.charCodeAt(k))) k++;
  into.end = k;
}

/**
 * Whether a line ends in the white space that starts at `k` (the end of a
 * token): a line break before the next token, or the end of the text.
 */
export function lineEndsAfter(s: string, k: number): boolean {
  for (; k < s.length && isWhiteSpace(s.charCodeAt(k)); k++) if (endsLine(s, k)) return true;
  return k === s.length;
}

/** {@link countedCodePoint} of a token of two characters or more. */
export const SEVERAL = -1;
/** {@link countedCodePoint} of punctuation alone (`-`, `|`, `/`). */
export const PUNCTUATION_ONLY = -2;

/**
 * The character that counts in `s[start, end)` when the token is one spaced
 * character, with any punctuation, accents or invisible characters around it
 * (`'r`, `s'`, `i` + U+200B); {@link SPACE} when none counts (an accent or an
 * invisible character typed as its own token: it joins, and spells nothing);
 * {@link SEVERAL} or {@link PUNCTUATION_ONLY} otherwise.
 */
export function countedCodePoint(s: string, start: number, end: number): number {
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
export const isSingle = (s: string, start: number, end: number): boolean =>
  countedCodePoint(s, start, end) >= 0;
