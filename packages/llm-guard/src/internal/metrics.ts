/**
 * The guard's instruments, named `clawexchange.llm_guard.<name>` (the family
 * scheme). No-ops until the host installs an OpenTelemetry SDK. Attributes
 * are provider kinds, outcomes and codes; never text.
 */
import { MetricUnit, metricName, msToSeconds } from '@clawexchange/ssg/common';
import type { Counter, Meter } from '@opentelemetry/api';

/** The instruments the guard records to. */
export type LLMGuardMetrics = {
  /** Calls by `outcome` (`ok`, `refused`, `failed`), `provider`, `code`. */
  readonly calls: Counter;
  /** Duration of a call, recorded in seconds. */
  readonly callDuration: {
    readonly record: (durationMs: number, attrs: Readonly<Record<string, string>>) => void;
  };
  /** Placeholders sent instead of values. */
  readonly redactions: Counter;
  /** Bytes kept in the object store. */
  readonly keptBytes: Counter;
  /** Objects deleted by retention. */
  readonly retentionDeleted: Counter;
  /** Audit writes that failed. */
  readonly auditFailures: Counter;
};

/** Every metric name of the guard. */
export const LLM_GUARD_METRIC_NAMES: readonly string[] = [
  'calls',
  'call.duration',
  'redactions',
  'kept_bytes',
  'retention.deleted',
  'audit_failures',
].map((n) => metricName('llm_guard', n));

/**
 * Creates the instruments.
 *
 * @param meter - the host's meter (or the global one)
 * @returns the instruments
 */
export function createMetrics(meter: Meter): LLMGuardMetrics {
  const duration = meter.createHistogram(metricName('llm_guard', 'call.duration'), {
    description: 'Duration of call() and stream(), vendor time included',
    unit: MetricUnit.SECONDS,
  });
  return {
    calls: meter.createCounter(metricName('llm_guard', 'calls'), {
      description: 'Calls by outcome',
      unit: MetricUnit.REQUESTS,
    }),
    callDuration: { record: (ms, attrs) => duration.record(msToSeconds(ms), attrs) },
    redactions: meter.createCounter(metricName('llm_guard', 'redactions'), {
      description: 'Placeholders sent instead of values',
      unit: '{placeholder}',
    }),
    keptBytes: meter.createCounter(metricName('llm_guard', 'kept_bytes'), {
      description: 'Bytes of outputs kept',
      unit: MetricUnit.BYTES,
    }),
    retentionDeleted: meter.createCounter(metricName('llm_guard', 'retention.deleted'), {
      description: 'Objects deleted by retention',
      unit: '{object}',
    }),
    auditFailures: meter.createCounter(metricName('llm_guard', 'audit_failures'), {
      description: 'Audit writes that failed',
      unit: MetricUnit.FAILURES,
    }),
  };
}
