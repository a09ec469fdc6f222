/**
 * Well-formedness of JavaScript strings as Unicode text.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Tells whether `s` holds a lone (unpaired) UTF-16 surrogate. Such a string
 * has no UTF-8 form: the driver would store U+FFFD in its place while
 * `JSON.stringify` (the canonical encoding) escapes it as `\udXXX`, so the
 * stored row would never hash to its stored hash again.
 *
 * @param s - any string
 * @returns true when `s` is not well-formed Unicode
 */
export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}
