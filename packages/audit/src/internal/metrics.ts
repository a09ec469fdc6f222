import { MetricUnit, metricName, msToSeconds } from '@clawexchange/ssg/common';
import { type Meter, metrics } from '@opentelemetry/api';
import type { AuditAlarm, AuditAlarmHandler } from '../alarms.js';
import type { AuditLogSink } from '../config.js';

/** Histogram, seconds: time from `log()` to the commit (or failure) of its batch. */
const WRITE_DURATION = metricName('audit', 'write.duration');
/** Histogram, `{event}`: events per committed batch (attribute `path`: `tip` or `locked`). */
const BATCH_SIZE = metricName('audit', 'batch.size');
/** Counter, `{failure}`: alarms raised (attributes `code`, `action`). */
const ALARMS = metricName('audit', 'chain.alarms');

/** Which statement committed a batch: the one chained on the writer's tip, or the locked slow path. */
export type BatchPath = 'tip' | 'locked';

/** The instruments the logger records. */
export type AuditMetrics = {
  /** Time from `log()` to commit (or failure), per event. */
  recordWrite(durationMs: number, outcome: 'ok' | 'error'): void;
  /** Events per committed batch, and the path that committed it. */
  recordBatch(size: number, path: BatchPath): void;
  /** Raises an alarm: logged at `error` with its code, counted, passed to `onAlarm`. */
  alarm(alarm: AuditAlarm): void;
};

/**
 * Creates the audit instruments on the host's meter (a no-op until the host
 * installs an OpenTelemetry SDK). Labels carry outcomes only, never ids.
 *
 * Recording never throws into the write path: a failing meter is reported
 * to the logger and otherwise ignored, so an acknowledged write stays acknowledged.
 *
 * @param meter - the host's meter, or null for the global one
 * @param logger - where a failing meter (and every alarm) is reported
 * @param onAlarm - the host's alarm handler, if any
 * @returns the instruments
 */
export function createAuditMetrics(
  meter: Meter | null,
  logger: AuditLogSink,
  onAlarm: AuditAlarmHandler | null = null,
): AuditMetrics {
  const m = meter ?? metrics.getMeter('@clawexchange/audit');
  const latency = m.createHistogram(WRITE_DURATION, {
    description: 'Time from log() to the commit of its batch',
    unit: MetricUnit.SECONDS,
  });
  const batchSize = m.createHistogram(BATCH_SIZE, {
    description: 'Events per committed audit batch',
    unit: MetricUnit.EVENTS,
  });
  const alarms = m.createCounter(ALARMS, {
    description: 'Audit chain alarms (rows past the head, anchor mismatches)',
    unit: MetricUnit.FAILURES,
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
      guarded(WRITE_DURATION, () => latency.record(msToSeconds(durationMs), { outcome })),
    recordBatch: (size, path) => guarded(BATCH_SIZE, () => batchSize.record(size, { path })),
    alarm: (alarm) => {
      logger.error({ ...alarm }, 'audit chain alarm');
      guarded(ALARMS, () => alarms.add(1, { code: alarm.code, action: alarm.action }));
      if (onAlarm === null) return;
      try {
        onAlarm(alarm);
      } catch (error) {
        // The host's handler must not break the write that raised the alarm.
        logger.warn({ code: alarm.code, handlerFailed: error instanceof Error }, 'onAlarm threw');
      }
    },
  };
}
