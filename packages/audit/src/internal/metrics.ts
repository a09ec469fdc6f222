import { type Meter, metrics } from '@opentelemetry/api';
import type { AuditLogSink } from '../config.js';

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
 * Recording never throws into the write path: a failing meter is reported
 * to the logger and otherwise ignored, so an acknowledged write stays acknowledged.
 *
 * @param meter - the host's meter, or null for the global one
 * @param logger - where a failing meter is reported
 * @returns the instruments
 */
export function createAuditMetrics(meter: Meter | null, logger: AuditLogSink): AuditMetrics {
  const m = meter ?? metrics.getMeter('@clawexchange/audit');
  const latency = m.createHistogram('clawexchange.audit.write.duration', {
    description: 'Time from log() to the commit of its batch',
    unit: 'ms',
  });
  const batchSize = m.createHistogram('clawexchange.audit.batch.size', {
    description: 'Events per committed audit batch',
    unit: '{event}',
  });
  const guarded = (metric: string, record: () => void): void => {
    try {
      record();
    } catch (error) {
      logger.warn({ metric, failed: error instanceof Error }, 'audit metric not recorded');
    }
  };
  return {
    recordWrite: (durationMs, outcome) =>
      guarded('clawexchange.audit.write.duration', () => latency.record(durationMs, { outcome })),
    recordBatch: (size) => guarded('clawexchange.audit.batch.size', () => batchSize.record(size)),
  };
}
