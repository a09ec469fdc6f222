import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

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
