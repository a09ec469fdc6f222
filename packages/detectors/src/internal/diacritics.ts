/**
 * Accents a reader reads through. A combining accent typed after a letter
 * (`I` + U+0301 reads "Í"), Arabic vowel marks and the tatweel that stretches
 * a word (`تَجاهَلْ`, `تـجـاهـل`) leave the word a reader sees unchanged but
 * split it for a pattern: the normaliser drops them. Precomposed accented
 * Latin letters (`Ïgnörë àll`) are letters of their own in the normalised
 * view (French, German, Spanish and Vietnamese rules need them); English
 * rules read them without their accents in a folded view of the same length.
 */

import { codePointBits, hasCodePoint } from './code-point-bits.js';
import { MARKED_LETTER_FOLDS } from './fold-table.js';

/**
 * Combining marks dropped by the normaliser (inclusive ranges, sorted): the
 * combining diacritical marks for Latin, Greek and Cyrillic and their
 * extended, supplement, symbol and half-mark blocks; Cyrillic titlo and
 * number signs; Hebrew points and cantillation (no rule reads Hebrew, and a
 * point typed into a Latin word hides it); Arabic honorific, vowel and
 * Quranic marks and the tatweel; Devanagari and Vedic stress and tone marks;
 * ideographic and Hangul tone marks; combining kana voicing marks. Marks
 * that spell a vowel or a cluster in Indic, Thai and other scripts stay:
 * their words need them.
 */
const READ_THROUGH: readonly number[] = [
  0x0300, 0x036f, 0x0483, 0x0489, 0x0591, 0x05bd, 0x05bf, 0x05bf, 0x05c1, 0x05c2, 0x05c4, 0x05c5,
  0x05c7, 0x05c7, 0x0610, 0x061a, 0x0640, 0x0640, 0x064b, 0x065f, 0x0670, 0x0670, 0x06d6, 0x06dc,
  0x06df, 0x06e4, 0x06e7, 0x06e8, 0x06ea, 0x06ed, 0x08d3, 0x08e1, 0x08e3, 0x08ff, 0x0951, 0x0954,
  0x1ab0, 0x1aff, 0x1cd0, 0x1cd2, 0x1cd4, 0x1ce8, 0x1ced, 0x1ced, 0x1cf4, 0x1cf4, 0x1cf8, 0x1cf9,
  0x1dc0, 0x1dff, 0x20d0, 0x20ff, 0x302a, 0x302f, 0x3099, 0x309a, 0xa8e0, 0xa8f1, 0xfe20, 0xfe2f,
];
const LAST_MARK = 0xfe2f;

/** One bit per code point up to U+FE2F, built on first use from the ranges (8 KB). */
let bits: Uint8Array | undefined;

/**
 * Whether the normaliser drops a code point as an accent a reader reads through.
 * @param cp - a code point
 * @returns whether it is in one of the ranges above
 */
export function isReadThroughMark(cp: number): boolean {
  if (cp < 0x300 || cp > LAST_MARK) return false;
  bits ??= codePointBits(READ_THROUGH, LAST_MARK);
  return hasCodePoint(bits, cp);
}

/** First and last code unit that may be an accented Latin letter (Latin-1 to Latin Extended Additional). */
const FIRST_ACCENTED = 0xc0;
const LAST_ACCENTED = 0x1eff;

/** The ASCII letter each unit of the range reads as without its accents (0: none), built on first use. */
let baseLetters: Uint8Array | undefined;

function baseLetterTable(): Uint8Array {
  const t = new Uint8Array(LAST_ACCENTED - FIRST_ACCENTED + 1);
  for (let u = FIRST_ACCENTED; u <= LAST_ACCENTED; u++) {
    const d = String.fromCharCode(u).normalize('NFD');
    const base = d.charCodeAt(0);
    const letter = (base >= 97 && base <= 122) || (base >= 65 && base <= 90);
    let marksOnly = d.length > 1;
    for (let k = 1; k < d.length && marksOnly; k++) marksOnly = isReadThroughMark(d.charCodeAt(k));
    if (letter && marksOnly) t[u - FIRST_ACCENTED] = base | 0x20;
  }
  // Letters with a fused mark (stroke, bar, hook, tail, curl …) have no decomposition but read
  // as their letter (generated from the character names, `fold-table.ts`).
  for (let k = 0; k + 1 < MARKED_LETTER_FOLDS.length; k += 2)
    t[MARKED_LETTER_FOLDS.charCodeAt(k) - FIRST_ACCENTED] = MARKED_LETTER_FOLDS.charCodeAt(k + 1);
  return t;
}

/** Result of {@link foldAccents}. */
export type AccentFolded = {
  readonly text: string;
  /** Index of the first and of the last folded character (−1 when nothing was folded). */
  readonly first: number;
  readonly last: number;
};

/**
 * `s` with every precomposed accented Latin letter read as its ASCII base
 * letter (`ï` → `i`, `ő` → `o`), the same length and offsets as `s`.
 * @param s - a normalised (lower-case) view
 * @returns the folded text and where its folds are
 */
export function foldAccents(s: string): AccentFolded {
  let first = -1;
  let last = -1;
  // The text as UTF-16LE bytes, written byte by byte (any platform's byte order), once needed.
  let units: Buffer | undefined;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < FIRST_ACCENTED || u > LAST_ACCENTED) continue;
    baseLetters ??= baseLetterTable();
    const base = baseLetters[u - FIRST_ACCENTED] as number;
    if (base === 0) continue;
    if (units === undefined) {
      units = Buffer.from(s, 'utf16le');
      first = i;
    }
    units[2 * i] = base;
    units[2 * i + 1] = 0;
    last = i;
  }
  // Decoding UTF-16LE keeps lone surrogates as they are (it validates nothing).
  return units === undefined
    ? { text: s, first, last }
    : { text: units.toString('utf16le'), first, last };
}
