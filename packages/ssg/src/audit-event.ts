/**
 * Builds the audit event of one inspection. It names the actor and target
 * and carries tier, labels, per-plugin scores and durations: never raw
 * content, never matched or redacted text.
 */
import type { Decision } from './combine.js';
import type { InspectOptions } from './result.js';
import type { PluginOutcome } from './runner.js';
import type { AuditEventInput, ContentEnvelope, PluginResultSummary, Verdict } from './types.js';

/** The audit actor used when neither `metadata.agentId` nor `actorId` is given. */
export const DEFAULT_ACTOR_ID = 'anonymous';

/** At most this many labels go into one audit event (the rest are counted in `labelsOmitted`). */
const MAX_AUDIT_LABELS = 50;
/** Labels longer than this are cut in audit events. */
const MAX_AUDIT_LABEL_LENGTH = 80;

// The gate's event types are declared once, in `@clawexchange/ssg/common`
// (`@clawexchange/audit` registers the same object as built-in types).
export { SSGAuditEventType } from './common/events.js';

/** Facts of one inspection the audit event is built from. */
export type AuditFacts = {
  readonly envelope: ContentEnvelope;
  readonly options: InspectOptions | undefined;
  readonly decision: Decision;
  readonly labels: readonly string[];
  /** The verdict enforcing mode gives (DRY_RUN: what it would have given). */
  readonly wouldVerdict: Verdict;
  readonly dryRun: boolean;
  readonly quarantineId: string | undefined;
  /** Set when a QUARANTINE could not be stored. */
  readonly quarantineFailed: boolean;
  readonly plugins: readonly PluginResultSummary[];
  readonly durationMs: number;
};

/**
 * Per-plugin summaries (id, status, score, labels, summary sentence,
 * duration) for quarantine metadata and audit; never handed to clients.
 *
 * @param outcomes - runner outcomes
 * @returns plain summaries
 */
export function summarizePlugins(outcomes: readonly PluginOutcome[]): PluginResultSummary[] {
  return outcomes.map((o) => ({
    pluginId: o.pluginId,
    status: o.status,
    score: o.score,
    labels: o.labels,
    ...(o.summary === undefined ? {} : { summary: o.summary }),
    durationMs: o.durationMs,
  }));
}

/**
 * Bounds the labels of an audit event, so that content which triggers very
 * many findings cannot push the event over the audit log's size limit (and,
 * with fail-closed audit, turn into a denial of service).
 */
function boundedLabels(labels: readonly string[]): { labels: string[]; labelsOmitted?: number } {
  const kept = labels.slice(0, MAX_AUDIT_LABELS).map((l) => l.slice(0, MAX_AUDIT_LABEL_LENGTH));
  const omitted = labels.length - kept.length;
  return omitted > 0 ? { labels: kept, labelsOmitted: omitted } : { labels: kept };
}

function target(facts: AuditFacts): Pick<AuditEventInput, 'targetId' | 'targetType'> {
  if (facts.quarantineId !== undefined) {
    return { targetId: facts.quarantineId, targetType: 'quarantine_record' };
  }
  const sourceId = facts.envelope.metadata?.sourceId;
  return sourceId === undefined ? {} : { targetId: sourceId, targetType: 'content' };
}

/**
 * Builds the `SSG_<verdict>` audit event. Actor: `metadata.agentId`, else
 * `options.actorId`, else `'anonymous'`; actor type `options.actorType`
 * (default `'agent'`). Target: the quarantine record when one was stored,
 * else `metadata.sourceId`.
 *
 * @param facts - the inspection's facts
 * @returns the event to hand to the audit sink
 */
export function buildAuditEvent(facts: AuditFacts): AuditEventInput {
  const { envelope, options, decision } = facts;
  const meta = envelope.metadata;
  const ipAddress = meta?.ipAddress;
  return {
    eventType: `SSG_${facts.wouldVerdict}`,
    actorId: meta?.agentId ?? options?.actorId ?? DEFAULT_ACTOR_ID,
    actorType: options?.actorType ?? 'agent',
    ...target(facts),
    ...(ipAddress === undefined ? {} : { ipAddress }),
    metadata: {
      tier: decision.tier,
      verdict: facts.dryRun ? 'PASS' : facts.wouldVerdict,
      wouldVerdict: facts.wouldVerdict,
      dryRun: facts.dryRun,
      score: decision.score,
      ...boundedLabels(facts.labels),
      contentType: envelope.contentType,
      ...(envelope.category === undefined ? {} : { category: envelope.category }),
      ...(meta?.sourceId === undefined ? {} : { sourceId: meta.sourceId }),
      ...(facts.quarantineId === undefined ? {} : { quarantineId: facts.quarantineId }),
      ...(facts.quarantineFailed ? { quarantineFailed: true } : {}),
      // Per-plugin labels are left out: the event's `labels` already hold them.
      plugins: facts.plugins.map(({ pluginId, status, score, durationMs }) => ({
        pluginId,
        status,
        score,
        durationMs,
      })),
      degraded: decision.degraded,
      matchCount: decision.matches.length,
      durationMs: facts.durationMs,
    },
  };
}
