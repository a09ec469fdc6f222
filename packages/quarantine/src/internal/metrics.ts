import { MetricUnit, metricName, msToSeconds } from '@clawexchange/ssg/common';
import type { Counter, Meter } from '@opentelemetry/api';

/** A duration recorder: takes milliseconds, records seconds (the OpenTelemetry unit). */
export type DurationRecorder = { readonly record: (durationMs: number) => void };

/** The instruments the quarantine records to. */
export type QuarantineMetrics = {
  readonly stored: Counter;
  readonly storedBytes: Counter;
  readonly storeFailures: Counter;
  readonly storeDuration: DurationRecorder;
  readonly expired: Counter;
  readonly shredded: Counter;
  readonly swept: Counter;
  /** Records refused because their metadata failed authentication (attributes: operation, reason). */
  readonly tampered: Counter;
  /** Legacy records (no MAC yet) served with a warning (attribute: operation). */
  readonly unauthenticated: Counter;
};

/** Metric names of the quarantine, in the family scheme `clawexchange.quarantine.<name>`. */
export const QUARANTINE_METRIC_NAMES: readonly string[] = [
  'stored',
  'stored_bytes',
  'store_failures',
  'store_duration',
  'expired',
  'shredded',
  'swept',
  'tampered_records',
  'unauthenticated_records',
].map((n) => metricName('quarantine', n));

/** Creates the instruments (no-ops until the host installs an SDK). */
export function createMetrics(meter: Meter): QuarantineMetrics {
  const duration = meter.createHistogram(metricName('quarantine', 'store_duration'), {
    description: 'Duration of store()',
    unit: MetricUnit.SECONDS,
  });
  return {
    stored: meter.createCounter(metricName('quarantine', 'stored'), {
      description: 'Records stored',
      unit: MetricUnit.RECORDS,
    }),
    storedBytes: meter.createCounter(metricName('quarantine', 'stored_bytes'), {
      description: 'Plaintext bytes placed in quarantine',
      unit: MetricUnit.BYTES,
    }),
    storeFailures: meter.createCounter(metricName('quarantine', 'store_failures'), {
      description: 'Stores that failed (the content was not held)',
      unit: MetricUnit.FAILURES,
    }),
    storeDuration: { record: (durationMs) => duration.record(msToSeconds(durationMs)) },
    expired: meter.createCounter(metricName('quarantine', 'expired'), {
      description: 'Records expired by cleanup()',
      unit: MetricUnit.RECORDS,
    }),
    shredded: meter.createCounter(metricName('quarantine', 'shredded'), {
      description: 'Records whose data key was destroyed, by final status',
      unit: MetricUnit.RECORDS,
    }),
    swept: meter.createCounter(metricName('quarantine', 'swept'), {
      description: 'Leftovers removed by cleanup(), by kind',
      unit: '{object}',
    }),
    tampered: meter.createCounter(metricName('quarantine', 'tampered_records'), {
      description: 'Records refused because their metadata failed authentication',
      unit: MetricUnit.RECORDS,
    }),
    unauthenticated: meter.createCounter(metricName('quarantine', 'unauthenticated_records'), {
      description: 'Records without a MAC yet (written before 0004), served with a warning',
      unit: MetricUnit.RECORDS,
    }),
  };
}
