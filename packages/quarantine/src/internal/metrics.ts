import type { Counter, Histogram, Meter } from '@opentelemetry/api';

/** The instruments the quarantine records to. */
export type QuarantineMetrics = {
  readonly stored: Counter;
  readonly storedBytes: Counter;
  readonly storeFailures: Counter;
  readonly storeDuration: Histogram;
  readonly expired: Counter;
  readonly shredded: Counter;
  readonly swept: Counter;
};

/** Creates the instruments (no-ops until the host installs an SDK). */
export function createMetrics(meter: Meter): QuarantineMetrics {
  return {
    stored: meter.createCounter('clawexchange.quarantine.stored', {
      description: 'Records stored',
    }),
    storedBytes: meter.createCounter('clawexchange.quarantine.stored_bytes', {
      description: 'Plaintext bytes placed in quarantine',
      unit: 'By',
    }),
    storeFailures: meter.createCounter('clawexchange.quarantine.store_failures', {
      description: 'Stores that failed (the content was not held)',
    }),
    storeDuration: meter.createHistogram('clawexchange.quarantine.store_duration', {
      description: 'Duration of store()',
      unit: 'ms',
    }),
    expired: meter.createCounter('clawexchange.quarantine.expired', {
      description: 'Records expired by cleanup()',
    }),
    shredded: meter.createCounter('clawexchange.quarantine.shredded', {
      description: 'Records whose data key was destroyed, by final status',
    }),
    swept: meter.createCounter('clawexchange.quarantine.swept', {
      description: 'Leftovers removed by cleanup(), by kind',
    }),
  };
}
