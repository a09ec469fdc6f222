/**
 * Audited content access for human admins: a short-lived token bound to
 * the admin and the record (the quarantine signs and checks it), used once,
 * and a view that is written to the audit trail before any byte is served.
 */
import { createHash } from 'node:crypto';
import { ModerationError, ModerationErrorCode } from '../errors.js';
import type { ContentAccess, HumanActor } from '../types.js';
import { parseContentAccess } from '../validate.js';
import type { RequestFacts } from './bot-ops.js';
import type { DecisionContext } from './decisions.js';
import { mapQuarantineError, viaQuarantine } from './upstream.js';

const MAX_TOKEN_LENGTH = 2048;

/** `POST /human/content-access`: a token for one record, bound to this admin. */
export async function createContentAccess(
  ctx: DecisionContext,
  actor: HumanActor,
  body: unknown,
): Promise<ContentAccess> {
  const id = parseContentAccess(body);
  const issuedAt = ctx.now().getTime();
  const token = await viaQuarantine(
    () => ctx.quarantine.createAccessToken(id, { actor: actor.id, expiresIn: ctx.signedUrlExpiry }),
    { quarantineId: id },
  );
  return {
    quarantineId: id,
    token,
    expiresAt: new Date(issuedAt + ctx.signedUrlExpiry * 1000),
    expiresInSeconds: ctx.signedUrlExpiry,
  };
}

/** The view: record id and plaintext. */
export type ContentView = { readonly quarantineId: string; readonly content: string };

function tokenInvalid(): ModerationError {
  return new ModerationError(ModerationErrorCode.TOKEN_INVALID, 'content access token is invalid', {
    field: 'token',
  });
}

/**
 * `GET /human/content/:token`: verify (signature, expiry, admin binding,
 * record still held), spend the token, decrypt, audit, then return.
 *
 * @throws {ModerationError} MODERATION_TOKEN_INVALID, _EXPIRED, _USED, _REVOKED, _RECORD_TAMPERED,
 *   _KEY_UNAVAILABLE, _UPSTREAM_FAILED, MODERATION_AUDIT_FAILED (nothing served)
 */
export async function viewContent(
  ctx: DecisionContext & { readonly usedTokens: NonNullable<DecisionContext['usedTokens']> },
  actor: HumanActor,
  token: unknown,
  facts: RequestFacts = {},
): Promise<ContentView> {
  if (typeof token !== 'string' || token === '' || token.length > MAX_TOKEN_LENGTH)
    throw tokenInvalid();
  const grant = await viaQuarantine(() =>
    ctx.quarantine.verifyAccessToken(token, { actor: actor.id }),
  );
  // The replay check keys on a digest: the store never holds a usable token.
  const tokenId = createHash('sha256').update(token, 'utf8').digest('base64url');
  if (!(await ctx.usedTokens.claim(tokenId, grant.expiresAt))) {
    throw new ModerationError(
      ModerationErrorCode.TOKEN_USED,
      'content access token was already used',
      {
        field: 'token',
        details: { quarantineId: grant.recordId },
      },
    );
  }
  let content: string;
  try {
    content = await ctx.quarantine.read(grant.recordId);
  } catch (e) {
    const mapped = mapQuarantineError(e, { quarantineId: grant.recordId });
    if (mapped.code !== ModerationErrorCode.CONTENT_GONE) throw mapped;
    throw new ModerationError(
      ModerationErrorCode.TOKEN_REVOKED,
      'content access token refers to content that is no longer held',
      { cause: e, field: 'token', details: { quarantineId: grant.recordId } },
    );
  }
  try {
    await ctx.audit.log({
      eventType: 'HUMAN_VIEW_CONTENT',
      actorId: actor.id,
      actorType: 'human',
      targetId: grant.recordId,
      targetType: 'quarantine_record',
      ...(facts.ipAddress === undefined ? {} : { ipAddress: facts.ipAddress }),
      metadata: {
        sizeBytes: Buffer.byteLength(content, 'utf8'),
        grantExpiresAt: grant.expiresAt.toISOString(),
      },
    });
  } catch (e) {
    // Fail closed: a view that cannot be audited is not served.
    throw new ModerationError(
      ModerationErrorCode.AUDIT_FAILED,
      'the view could not be audited; nothing was served',
      {
        cause: e,
        details: { quarantineId: grant.recordId, decisionApplied: false },
      },
    );
  }
  ctx.metrics.contentView();
  return { quarantineId: grant.recordId, content };
}
