import { metrics } from '@opentelemetry/api';
import type { CounterLike, MeterLike, RateLimiterLogger } from '../types.js';

const noop = (): void => undefined;

/** The logger used when the host gives none. */
export const NOOP_LOGGER: RateLimiterLogger = { debug: noop, info: noop, warn: noop, error: noop };

/** The limiter's counters. */
export type Instruments = {
  readonly decisions: CounterLike;
  readonly rejections: CounterLike;
  readonly redisStateChanges: CounterLike;
  readonly redisFailures: CounterLike;
  readonly configReloadFailures: CounterLike;
};

/**
 * Creates the counters on the given meter (the global OpenTelemetry meter
 * by default, a no-op until the host installs an SDK).
 *
 * @param meter - injected meter, if any
 * @returns the instruments
 */
export function createInstruments(meter: MeterLike | undefined): Instruments {
  const m: MeterLike = meter ?? metrics.getMeter('@clawexchange/rate-limiter');
  return {
    decisions: m.createCounter('rate_limiter.decisions', {
      description: 'Rate limit decisions by tier, outcome and source',
    }),
    rejections: m.createCounter('rate_limiter.rejections', {
      description: 'Requests answered 429 (or 503 when failing closed)',
    }),
    redisStateChanges: m.createCounter('rate_limiter.redis_state_changes', {
      description: 'Switches to the outage policy (state=down) and back (state=up)',
    }),
    redisFailures: m.createCounter('rate_limiter.redis_failures', {
      description: 'Redis calls that failed, timed out or found the client not ready',
    }),
    configReloadFailures: m.createCounter('rate_limiter.config_reload_failures', {
      description: 'Config table reads that failed or held invalid rows',
    }),
  };
}
