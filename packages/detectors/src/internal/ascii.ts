/** ASCII character-code classes shared by the scanners that walk text unit by unit. */

/** `a`–`z`. */
export const isAsciiLower = (c: number): boolean => c >= 97 && c <= 122;

/** `A`–`Z` and `a`–`z`. */
export const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** `0`–`9`. */
export const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

/** A space, a tab or a line break (LF, CR). */
export const isAsciiBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** ASCII punctuation and symbols: `!`–`/`, `:`–`@`, `[`–`` ` ``, `{`–`~`. */
export const isAsciiPunctuation = (c: number): boolean =>
  (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);

/**
 * A unit (or code point) of a word as the normaliser reads words: an ASCII
 * letter or digit, or anything from U+00C0 on (letters of every other script,
 * and the invisible characters and accents an attacker puts inside a word).
 */
export const isWordUnit = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
