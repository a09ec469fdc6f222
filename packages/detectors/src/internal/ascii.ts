/** ASCII character-code classes shared by the scanners that walk text unit by unit. */

/** `a`–`z`. */
export const isAsciiLower = (c: number): boolean => c >= 97 && c <= 122;

/** `0`–`9`. */
export const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

/** ASCII punctuation and symbols: `!`–`/`, `:`–`@`, `[`–`` ` ``, `{`–`~`. */
export const isAsciiPunctuation = (c: number): boolean =>
  (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
