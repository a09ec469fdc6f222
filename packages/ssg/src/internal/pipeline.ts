/**
 * The inspection pipeline: validate → run plugins → combine → quarantine →
 * audit → measure. `createSSG().inspect` returns only the public part;
 * tests reach the internal numbers (score, per-plugin results) here.
 */
import {
  type AuditFacts,
  buildAuditEvent,
  DEFAULT_ACTOR_ID,
  summarizePlugins,
} from '../audit-event.js';
import { combine, type Decision } from '../combine.js';
import { isAuditLogDisabled } from '../common/audit.js';
import type { ResolvedConfig } from '../config.js';
import { validateEnvelope } from '../envelope.js';
import { isSSGError, SSGError, SSGErrorCode } from '../errors.js';
import { inspectionContext, runInspectionHook } from '../inspection-hook.js';
import { createSSGMetrics, type SSGMetrics } from '../metrics.js';
import type { AuditStatus, Inspection, InspectOptions } from '../result.js';
import { createRunPlan, type PluginOutcome, type RunPlan, runPlugins } from '../runner.js';
import {
  type AuditEventInput,
  type ContentEnvelope,
  type PluginResultSummary,
  Verdict,
} from '../types.js';
import { type HoldOutcome, holdIfNeeded } from './quarantine-step.js';
import { callSink } from './sink-call.js';

/** Internal facts of one inspection; never handed to clients. */
export type InspectionDetails = {
  /** The combined score (integer 0–100). */
  readonly score: number;
  readonly plugins: readonly PluginResultSummary[];
  readonly durationMs: number;
  /** The audit event handed to the sink (absent without one). */
  readonly auditEvent: AuditEventInput | undefined;
};

/** Public result plus internal details. */
export type PipelineOutput = {
  readonly inspection: Inspection;
  readonly details: InspectionDetails;
};

/** The pipeline of one gate. */
export type Pipeline = {
  readonly run: (envelope: unknown, options?: InspectOptions) => Promise<PipelineOutput>;
};

/** Failures of an inspection that ran (as opposed to misuse such as a bad envelope). */
const SINK_FAILURES: ReadonlySet<string> = new Set([
  SSGErrorCode.QUARANTINE_FAILED,
  SSGErrorCode.AUDIT_FAILED,
]);

type Ctx = {
  readonly config: ResolvedConfig;
  readonly metrics: SSGMetrics;
  readonly plan: RunPlan;
};

function reportFailures(ctx: Ctx, outcomes: readonly PluginOutcome[]): void {
  for (const o of outcomes) {
    if (o.status === 'ok') continue;
    ctx.metrics.pluginFailure(o.pluginId, o.status);
    const code = o.status === 'timeout' ? 'PLUGIN_TIMEOUT' : 'PLUGIN_ERROR';
    // `field` is the path of the wrong part of an invalid result, never its value.
    const why = o.field === undefined ? { reason: o.reason } : { reason: o.reason, field: o.field };
    ctx.config.logger.warn({ pluginId: o.pluginId, code, ...why }, 'plugin failed');
  }
}

async function writeAudit(
  ctx: Ctx,
  event: AuditEventInput,
): Promise<{ status: AuditStatus; cause?: unknown }> {
  const sink = ctx.config.audit;
  if (sink === undefined) return { status: 'DISABLED' };
  const written = await callSink(() => sink.log(event), ctx.config.auditTimeoutMs);
  // A sink that writes nothing (audit `enabled: false`) says so; it is never reported as LOGGED.
  if (written.ok) return { status: isAuditLogDisabled(written.value) ? 'DISABLED' : 'LOGGED' };
  ctx.metrics.sinkFailure('audit', written.reason);
  ctx.config.logger.error(
    { code: SSGErrorCode.AUDIT_FAILED, eventType: event.eventType, reason: written.reason },
    'audit write failed',
  );
  return { status: 'FAILED', cause: written.cause };
}

function toInspection(
  ctx: Ctx,
  decision: Decision,
  hold: HoldOutcome,
  audit: AuditStatus,
): Inspection {
  const dryRun = ctx.config.mode === 'DRY_RUN';
  return {
    verdict: dryRun ? Verdict.PASS : hold.wouldVerdict,
    tier: decision.tier,
    labels: hold.labels,
    matches: decision.matches,
    degraded: decision.degraded,
    ...(hold.quarantineId === undefined ? {} : { quarantineId: hold.quarantineId }),
    dryRun,
    wouldVerdict: hold.wouldVerdict,
    audit,
  };
}

