import { RateLimiterErrorCode } from '../errors.js';
import type { RateLimiterLogger, RedisDownPolicy } from '../types.js';
import type { Instruments } from './telemetry.js';

/** Tracks whether Redis is up, and reports each switch exactly once. */
export type RedisHealth = {
  /** A Redis call failed: count it; on the first failure log and count the switch. */
  down(cause: unknown): void;
  /** A Redis call succeeded: after an outage, log and count the recovery. */
  up(): void;
  /** Whether the last Redis call failed. */
  isDown(): boolean;
};

/**
 * Creates the tracker of Redis health.
 *
 * @param policy - the outage policy in force (a label on the metric and log)
 * @param logger - the host's logger
 * @param inst - the limiter's counters
 * @returns the tracker
 */
export function createRedisHealth(
  policy: RedisDownPolicy,
  logger: RateLimiterLogger,
  inst: Instruments,
): RedisHealth {
  let isDown = false;
  return {
    down(cause) {
      inst.redisFailures.add(1, { policy });
      if (isDown) return;
      isDown = true;
      inst.redisStateChanges.add(1, { state: 'down', policy });
      // Our own constant messages only (not ioredis' text, which may carry the host name).
      const reason = cause instanceof Error ? cause.message : 'unknown';
      logger.warn(
        { code: RateLimiterErrorCode.REDIS_FAILED, policy, reason },
        'rate limiter: redis unavailable, outage policy in force',
      );
    },
    up() {
      if (!isDown) return;
      isDown = false;
      inst.redisStateChanges.add(1, { state: 'up', policy });
      logger.info({ policy }, 'rate limiter: redis recovered, deciding in redis again');
    },
    isDown: () => isDown,
  };
}
