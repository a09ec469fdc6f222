/**
 * Parts the secret rule lists share (core, SaaS, vendors): token
 * boundaries, the `name = value` assignment form, and base64 decoding for
 * validators of tokens that carry base64 inside.
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
  return `${name}[A-Za-z0-9_.\\-]{0,20}${NOT_AN_ID_NAME}["']?\\s{0,3}(?:[:=]|=>)\\s{0,3}["']?(${value})(?![A-Za-z0-9])`;
}

/**
 * The name does not end in a suffix that says the value is no secret: `…_KEY_ID`,
 * `…_key_sha256`, `…_request_id`, `…_fingerprint`, `…_name` hold identifiers and hashes of
 * the right shape (review of round 5). Any case.
 */
const NOT_AN_ID_NAME =
  '(?<![_.\\-](?:[Ii][Dd]|[Hh][Aa][Ss][Hh]|[Ss][Hh][Aa]\\d{0,3}|[Ff][Ii][Nn][Gg][Ee][Rr][Pp][Rr][Ii][Nn][Tt]|[Nn][Aa][Mm][Ee]))';

/**
 * A random token's body mixes letters and digits; a word or identifier usually does not.
 *
 * @param from - where the body starts (after the vendor's prefix)
 * @param conf - the confidence when it mixes both
 * @returns a rule validator: `conf`, else 0
 */
export function mixedFrom(from: number, conf = 0.9): (v: string) => number {
  return (v) => {
    const body = v.slice(from);
    return /\d/.test(body) && /[A-Za-z]/.test(body) ? conf : 0;
  };
}

/**
 * Decodes standard or URL-safe base64 (padding optional) to a binary string.
 * @param s - the candidate
 * @returns the decoded text, or undefined when it is not base64 (the
 *   candidate is then not the vendor's token)
 */
export function b64(s: string): string | undefined {
  try {
    const t = s.replace(/-/g, '+').replace(/_/g, '/');
    return atob(t + '='.repeat((4 - (t.length % 4)) % 4));
  } catch {
    return undefined;
  }
}
