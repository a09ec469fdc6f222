import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { QuarantineError, QuarantineErrorCode } from '../errors.js';

const PREFIX = 'qt1';

/** The signed claims of an access token. */
export type TokenClaims = {
  /** Record id. */
  readonly r: string;
  /** Actor. */
  readonly a: string;
  /** Expiry, ms since epoch. */
  readonly e: number;
  /** Id of the HMAC key. */
  readonly k: string;
  /** Random nonce so two tokens never coincide. */
  readonly n: string;
};

function mac(key: Buffer, signed: string): Buffer {
  return createHmac('sha256', key).update(signed, 'utf8').digest();
}

/** Signs claims: `qt1.<base64url JSON>.<base64url HMAC-SHA256>`. */
export function signToken(key: Buffer, claims: Omit<TokenClaims, 'n'>): string {
  const body = Buffer.from(
    JSON.stringify({ ...claims, n: randomBytes(9).toString('base64url') }),
    'utf8',
  ).toString('base64url');
  const signed = `${PREFIX}.${body}`;
  return `${signed}.${mac(key, signed).toString('base64url')}`;
}

function invalid(): QuarantineError {
  return new QuarantineError(QuarantineErrorCode.TOKEN_INVALID, 'access token is invalid', {
    field: 'token',
  });
}

/**
 * Verifies format and signature (constant-time) and returns the claims.
 * Expiry and record state are checked by the caller.
 *
 * @throws {QuarantineError} QUARANTINE_TOKEN_INVALID for anything malformed or forged
 */
export function verifyTokenSignature(
  token: unknown,
  keyFor: (keyId: string) => Buffer | undefined,
): TokenClaims {
  if (typeof token !== 'string' || token.length > 2048) throw invalid();
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) throw invalid();
  const [, body = '', sig = ''] = parts;
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    throw invalid();
  }
  if (
    typeof claims !== 'object' ||
    claims === null ||
    typeof claims.r !== 'string' ||
    typeof claims.a !== 'string' ||
    typeof claims.e !== 'number' ||
    typeof claims.k !== 'string'
  ) {
    throw invalid();
  }
  const key = keyFor(claims.k);
  if (key === undefined) throw invalid();
  const expected = mac(key, `${PREFIX}.${body}`);
  const given = Buffer.from(sig, 'base64url');
  // Re-encoding check refuses non-canonical signatures (extra bits, padding).
  if (given.toString('base64url') !== sig || given.length !== expected.length) throw invalid();
  if (!timingSafeEqual(given, expected)) throw invalid();
  return claims;
}
