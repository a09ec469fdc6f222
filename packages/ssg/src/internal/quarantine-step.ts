/**
 * The QUARANTINE step: hold the content through the sink, or decide what
 * happens when it cannot be held. Content is never passed on as clean.
 */
import type { Decision } from '../combine.js';
import type { ResolvedConfig } from '../config.js';
import { SSGError, SSGErrorCode } from '../errors.js';
import type { SSGMetrics } from '../metrics.js';
import {
  type ContentEnvelope,
  type PluginResultSummary,
  Verdict,
  type Verdict as VerdictType,
} from '../types.js';
import { callSink } from './sink-call.js';

/** Label added when a QUARANTINE verdict met no configured quarantine sink. */
export const QUARANTINE_DISABLED_LABEL = 'QUARANTINE_DISABLED';
/** Label added when the quarantine sink failed to store. */
export const QUARANTINE_FAILED_LABEL = 'QUARANTINE_FAILED';

/** What the quarantine step decided. */
export type HoldOutcome = {
  /** The verdict enforcing mode gives after this step. */
  readonly wouldVerdict: VerdictType;
  readonly labels: readonly string[];
  readonly quarantineId: string | undefined;
  readonly quarantineFailed: boolean;
  /** Set when the request must fail (`onQuarantineFailure: 'reject'`). */
  readonly error: SSGError | undefined;
};

/** Dependencies of the step. */
export type HoldContext = {
  readonly config: ResolvedConfig;
  readonly metrics: SSGMetrics;
};

function unchanged(decision: Decision, wouldVerdict: VerdictType): HoldOutcome {
  return {
    wouldVerdict,
    labels: decision.labels,
    quarantineId: undefined,
    quarantineFailed: false,
    error: undefined,
  };
}

function storeFailed(
  ctx: HoldContext,
  decision: Decision,
  failure: { readonly reason: 'error' | 'timeout'; readonly cause: unknown },
): HoldOutcome {
  const { reason, cause } = failure;
  ctx.metrics.sinkFailure('quarantine', reason);
  ctx.config.logger.error(
    { code: SSGErrorCode.QUARANTINE_FAILED, reason },
    'quarantine store failed',
  );
  const labels = [...decision.labels, QUARANTINE_FAILED_LABEL];
  const block = ctx.config.onQuarantineFailure === 'block';
  return {
    wouldVerdict: block ? Verdict.BLOCK : Verdict.QUARANTINE,
    labels,
    quarantineId: undefined,
    quarantineFailed: true,
    error: block
      ? undefined
      : new SSGError(SSGErrorCode.QUARANTINE_FAILED, 'the content could not be held for review', {
          cause,
        }),
  };
}

/**
 * Applies the quarantine step to a decision.
 * - not QUARANTINE: unchanged;
 * - no sink configured: BLOCK, label `QUARANTINE_DISABLED`;
 * - DRY_RUN: nothing is stored (the would-be verdict stays QUARANTINE);
 * - stored: the record id is returned;
 * - store failed (rejected, timed out after `quarantineTimeoutMs`, or resolved
 *   without a non-empty id): per `onQuarantineFailure`, an
 *   `SSG_QUARANTINE_FAILED` error or BLOCK.
 *
 * @param ctx - config and metrics
 * @param input - the envelope, decision and plugin summaries
 * @returns the outcome
 */
export async function holdIfNeeded(
  ctx: HoldContext,
  input: {
    readonly envelope: ContentEnvelope;
    readonly decision: Decision;
    readonly plugins: readonly PluginResultSummary[];
  },
): Promise<HoldOutcome> {
  const { envelope, decision } = input;
  if (decision.verdict !== Verdict.QUARANTINE) return unchanged(decision, decision.verdict);
  const sink = ctx.config.quarantine;
  if (sink === undefined) {
    return {
      ...unchanged(decision, Verdict.BLOCK),
      labels: [...decision.labels, QUARANTINE_DISABLED_LABEL],
    };
  }
  if (ctx.config.mode === 'DRY_RUN') return unchanged(decision, Verdict.QUARANTINE);
  const meta = envelope.metadata;
  const stored = await callSink(
    () =>
      sink.store(envelope.text, {
        tier: decision.tier,
        labels: decision.labels,
        pluginResults: input.plugins,
        matches: decision.matches,
        contentType: envelope.contentType,
        ...(meta?.sourceId === undefined ? {} : { sourceId: meta.sourceId }),
        ...(meta?.agentId === undefined ? {} : { agentId: meta.agentId }),
      }),
    ctx.config.quarantineTimeoutMs,
  );
  if (!stored.ok) return storeFailed(ctx, decision, stored);
  const id: unknown = stored.value;
  if (typeof id !== 'string' || id === '') {
    return storeFailed(ctx, decision, { reason: 'error', cause: undefined });
  }
  return { ...unchanged(decision, Verdict.QUARANTINE), quarantineId: id };
}
