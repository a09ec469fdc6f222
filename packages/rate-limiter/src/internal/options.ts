/**
 * Nothing silently ignored: the limiter's config and every options argument
 * go through the family's one check (`@clawexchange/ssg/common`), raising
 * `RATE_LIMITER_INVALID_CONFIG` naming the unknown key or the wrong argument.
 */
import { type CheckOptionsMode, checkOptions, optionKeys } from '@clawexchange/ssg/common';
import type { RateLimiterConfig } from '../config.js';
import { RateLimiterError, RateLimiterErrorCode } from '../errors.js';
import type { DecideOptions, MiddlewareOptions, RateLimitContext } from '../middleware.js';
import type { DecisionOptions, TierLimits } from '../types.js';

function configError(field: string, message: string): RateLimiterError {
  return new RateLimiterError(RateLimiterErrorCode.INVALID_CONFIG, message, { field });
}

/** What one options argument may hold. */
type Spec = {
  readonly name: string;
  readonly keys: readonly string[];
  readonly hints?: Readonly<Record<string, string>>;
  readonly shapeHint?: string;
  readonly path?: string;
};

const TRUST_HINT =
  'the trust level goes in the options object: `check(agentId, tier, { trustLevel })` ' +
  "(upstream's positional trust level is not accepted)";

/** Upstream and common foreign names of the factory's config keys. */
const CONFIG_HINTS: Readonly<Record<string, string>> = {
  redisUrl: 'pass a connected ioredis client as `redis` (see `REDIS_URL` in the deployment guide)',
  tierThresholds:
    "the trust level multipliers are `trustMultipliers` (upstream's tier_threshold_configs table)",
  tiers: 'per-tier limits are `limits` (`{ POSTS: { limit, burst } }`)',
  prefix: 'the Redis key prefix is `keyPrefix`',
  failOpen: "use `onRedisDown: 'open'` (or 'closed' / 'insurance')",
};

/** Every option of {@link RateLimiterConfig}. */
export const CONFIG_SPEC: Spec = {
  name: 'createRateLimiter config',
  keys: optionKeys<RateLimiterConfig>({
    redis: true,
    database: true,
    limits: true,
    trustMultipliers: true,
    penalties: true,
    keyPrefix: true,
    onRedisDown: true,
    inMemoryBlock: true,
    redisTimeoutMs: true,
    closedRetryAfterMs: true,
    configTtlMs: true,
    configTimeoutMs: true,
    now: true,
    logger: true,
    meter: true,
  }),
  hints: CONFIG_HINTS,
};

const TIER_LIMIT_KEYS: readonly string[] = optionKeys<TierLimits>({
  limit: true,
  windowMs: true,
  burst: true,
  burstWindowMs: true,
  buckets: true,
});

const WINDOW_HINTS: Readonly<Record<string, string>> = {
  max: 'the per-window limit is `limit`',
  windowSeconds: 'windows are in milliseconds: `windowMs`',
  burstLimit: 'the burst limit is `burst`',
};

/**
 * The spec of one tier's limits in `limits.<tier>`.
 *
 * @param tier - the tier name (part of the field path)
 * @returns the spec
 */
export function tierLimitsSpec(tier: string): Spec {
  return {
    name: `createRateLimiter config \`limits.${tier}\``,
    keys: TIER_LIMIT_KEYS,
    hints: WINDOW_HINTS,
    path: `limits.${tier}`,
  };
}

const DECISION_KEYS = optionKeys<DecisionOptions>({ trustLevel: true, penalties: true });

/** `check` / `consume` / `getStatus` options. */
export const DECISION_SPEC: Spec = {
  name: 'rate limiter decision options',
  keys: DECISION_KEYS,
  hints: { trust: 'the option is `trustLevel`' },
  shapeHint: TRUST_HINT,
};

/** `decide` / the middleware extractor's context. */
export const CONTEXT_SPEC: Spec = {
  name: 'rate limit context',
  keys: optionKeys<RateLimitContext>({
    agentId: true,
    tier: true,
    trustLevel: true,
    penalties: true,
  }),
  hints: { agent: 'the agent is `agentId`', trust: 'the option is `trustLevel`' },
  path: 'context',
};

/** `decide` options. */
export const DECIDE_SPEC: Spec = {
  name: 'decide() options',
  keys: optionKeys<DecideOptions>({ legacyHeaders: true }),
};

/** `middleware` options. */
export const MIDDLEWARE_SPEC: Spec = {
  name: 'middleware() options',
  keys: optionKeys<MiddlewareOptions>({ legacyHeaders: true, onMissingContext: true }),
};

/**
 * Checks one options argument against its spec.
 *
 * @param value - what the caller passed
 * @param spec - the allowed keys and hints
 * @param mode - `optional: true` when the argument may be omitted
 * @returns the options as a record
 * @throws {RateLimiterError} RATE_LIMITER_INVALID_CONFIG naming the unknown key or argument
 */
export function checkLimiterOptions(
  value: unknown,
  spec: Spec,
  mode: CheckOptionsMode = {},
): Readonly<Record<string, unknown>> {
  return checkOptions(value, { ...spec, error: configError }, mode);
}
