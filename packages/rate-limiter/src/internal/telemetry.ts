import { MetricUnit, metricName, noopLogger } from '@clawexchange/ssg/common';
import { metrics } from '@opentelemetry/api';
import type { CounterLike, MeterLike, RateLimiterLogger } from '../types.js';

/** The logger used when the host gives none: the family's one no-op logger. */
export const NOOP_LOGGER: RateLimiterLogger = noopLogger;

/** The limiter's counters. */
export type Instruments = {
  readonly decisions: CounterLike;
  readonly rejections: CounterLike;
  readonly redisStateChanges: CounterLike;
  readonly redisFailures: CounterLike;
  readonly configReloadFailures: CounterLike;
};

/**
 * Wraps a counter so a failing meter never fails a decision (which may
 * already be counted in Redis); the first failure per counter is logged.
 */
function guarded(name: string, counter: CounterLike, logger: RateLimiterLogger): CounterLike {
  let reported = false;
  return {
    add(value, attributes) {
      try {
        counter.add(value, attributes);
      } catch {
        if (reported) return;
        reported = true;
        logger.warn(
          { metric: name },
          'rate limiter: metric update failed; further failures of this metric are not logged',
        );
      }
    },
  };
}

/**
 * Creates the counters on the given meter (the global OpenTelemetry meter
 * by default, a no-op until the host installs an SDK).
 *
 * @param meter - injected meter, if any
 * @param logger - where a failing meter is reported (once per counter)
 * @returns the instruments
 */
export function createInstruments(
  meter: MeterLike | undefined,
  logger: RateLimiterLogger,
): Instruments {
  const base: MeterLike = meter ?? metrics.getMeter('@clawexchange/rate-limiter');
  const m: MeterLike = {
    createCounter: (name, options) => guarded(name, base.createCounter(name, options), logger),
  };
  return {
    decisions: m.createCounter(metricName('rate_limiter', 'decisions'), {
      description: 'Rate limit decisions by tier, outcome and source',
      unit: MetricUnit.REQUESTS,
    }),
    rejections: m.createCounter(metricName('rate_limiter', 'rejections'), {
      description: 'Requests answered 429 (or 503 when failing closed)',
      unit: MetricUnit.REQUESTS,
    }),
    redisStateChanges: m.createCounter(metricName('rate_limiter', 'redis_state_changes'), {
      description: 'Switches to the outage policy (state=down) and back (state=up)',
      unit: MetricUnit.CHANGES,
    }),
    redisFailures: m.createCounter(metricName('rate_limiter', 'redis_failures'), {
      description: 'Redis calls that failed, timed out or found the client not ready',
      unit: MetricUnit.FAILURES,
    }),
    configReloadFailures: m.createCounter(metricName('rate_limiter', 'config_reload_failures'), {
      description: 'Config table reads that failed or held invalid rows',
      unit: MetricUnit.FAILURES,
    }),
  };
}
