/**
 * Pattern parts the secret rule lists share (core, SaaS, vendors): token
 * boundaries and the `name = value` assignment form.
 */

/** Left boundary: not preceded by a token character. */
export const L = '(?<![A-Za-z0-9_\\-])';
/** Right boundary: not followed by a token character. */
export const R = '(?![A-Za-z0-9_\\-])';

/**
 * `name … = value` (or `:`, `=>`) where the name says whose secret it is and
 * the value, capture group 1, has the vendor's documented shape. Every
 * quantifier is bounded.
 * @param name - pattern of the vendor's name or config key
 * @param value - pattern of the documented value
 * @returns the pattern source
 */
export function assigned(name: string, value: string): string {
  return `${name}[A-Za-z0-9_.\\-]{0,20}["']?\\s{0,3}(?:[:=]|=>)\\s{0,3}["']?(${value})(?![A-Za-z0-9])`;
}
