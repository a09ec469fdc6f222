/**
 * OpenTelemetry instruments of the gate. `@opentelemetry/api` is a no-op
 * until the host installs an SDK, so recording costs next to nothing.
 */
import { type Counter, type Histogram, type Meter, metrics } from '@opentelemetry/api';
import { MetricUnit, msToSeconds } from './common/metrics.js';
import type { RiskTier, Verdict } from './types.js';

/** The part of an OpenTelemetry `Meter` the gate uses; inject your own for tests. */
export type SSGMeter = Pick<Meter, 'createHistogram' | 'createCounter'>;

/**
 * Metric names, stable (renaming one breaks dashboards), in the family scheme
 * `clawexchange.<package>.<name>` with OpenTelemetry units.
 */
export const SSGMetricName = {
  /**
   * Histogram, seconds (`s`): one record per inspection, attribute `verdict`; an
   * inspection that failed because a sink failed is recorded with `error` (its code) instead.
   */
  INSPECTION_DURATION: 'clawexchange.ssg.inspection.duration',
  /** Counter, `{inspection}`: inspections by `verdict`, `tier`, `dry_run`. */
  VERDICTS: 'clawexchange.ssg.verdicts',
  /** Counter, `{failure}`: failed plugins by `plugin_id` and `reason` (`error` | `timeout`). */
  PLUGIN_FAILURES: 'clawexchange.ssg.plugin.failures',
  /**
   * Counter, `{failure}`: quarantine or audit sink failures by `sink` (`quarantine` | `audit`)
   * and `reason` (`error` | `timeout`).
   */
  SINK_FAILURES: 'clawexchange.ssg.sink.failures',
  /**
   * Counter, `{failure}`: `onInspection` hook calls that threw, rejected or
   * timed out, by `reason` (`error` | `timeout`).
   */
  INSPECTION_HOOK_FAILURES: 'clawexchange.ssg.inspection_hook.failures',
} as const;

/** The recorded facts of one inspection. */
export type InspectionMeasurement = {
  readonly durationMs: number;
  readonly verdict: Verdict;
  readonly tier: RiskTier;
  readonly dryRun: boolean;
};

/** The gate's metric recorders. */
export type SSGMetrics = {
  readonly inspection: (m: InspectionMeasurement) => void;
  readonly pluginFailure: (pluginId: string, reason: 'error' | 'timeout') => void;
  readonly sinkFailure: (sink: 'quarantine' | 'audit', reason: 'error' | 'timeout') => void;
  readonly failedInspection: (durationMs: number, code: string) => void;
  readonly hookFailure: (reason: 'error' | 'timeout') => void;
};

/**
 * Creates the instruments on `meter` (default: the global meter provider's
 * `@clawexchange/ssg` meter).
 *
 * @param meter - an injected meter, or undefined for the global one
 * @returns recorders used by the pipeline
 */
export function createSSGMetrics(meter?: SSGMeter): SSGMetrics {
  const m: SSGMeter = meter ?? metrics.getMeter('@clawexchange/ssg');
  const duration: Histogram = m.createHistogram(SSGMetricName.INSPECTION_DURATION, {
    description: 'Duration of one SSG inspection',
    unit: MetricUnit.SECONDS,
  });
  const verdicts: Counter = m.createCounter(SSGMetricName.VERDICTS, {
    description: 'SSG inspections by verdict',
    unit: MetricUnit.INSPECTIONS,
  });
  const pluginFailures: Counter = m.createCounter(SSGMetricName.PLUGIN_FAILURES, {
    description: 'SSG plugins that threw, returned an invalid result, or timed out',
    unit: MetricUnit.FAILURES,
  });
  const sinkFailures: Counter = m.createCounter(SSGMetricName.SINK_FAILURES, {
    description: 'Quarantine or audit sink failures seen by the SSG',
    unit: MetricUnit.FAILURES,
  });
  const hookFailures: Counter = m.createCounter(SSGMetricName.INSPECTION_HOOK_FAILURES, {
    description: 'onInspection hook calls that threw, rejected or timed out',
    unit: MetricUnit.FAILURES,
  });
  return {
    inspection: ({ durationMs, verdict, tier, dryRun }) => {
      duration.record(msToSeconds(durationMs), { verdict });
      verdicts.add(1, { verdict, tier, dry_run: dryRun });
    },
    pluginFailure: (pluginId, reason) => pluginFailures.add(1, { plugin_id: pluginId, reason }),
    sinkFailure: (sink, reason) => sinkFailures.add(1, { sink, reason }),
    // A failed inspection still took time: leaving it out would hide a slow,
    // failing sink from latency alerts.
    failedInspection: (durationMs, code) =>
      duration.record(msToSeconds(durationMs), { error: code }),
    hookFailure: (reason) => hookFailures.add(1, { reason }),
  };
}
