import type { Logger } from '@clawexchange/ssg/common';
import type { Meter } from '@opentelemetry/api';

/** The package's metric names: `clawexchange.moderation.<name>`. */
export const MODERATION_METRICS = {
  /** Counter: decisions, by `actor_type`, `action` and `reason`. */
  DECISIONS: 'clawexchange.moderation.decisions',
  /** Gauge: records waiting for a decision (QUARANTINED + UNDER_REVIEW). */
  QUEUE_DEPTH: 'clawexchange.moderation.queue.depth',
  /** Gauge: age of the oldest waiting record, in seconds. */
  QUEUE_OLDEST_AGE: 'clawexchange.moderation.queue.oldest_age',
  /** Counter: content views by admins. */
  CONTENT_VIEWS: 'clawexchange.moderation.content.views',
  /** Counter: `onRelease` failures (content held again). */
  PUBLISH_FAILURES: 'clawexchange.moderation.publish.failures',
} as const;

/** What the service records. */
export type ModerationMetrics = {
  decision(attrs: { actorType: 'bot' | 'human'; action: string; reason: string }): void;
  contentView(): void;
  publishFailure(): void;
};

/** Queue facts the gauges read. */
export type QueueStats = { readonly depth: number; readonly oldestAgeSeconds: number };

/**
 * Creates the instruments. Gauges are observed from `stats()` when the
 * host's SDK collects; a failed read skips that observation.
 *
 * @param meter - the host's meter, or undefined for none
 * @param stats - reads the queue facts
 * @param logger - where a failed read is reported
 * @returns the recording functions
 */
export function createMetrics(
  meter: Meter | undefined,
  stats: () => Promise<QueueStats>,
  logger: Logger,
): ModerationMetrics {
  if (meter === undefined) {
    return {
      decision: () => undefined,
      contentView: () => undefined,
      publishFailure: () => undefined,
    };
  }
  const decisions = meter.createCounter(MODERATION_METRICS.DECISIONS, { unit: '{decision}' });
  const views = meter.createCounter(MODERATION_METRICS.CONTENT_VIEWS, { unit: '{view}' });
  const failures = meter.createCounter(MODERATION_METRICS.PUBLISH_FAILURES, { unit: '{failure}' });
  const depth = meter.createObservableGauge(MODERATION_METRICS.QUEUE_DEPTH, { unit: '{record}' });
  const age = meter.createObservableGauge(MODERATION_METRICS.QUEUE_OLDEST_AGE, { unit: 's' });
  meter.addBatchObservableCallback(
    async (result) => {
      try {
        const s = await stats();
        result.observe(depth, s.depth);
        result.observe(age, s.oldestAgeSeconds);
      } catch (e) {
        // A collection that cannot read the queue reports nothing rather than a false zero.
        logger.warn(
          { error: (e as { code?: unknown }).code ?? 'unknown' },
          'moderation: queue stats unavailable',
        );
      }
    },
    [depth, age],
  );
  return {
    decision: (a) =>
      decisions.add(1, { actor_type: a.actorType, action: a.action, reason: a.reason }),
    contentView: () => views.add(1),
    publishFailure: () => failures.add(1),
  };
}
