/**
 * Applying decisions: load and check the record, move it through the
 * quarantine state machine (optimistic concurrency), hand released content
 * to the host once, and write the audit row.
 */
import type { AuditEventInput } from '@clawexchange/audit';
import type { QuarantineRecord, QuarantineStatus } from '@clawexchange/quarantine';
import type { ResolvedServiceConfig } from '../config.js';
import { ModerationError, ModerationErrorCode } from '../errors.js';
import type { ReleaseMetadata } from '../types.js';
import type { ModerationMetrics } from './metrics.js';
import { viaQuarantine } from './upstream.js';

/** Label added to a record held again because `onRelease` failed. */
export const RELEASE_FAILED_LABEL = 'MODERATION_RELEASE_FAILED';

/** Who decides, as the audit trail names them. */
export type Decider = { readonly actorType: 'bot' | 'human'; readonly actorId: string };

/** What the decision functions need. */
export type DecisionContext = ResolvedServiceConfig & { readonly metrics: ModerationMetrics };

/** The record as it must be for a decision. */
export type LoadOptions = {
  readonly id: string;
  readonly allowed: readonly QuarantineStatus[];
  readonly expectedVersion: number | undefined;
};

function conflict(record: QuarantineRecord): ModerationError {
  return new ModerationError(
    ModerationErrorCode.CONFLICT,
    'the record changed since you saw it; reload and decide again',
    { details: { quarantineId: record.id, status: record.status, version: record.version } },
  );
}

/**
 * Loads the record and checks that it is in an allowed status and at the
 * version the caller saw.
 *
 * @throws {ModerationError} MODERATION_NOT_FOUND, MODERATION_CONFLICT, MODERATION_RECORD_TAMPERED,
 *   MODERATION_KEY_UNAVAILABLE, MODERATION_UPSTREAM_FAILED
 */
export async function loadForDecision(
  ctx: DecisionContext,
  opts: LoadOptions,
): Promise<QuarantineRecord> {
  const details = { quarantineId: opts.id };
  const record = await viaQuarantine(() => ctx.quarantine.getMetadata(opts.id), details);
  if (record === null) {
    throw new ModerationError(ModerationErrorCode.NOT_FOUND, 'no quarantine record has this id', {
      details,
    });
  }
  if (!opts.allowed.includes(record.status)) throw conflict(record);
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== record.version) {
    throw conflict(record);
  }
  return record;
}

/**
 * Writes one audit row; a failure after the decision was applied becomes
 * MODERATION_AUDIT_FAILED (the decision stands and the error says so).
 */
export async function auditDecision(ctx: DecisionContext, event: AuditEventInput): Promise<void> {
  try {
    await ctx.audit.log(event);
  } catch (e) {
    ctx.logger.error(
      {
        eventType: event.eventType,
        targetId: event.targetId,
        code: (e as { code?: unknown }).code,
      },
      'moderation: audit write failed after the decision was applied',
    );
    throw new ModerationError(
      ModerationErrorCode.AUDIT_FAILED,
      'the decision was applied but its audit row could not be written',
      { cause: e, details: { quarantineId: event.targetId, decisionApplied: true } },
    );
  }
}

function releaseMetadata(record: QuarantineRecord, by: Decider): ReleaseMetadata {
  return {
    quarantineId: record.id,
    sourceId: record.sourceId,
    agentId: record.agentId,
    contentType: record.contentType,
    tier: record.tier,
    labels: [...record.labels],
    decidedBy: { actorType: by.actorType, actorId: by.actorId },
  };
}

/** Holds `content` again as a new record with the old one's metadata; returns its id or null. */
async function holdAgain(
  ctx: DecisionContext,
  record: QuarantineRecord,
  content: string,
): Promise<string | null> {
  const labels = record.labels.includes(RELEASE_FAILED_LABEL)
    ? [...record.labels]
    : [...record.labels, RELEASE_FAILED_LABEL];
  try {
    return await ctx.quarantine.store(content, {
      tier: record.tier,
      labels,
      pluginResults: [...record.pluginResults],
      matches: record.matches.map((m) => ({ label: m.label, redacted: m.redacted })),
      ...(record.sourceId === null ? {} : { sourceId: record.sourceId }),
      ...(record.agentId === null ? {} : { agentId: record.agentId }),
      ...(record.contentType === null ? {} : { contentType: record.contentType }),
    });
  } catch (e) {
    ctx.logger.error(
      { quarantineId: record.id, code: (e as { code?: unknown }).code },
      'moderation: onRelease failed and the content could not be held again; it is lost',
    );
    return null;
  }
}

/** What a release did. */
export type ReleaseOutcome = {
  readonly published: boolean;
  /** The new record holding the content when `onRelease` failed, else null. */
  readonly requeuedAs: string | null;
};

/**
 * Releases: the quarantine hands the plaintext to exactly one caller
 * (QUARANTINE_CONFLICT for the others), which passes it to `onRelease`
 * once. When `onRelease` throws, the content is stored again as a new held
 * record so nothing is lost.
 *
 * @throws {ModerationError} MODERATION_CONFLICT, MODERATION_CONTENT_GONE, MODERATION_RECORD_TAMPERED,
 *   MODERATION_KEY_UNAVAILABLE, MODERATION_UPSTREAM_FAILED
 */
export async function releaseRecord(
  ctx: DecisionContext,
  record: QuarantineRecord,
  by: Decider & { readonly notes?: string },
): Promise<ReleaseOutcome> {
  const content = await viaQuarantine(
    () =>
      ctx.quarantine.release(record.id, {
        reviewedBy: by.actorId,
        expectedStatus: record.status,
        ...(by.notes === undefined ? {} : { notes: by.notes }),
      }),
    { quarantineId: record.id },
  );
  try {
    await ctx.onRelease(content, releaseMetadata(record, by));
    return { published: true, requeuedAs: null };
  } catch (e) {
    ctx.metrics.publishFailure();
    ctx.logger.error(
      { quarantineId: record.id, code: (e as { code?: unknown }).code },
      'moderation: onRelease failed; holding the content again',
    );
    return { published: false, requeuedAs: await holdAgain(ctx, record, content) };
  }
}

/**
 * The error to throw after a release whose `onRelease` failed (audited first).
 *
 * @param record - the released record
 * @param outcome - the release outcome
 * @returns MODERATION_PUBLISH_FAILED carrying `requeuedAs`
 */
export function publishFailed(record: QuarantineRecord, outcome: ReleaseOutcome): ModerationError {
  return new ModerationError(
    ModerationErrorCode.PUBLISH_FAILED,
    outcome.requeuedAs === null
      ? 'publishing failed and the content could not be held again'
      : 'publishing failed; the content is held again under a new id',
    { details: { quarantineId: record.id, requeuedAs: outcome.requeuedAs } },
  );
}
