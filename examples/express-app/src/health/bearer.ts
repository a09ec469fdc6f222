import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ConfigError } from '../config-error.js';

/** RFC 6750 `b64token`: the characters a bearer token can hold in a header. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * Refuses a configured bearer token that no client could send: empty (it
 * would read as "protected" and protect nothing), holding a space or a
 * trailing newline (read from a file), or characters outside RFC 6750's
 * `b64token` (a non-ASCII token cannot travel in a header).
 *
 * @param setting - how the setting is named in the message (e.g. `METRICS_TOKEN (metricsToken)`)
 * @param token - the configured token; undefined means unset
 * @param whenUnset - what an unset token means, for the message
 * @throws {ConfigError} when the token is set and not a `b64token`
 */
export function checkBearerToken(
  setting: string,
  token: string | undefined,
  whenUnset: string,
): void {
  if (token !== undefined && !B64TOKEN.test(token)) {
    throw new ConfigError(
      `${setting} must be a bearer token: letters, digits and - . _ ~ + / (then = padding), no spaces; unset means ${whenUnset}`,
    );
  }
}

/**
 * Checks `Authorization: Bearer <token>` against the configured token in
 * constant time. Both sides are hashed first, so neither the comparison
 * time nor an early length mismatch tells a caller how much of a guess
 * was right. The scheme is case-insensitive (RFC 9110).
 */
export function bearerMatches(headers: IncomingHttpHeaders, expected: string): boolean {
  const header = headers.authorization;
  if (typeof header !== 'string') return false;
  const match = /^bearer[ ]+(\S+)[ ]*$/i.exec(header);
  const given = match?.[1];
  if (given === undefined) return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
