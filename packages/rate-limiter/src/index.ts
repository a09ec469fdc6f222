/**
 * @packageDocumentation
 * Per-agent, per-endpoint-tier sliding-window rate limits with trust
 * multipliers and penalties, decided atomically in Redis (one Lua script
 * call per decision) or in memory, on rate-limiter-flexible.
 *
 * @module @clawexchange/rate-limiter
 */
export {
  DEFAULT_LIMITS,
  DEFAULT_PENALTIES,
  DEFAULT_TRUST_MULTIPLIERS,
  type RateLimiterConfig,
} from './config.js';
export { createRateLimiter } from './create-rate-limiter.js';
export { isRateLimiterError, RateLimiterError, RateLimiterErrorCode } from './errors.js';
export { effectiveLimit } from './internal/limit-math.js';
export {
  type DecideOptions,
  type MiddlewareOptions,
  type RateLimitContext,
  type RateLimitDecision,
  type RateLimitMiddleware,
  type ResponseLike,
  rateLimitHeaders,
} from './middleware.js';
export {
  type RateLimiterMigration,
  type RateLimiterMigrationRename,
  rateLimiterMigrationRenames,
  rateLimiterMigrations,
} from './migrations/index.js';
export {
  type AgentStatus,
  type CounterLike,
  type DecisionOptions,
  type DecisionSource,
  type MeterLike,
  Penalty,
  type PenaltyFlags,
  type PenaltyName,
  type RateLimiter,
  type RateLimiterLogger,
  type RateLimitResult,
  type RedisDownPolicy,
  type RedisLike,
  type SequelizeLike,
  Tier,
  type TierLimits,
  type TierName,
  TrustLevel,
  type TrustLevelName,
  type VerdictFeedback,
  type VerdictFeedbackEvent,
  type VerdictName,
  type WindowState,
} from './types.js';
