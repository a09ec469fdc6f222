import { QuarantineError, QuarantineErrorCode } from '../errors.js';
import type { AccessGrant, AccessTokenOptions, VerifyAccessTokenOptions } from '../types.js';
import type { Context } from './context.js';
import { getVisible, requireVisible } from './lifecycle.js';
import { isHeld } from './state-machine.js';
import { signToken, verifyTokenSignature } from './tokens.js';
import { requireId } from './validate.js';

const MAX_EXPIRES_IN_S = 3600;

function badInput(field: string, message: string): QuarantineError {
  return new QuarantineError(QuarantineErrorCode.INVALID_INPUT, message, { field });
}

function requireActor(actor: unknown, field: string): string {
  if (typeof actor !== 'string' || actor === '' || actor.length > 255) {
    throw badInput(field, 'expected a non-empty actor id of at most 255 characters');
  }
  return actor;
}

/** `createAccessToken`: only for content still held. */
export async function createToken(
  ctx: Context,
  rawId: unknown,
  options: AccessTokenOptions,
): Promise<string> {
  const id = requireId(rawId);
  if (typeof options !== 'object' || options === null) {
    throw badInput('options', 'expected { actor, expiresIn }');
  }
  const actor = requireActor(options.actor, 'options.actor');
  const expiresIn = options.expiresIn ?? 300;
  if (!Number.isInteger(expiresIn) || expiresIn <= 0 || expiresIn > MAX_EXPIRES_IN_S) {
    throw badInput('options.expiresIn', `expected whole seconds between 1 and ${MAX_EXPIRES_IN_S}`);
  }
  const record = await requireVisible(ctx, id, 'access_token');
  // Past expiresAt counts as gone even before cleanup() has run, as in read().
  if (!isHeld(record.status) || record.expiresAt.getTime() <= ctx.now().getTime()) {
    throw new QuarantineError(
      QuarantineErrorCode.CONTENT_UNAVAILABLE,
      'content is no longer held (released, deleted or expired)',
      { recordId: id },
    );
  }
  const key = ctx.tokenKeys.get(ctx.activeTokenKeyId) as Buffer;
  const expiresAt = ctx.now().getTime() + expiresIn * 1000;
  ctx.logger.info({ recordId: id, actor, expiresIn }, 'quarantine: access token issued');
  return signToken(key, { r: id, a: actor, e: expiresAt, k: ctx.activeTokenKeyId });
}

/**
 * `verifyAccessToken`: signature, expiry (injected clock), actor binding,
 * and that the record is still held — so a token replayed after delete,
 * release or expiry fails with TOKEN_REVOKED.
 */
export async function verifyToken(
  ctx: Context,
  token: unknown,
  options: VerifyAccessTokenOptions | undefined,
): Promise<AccessGrant> {
  const claims = verifyTokenSignature(token, (k) => ctx.tokenKeys.get(k));
  let recordId: string;
  try {
    recordId = requireId(claims.r);
  } catch {
    throw new QuarantineError(QuarantineErrorCode.TOKEN_INVALID, 'access token is invalid', {
      field: 'token',
    });
  }
  const boundElsewhere =
    (options?.actor !== undefined && options.actor !== claims.a) ||
    (options?.recordId !== undefined && String(options.recordId).toLowerCase() !== recordId);
  if (boundElsewhere) {
    throw new QuarantineError(QuarantineErrorCode.TOKEN_INVALID, 'access token is invalid', {
      field: 'token',
    });
  }
  if (claims.e <= ctx.now().getTime()) {
    throw new QuarantineError(QuarantineErrorCode.TOKEN_EXPIRED, 'access token has expired', {
      field: 'token',
      recordId,
    });
  }
  const record = await getVisible(ctx, recordId, 'access_token');
  if (record === null || !isHeld(record.status) || record.expiresAt <= ctx.now()) {
    throw new QuarantineError(
      QuarantineErrorCode.TOKEN_REVOKED,
      'access token refers to content that is no longer held',
      { field: 'token', recordId },
    );
  }
  return { recordId, actor: claims.a, expiresAt: new Date(claims.e) };
}
