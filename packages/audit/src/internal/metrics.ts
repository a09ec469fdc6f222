import { type Meter, metrics } from '@opentelemetry/api';

/** The instruments the logger records. */
export type AuditMetrics = {
  /** Time from `log()` to commit (or failure), per event. */
  recordWrite(durationMs: number, outcome: 'ok' | 'error'): void;
  /** Events per committed batch. */
  recordBatch(size: number): void;
};

/**
 * Creates the audit instruments on the host's meter (a no-op until the host
 * installs an OpenTelemetry SDK). Labels carry outcomes only, never ids.
 *
 * @param meter - the host's meter, or null for the global one
 * @returns the instruments
 */
export function createAuditMetrics(meter: Meter | null): AuditMetrics {
  const m = meter ?? metrics.getMeter('@clawexchange/audit');
  const latency = m.createHistogram('clawexchange.audit.write.duration', {
    description: 'Time from log() to the commit of its batch',
    unit: 'ms',
  });
  const batchSize = m.createHistogram('clawexchange.audit.batch.size', {
    description: 'Events per committed audit batch',
    unit: '{event}',
  });
  return {
    recordWrite: (durationMs, outcome) => latency.record(durationMs, { outcome }),
    recordBatch: (size) => batchSize.record(size),
  };
}
