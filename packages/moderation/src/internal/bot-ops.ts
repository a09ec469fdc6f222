/**
 * The bot side: the content-free queue and bot decisions under the policy.
 */
import { toEnvelope } from '../envelope.js';
import { applyBotPolicy } from '../policy.js';
import type { BotActor, BotDecision, EnvelopePage } from '../types.js';
import { parseBotAction, parseListQuery } from '../validate.js';
import {
  auditDecision,
  type DecisionContext,
  loadForDecision,
  publishFailed,
  releaseRecord,
} from './decisions.js';
import { viaQuarantine } from './upstream.js';

/** Request facts the audit row records. */
export type RequestFacts = { readonly ipAddress?: string };

/** `GET /bot/queue`: QUARANTINED records only, as envelopes. */
export async function botQueue(ctx: DecisionContext, query: unknown): Promise<EnvelopePage> {
  const q = parseListQuery(query, 'bot');
  const page = await viaQuarantine(() =>
    ctx.quarantine.list({
      status: 'QUARANTINED',
      limit: q.limit,
      ...(q.tier === undefined ? {} : { tier: q.tier }),
      ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
    }),
  );
  return { items: page.items.map(toEnvelope), nextCursor: page.nextCursor };
}

const EVENT = { release: 'BOT_RELEASE', delete: 'BOT_DELETE', escalate: 'BOT_ESCALATE' } as const;

/** `POST /bot/action`: validate, apply the policy, act, audit. */
export async function botAction(
  ctx: DecisionContext,
  actor: BotActor,
  body: unknown,
  facts: RequestFacts = {},
): Promise<BotDecision> {
  const input = parseBotAction(body);
  const record = await loadForDecision(ctx, {
    id: input.quarantineId,
    allowed: ['QUARANTINED'],
    expectedVersion: input.expectedVersion,
  });
  const outcome = applyBotPolicy(ctx.botPolicy, {
    action: input.action,
    tier: record.tier,
    confidence: input.confidence,
    reason: input.reason,
  });
  const by = { actorType: 'bot', actorId: actor.id } as const;
  const opts = {
    reviewedBy: actor.id,
    expectedStatus: record.status,
    ...(input.notes === undefined ? {} : { notes: input.notes }),
  };
  const ids = { quarantineId: record.id };
  let status = record.status;
  let release: { published: boolean; requeuedAs: string | null } | undefined;
  if (outcome.action === 'escalate') {
    status = (
      await viaQuarantine(() => ctx.quarantine.updateStatus(record.id, 'UNDER_REVIEW', opts), ids)
    ).status;
  } else if (outcome.action === 'delete') {
    status = (await viaQuarantine(() => ctx.quarantine.delete(record.id, opts), ids)).status;
  } else {
    release = await releaseRecord(ctx, record, {
      ...by,
      ...(input.notes === undefined ? {} : { notes: input.notes }),
    });
    status = 'RELEASED';
  }
  ctx.metrics.decision({ actorType: 'bot', action: outcome.action, reason: input.reason });
  await auditDecision(ctx, {
    eventType: EVENT[outcome.action],
    actorId: actor.id,
    actorType: 'bot',
    targetId: record.id,
    targetType: 'quarantine_record',
    ...(facts.ipAddress === undefined ? {} : { ipAddress: facts.ipAddress }),
    metadata: {
      requestedAction: input.action,
      appliedAction: outcome.action,
      overriddenBy: outcome.overriddenBy,
      reason: input.reason,
      confidence: input.confidence,
      tier: record.tier,
      fromStatus: record.status,
      fromVersion: record.version,
      ...(input.notes === undefined ? {} : { notes: input.notes }),
      ...(release === undefined ? {} : release),
    },
  });
  if (release !== undefined && !release.published) throw publishFailed(record, release);
  return {
    quarantineId: record.id,
    requestedAction: input.action,
    appliedAction: outcome.action,
    overriddenBy: outcome.overriddenBy,
    status,
  };
}
