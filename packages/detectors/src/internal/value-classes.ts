/**
 * The kinds of characters a candidate value holds, as one bitmask from one
 * pass, so the generic-secret checks can skip every pattern whose match needs
 * a kind of character the value does not have.
 */

/** `a`–`z`. */
export const LOWER = 1;
/** `A`–`Z`. */
export const UPPER = 2;
/** `0`–`9`. */
export const DIGIT = 4;
/** `_`. */
export const UNDERSCORE = 8;
/** `-`. */
export const DASH = 16;
/** `.`. */
export const DOT = 32;
/** Other token punctuation: `+ / = ~ : @ ! # $ % ^ & *`. */
export const TOKEN_PUNCT = 64;
/** Anything else (spaces, quotes, brackets, non-ASCII). */
export const NON_TOKEN = 128;

/** Bits of each ASCII character. */
const ASCII_BITS = (() => {
  const bits = new Uint8Array(128).fill(NON_TOKEN);
  const set = (chars: string, bit: number): void => {
    for (let i = 0; i < chars.length; i++) bits[chars.charCodeAt(i)] = bit;
  };
  set('abcdefghijklmnopqrstuvwxyz', LOWER);
  set('ABCDEFGHIJKLMNOPQRSTUVWXYZ', UPPER);
  set('0123456789', DIGIT);
  set('_', UNDERSCORE);
  set('-', DASH);
  set('.', DOT);
  set('+/=~:@!#$%^&*', TOKEN_PUNCT);
  return bits;
})();

/** The union of the bits of every character of `v` (0 for the empty string). */
export function valueClasses(v: string): number {
  let bits = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    bits |= c < 128 ? (ASCII_BITS[c] as number) : NON_TOKEN;
  }
  return bits;
}

/** True when `bits` holds no kind of character outside `allowed`. */
export function only(bits: number, allowed: number): boolean {
  return (bits & ~allowed) === 0;
}
