/**
 * The human side: the full list, one record, decisions with notes, and a
 * record's audit history.
 */
import { toEnvelope } from '../envelope.js';
import { ModerationError, ModerationErrorCode } from '../errors.js';
import type { Envelope, EnvelopePage, HistoryEntry, HumanActor, HumanDecision } from '../types.js';
import { parseHumanAction, parseListQuery, parseRecordId } from '../validate.js';
import type { RequestFacts } from './bot-ops.js';
import {
  auditDecision,
  type DecisionContext,
  loadForDecision,
  publishFailed,
  releaseRecord,
} from './decisions.js';
import { viaQuarantine } from './upstream.js';

/** `GET /human/quarantine`: any status, with status/tier/source filters. */
export async function humanList(ctx: DecisionContext, query: unknown): Promise<EnvelopePage> {
  const q = parseListQuery(query, 'human');
  const page = await viaQuarantine(() =>
    ctx.quarantine.list({
      limit: q.limit,
      ...(q.status === undefined ? {} : { status: q.status }),
      ...(q.tier === undefined ? {} : { tier: q.tier }),
      ...(q.sourceId === undefined ? {} : { sourceId: q.sourceId }),
      ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
    }),
  );
  return { items: page.items.map(toEnvelope), nextCursor: page.nextCursor };
}

/** One record's envelope. */
export async function humanGet(ctx: DecisionContext, rawId: unknown): Promise<Envelope> {
  const id = parseRecordId(rawId, 'id');
  const record = await viaQuarantine(() => ctx.quarantine.getMetadata(id), { quarantineId: id });
  if (record === null) {
    throw new ModerationError(ModerationErrorCode.NOT_FOUND, 'no quarantine record has this id', {
      details: { quarantineId: id },
    });
  }
  return toEnvelope(record);
}

/** `POST /human/action`: release or delete a held record, with notes. */
export async function humanAction(
  ctx: DecisionContext,
  actor: HumanActor,
  body: unknown,
  facts: RequestFacts = {},
): Promise<HumanDecision> {
  const input = parseHumanAction(body);
  const record = await loadForDecision(ctx, {
    id: input.quarantineId,
    allowed: ['QUARANTINED', 'UNDER_REVIEW'],
    expectedVersion: input.expectedVersion,
  });
  let release: { published: boolean; requeuedAs: string | null } | undefined;
  if (input.action === 'delete') {
    await viaQuarantine(
      () =>
        ctx.quarantine.delete(record.id, {
          reviewedBy: actor.id,
          notes: input.notes,
          expectedStatus: record.status,
        }),
      { quarantineId: record.id },
    );
  } else {
    release = await releaseRecord(ctx, record, {
      actorType: 'human',
      actorId: actor.id,
      notes: input.notes,
    });
  }
  ctx.metrics.decision({ actorType: 'human', action: input.action, reason: 'HUMAN_DECISION' });
  await auditDecision(ctx, {
    eventType: input.action === 'delete' ? 'HUMAN_DELETE' : 'HUMAN_RELEASE',
    actorId: actor.id,
    actorType: 'human',
    targetId: record.id,
    targetType: 'quarantine_record',
    ...(facts.ipAddress === undefined ? {} : { ipAddress: facts.ipAddress }),
    metadata: {
      action: input.action,
      notes: input.notes,
      tier: record.tier,
      fromStatus: record.status,
      fromVersion: record.version,
      ...(release === undefined ? {} : release),
    },
  });
  if (release !== undefined && !release.published) throw publishFailed(record, release);
  return {
    quarantineId: record.id,
    action: input.action,
    status: input.action === 'delete' ? 'DELETED' : 'RELEASED',
  };
}

const HISTORY_LIMIT = 100;

/** The record's audit rows, newest first (for the console). */
export async function history(ctx: DecisionContext, rawId: unknown): Promise<HistoryEntry[]> {
  const id = parseRecordId(rawId, 'id');
  let page: Awaited<ReturnType<typeof ctx.audit.query>>;
  try {
    page = await ctx.audit.query({ targetId: id, limit: HISTORY_LIMIT });
  } catch (e) {
    throw new ModerationError(
      ModerationErrorCode.UPSTREAM_FAILED,
      'the audit trail could not be read',
      {
        cause: e,
        details: { quarantineId: id },
      },
    );
  }
  return page.records.map((r) => ({
    eventType: r.eventType,
    actorType: r.actorType,
    actorId: r.actorId,
    at: r.createdAt.toISOString(),
    metadata: r.metadata,
  }));
}
