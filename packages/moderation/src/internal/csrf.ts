/**
 * Stateless CSRF tokens for the human routes: an HMAC of the admin's id
 * under a router secret. A cross-site page cannot read it (same-origin
 * policy, and the console is served with `no-store`), so it cannot forge
 * the header a human POST needs.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Creates and checks CSRF tokens under one secret. */
export type CsrfTokens = {
  issue(adminId: string): string;
  verify(adminId: string, token: unknown): boolean;
};

/**
 * @param secret - at least 32 bytes
 * @returns the token functions
 */
export function createCsrfTokens(secret: Uint8Array): CsrfTokens {
  const key = Buffer.from(secret);
  const issue = (adminId: string): string =>
    createHmac('sha256', key).update(`moderation-csrf:v1:${adminId}`, 'utf8').digest('base64url');
  return {
    issue,
    verify(adminId, token) {
      if (typeof token !== 'string' || token.length > 100) return false;
      const expected = Buffer.from(issue(adminId));
      const given = Buffer.from(token);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
