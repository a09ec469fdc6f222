/**
 * Stateless CSRF tokens for the human routes: an issue time plus an HMAC,
 * under a router secret, of the admin's id, the host's session id (when
 * the human authenticator supplies one) and that issue time. A cross-site
 * page cannot read a token (same-origin policy, and the console is served
 * with `no-store`), so it cannot forge the header a human POST needs; a
 * token leaked anyway stops working after its lifetime, and — when bound to
 * a session — as soon as that session ends.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who a token is for: the admin, and their session when the host has one. */
export type CsrfBinding = {
  readonly adminId: string;
  readonly sessionId?: string | undefined;
};

/** Outcome of {@link CsrfTokens.check}. */
export type CsrfCheck = 'ok' | 'invalid' | 'expired';

/** Creates and checks CSRF tokens under one secret. */
export type CsrfTokens = {
  issue(binding: CsrfBinding): string;
  check(binding: CsrfBinding, token: unknown): CsrfCheck;
};

/** Options of {@link createCsrfTokens}. */
export type CsrfTokenOptions = {
  /** At least 32 bytes. */
  readonly secret: Uint8Array;
  /** How long a token is accepted after it was issued, in milliseconds. */
  readonly ttlMs: number;
  /** The service's clock. */
  readonly now: () => Date;
};

const TOKEN = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/;
/** Issue times this far ahead of the clock are tolerated (instances' clocks differ a little). */
const FUTURE_SKEW_MS = 60_000;

/**
 * @param o - secret, lifetime and clock
 * @returns the token functions
 */
export function createCsrfTokens(o: CsrfTokenOptions): CsrfTokens {
  const key = Buffer.from(o.secret);
  // JSON of an array: no admin or session id can be crafted to collide with another pair.
  const mac = (b: CsrfBinding, issuedAt: number): string =>
    createHmac('sha256', key)
      .update(JSON.stringify(['moderation-csrf:v2', b.adminId, b.sessionId ?? null, issuedAt]))
      .digest('base64url');
  return {
    issue(binding) {
      const issuedAt = o.now().getTime();
      return `${issuedAt.toString(36)}.${mac(binding, issuedAt)}`;
    },
    check(binding, token) {
      const m = typeof token === 'string' ? TOKEN.exec(token) : null;
      if (m === null || m[1] === undefined || m[2] === undefined) return 'invalid';
      const issuedAt = Number.parseInt(m[1], 36);
      // Compared as text, so no two spellings of one digest both pass.
      const given = Buffer.from(m[2]);
      const expected = Buffer.from(mac(binding, issuedAt));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
      const age = o.now().getTime() - issuedAt;
      if (age < -FUTURE_SKEW_MS) return 'invalid';
      return age > o.ttlMs ? 'expired' : 'ok';
    },
  };
}