type Audited = { readonly status: AuditStatus; readonly event: AuditEventInput | undefined };

/** Writes the audit event and applies the failure order: a failed hold outranks a failed audit. */
async function auditStep(ctx: Ctx, facts: AuditFacts, hold: HoldOutcome): Promise<Audited> {
  const { config } = ctx;
  const event = config.audit === undefined ? undefined : buildAuditEvent(facts);
  const written =
    event === undefined ? { status: 'DISABLED' as const } : await writeAudit(ctx, event);
  // The host must learn first that the content was not held.
  if (hold.error !== undefined) throw hold.error;
  // DRY_RUN never denies, so an audit outage never rejects there.
  if (written.status === 'FAILED' && !facts.dryRun && config.onAuditFailure === 'reject') {
    throw new SSGError(SSGErrorCode.AUDIT_FAILED, 'the audit event could not be written', {
      cause: written.cause,
    });
  }
  return { status: written.status, event };
}

async function inspectOnce(
  ctx: Ctx,
  input: unknown,
  options?: InspectOptions,
): Promise<PipelineOutput> {
  const { config } = ctx;
  const started = config.now();
  const envelope = validateEnvelope(input);
  const outcomes = await runPlugins(ctx.plan, envelope);
  reportFailures(ctx, outcomes);
  const decision = combine(outcomes, {
    policy: config.onPluginError,
    tiers: config.tiers,
    mode: config.combine,
  });
  const plugins = summarizePlugins(outcomes);
  const hold = await holdIfNeeded(ctx, { envelope, decision, plugins });
  const dryRun = config.mode === 'DRY_RUN';
  const audited = await auditStep(
    ctx,
    {
      envelope,
      options,
      decision,
      plugins,
      dryRun,
      ...holdFacts(hold),
      durationMs: config.now() - started,
    },
    hold,
  );
  const inspection = toInspection(ctx, decision, hold, audited.status);
  const durationMs = config.now() - started;
  // DRY_RUN counts the would-be verdict (with dry_run=true), so a rollout can be judged.
  ctx.metrics.inspection({ durationMs, verdict: hold.wouldVerdict, tier: inspection.tier, dryRun });
  config.logger.debug(
    { verdict: inspection.verdict, tier: inspection.tier, durationMs },
    'inspected',
  );
  await afterInspection(ctx, { envelope, options, inspection });
  return {
    inspection,
    details: { score: decision.score, plugins, durationMs, auditEvent: audited.event },
  };
}

async function afterInspection(
  ctx: Ctx,
  done: { envelope: ContentEnvelope; options: InspectOptions | undefined; inspection: Inspection },
): Promise<void> {
  const hook = ctx.config.onInspection;
  if (hook === undefined) return;
  const { envelope, options, inspection } = done;
  const actorId = envelope.metadata?.agentId ?? options?.actorId ?? DEFAULT_ACTOR_ID;
  await runInspectionHook(
    {
      hook,
      timeoutMs: ctx.config.onInspectionTimeoutMs,
      logger: ctx.config.logger,
      countFailure: ctx.metrics.hookFailure,
    },
    { inspection, context: inspectionContext(envelope, options, actorId) },
  );
}

function holdFacts(
  hold: HoldOutcome,
): Pick<AuditFacts, 'labels' | 'wouldVerdict' | 'quarantineId' | 'quarantineFailed'> {
  return {
    labels: hold.labels,
    wouldVerdict: hold.wouldVerdict,
    quarantineId: hold.quarantineId,
    quarantineFailed: hold.quarantineFailed,
  };
}

/**
 * Creates the pipeline of one gate from a validated config.
 *
 * @param config - a resolved config (see `validateConfig`)
 * @returns the pipeline
 */
export function createPipeline(config: ResolvedConfig): Pipeline {
  const ctx: Ctx = {
    config,
    metrics: createSSGMetrics(config.meter),
    plan: createRunPlan({
      plugins: config.plugins,
      defaultTimeoutMs: config.pluginTimeoutMs,
      timeouts: config.pluginTimeouts,
      now: config.now,
    }),
  };
  return {
    run: async (envelope, options) => {
      const started = config.now();
      try {
        return await inspectOnce(ctx, envelope, options);
      } catch (error) {
        if (isSSGError(error) && SINK_FAILURES.has(error.code)) {
          ctx.metrics.failedInspection(config.now() - started, error.code);
        }
        throw error;
      }
    },
  };
}
