/**
 * The rate limiter's one error class and its stable codes.
 */
import { ClawExchangeError, defineErrorGuard, type ErrorGuard } from '@clawexchange/ssg/common';

/** Stable error codes; hosts branch on these (renaming one is a breaking change). */
export const RateLimiterErrorCode = {
  INVALID_CONFIG: 'RATE_LIMITER_INVALID_CONFIG',
  INVALID_CONFIG_ROW: 'RATE_LIMITER_INVALID_CONFIG_ROW',
  CONFIG_LOAD_FAILED: 'RATE_LIMITER_CONFIG_LOAD_FAILED',
  UNKNOWN_TIER: 'RATE_LIMITER_UNKNOWN_TIER',
  UNKNOWN_TRUST_LEVEL: 'RATE_LIMITER_UNKNOWN_TRUST_LEVEL',
  UNKNOWN_PENALTY: 'RATE_LIMITER_UNKNOWN_PENALTY',
  INVALID_VERDICT: 'RATE_LIMITER_INVALID_VERDICT',
  EMPTY_AGENT_ID: 'RATE_LIMITER_EMPTY_AGENT_ID',
  AGENT_ID_TOO_LONG: 'RATE_LIMITER_AGENT_ID_TOO_LONG',
  INVALID_POINTS: 'RATE_LIMITER_INVALID_POINTS',
  REDIS_FAILED: 'RATE_LIMITER_REDIS_FAILED',
  /** A migration found `rate_limit_configs` or `tier_threshold_configs` with other columns (upstream security-pipeline 0.1.x); nothing was changed. */
  UPSTREAM_SCHEMA_DETECTED: 'RATE_LIMITER_UPSTREAM_SCHEMA_DETECTED',
} as const;
/** One of the {@link RateLimiterErrorCode} values. */
export type RateLimiterErrorCode = (typeof RateLimiterErrorCode)[keyof typeof RateLimiterErrorCode];

/**
 * Raised for misuse (unknown tier or trust level, bad agent id, bad config)
 * and for admin operations that need Redis while it is down. A denied
 * request is never an error: it is a result with `allowed: false`. Declared
 * the family's one way (`ClawExchangeError` from `@clawexchange/ssg/common`);
 * `field` names the config field or table cell at fault, for config errors.
 */
export class RateLimiterError extends ClawExchangeError<RateLimiterErrorCode> {
  /** Always `'RateLimiterError'`; checked by {@link isRateLimiterError}. */
  override readonly name = 'RateLimiterError';
}

/**
 * Tells whether a value is a {@link RateLimiterError}, by `name` and `code`
 * (not `instanceof`, so two installed copies of the package still agree).
 *
 * @param e - any caught value
 * @returns true when `e` is a RateLimiterError
 */
export const isRateLimiterError: ErrorGuard<RateLimiterError> = defineErrorGuard<RateLimiterError>(
  'RateLimiterError',
  RateLimiterErrorCode,
);
