import { RateLimiterError, RateLimiterErrorCode } from './errors.js';
import { CONFIG_SPEC, checkLimiterOptions, tierLimitsSpec } from './internal/options.js';
import type {
  MeterLike,
  PenaltyName,
  RateLimiterLogger,
  RedisDownPolicy,
  RedisLike,
  SequelizeLike,
  TierLimits,
} from './types.js';

/** Default tiers: posts 10/h (3/min), comments 60/h (10/min), messages 300/h (30/min). */
export const DEFAULT_LIMITS: Readonly<Record<string, TierLimits>> = {
  POSTS: { limit: 10, burst: 3 },
  COMMENTS: { limit: 60, burst: 10 },
  MESSAGES: { limit: 300, burst: 30 },
};

/** Default trust multipliers. */
export const DEFAULT_TRUST_MULTIPLIERS: Readonly<Record<string, number>> = {
  NEW: 0.5,
  ESTABLISHED: 1,
  VERIFIED: 2,
  PLATFORM_BOT: 10,
};

/** Default penalty factors (cumulative, the limit never drops below 1). */
export const DEFAULT_PENALTIES: Readonly<Record<PenaltyName, number>> = {
  moderateContentLastHour: 0.8,
  quarantineLast24h: 0.5,
  multipleQuarantine7d: 0.1,
};

/** Configuration of {@link createRateLimiter}. */
export type RateLimiterConfig = {
  /** An ioredis client; without it the limiter runs in process memory. */
  readonly redis?: RedisLike;
  /** A Sequelize instance; with it the config tables are read (and re-read). */
  readonly database?: SequelizeLike;
  /** Tiers, merged over the defaults (table rows win over both). */
  readonly limits?: Readonly<Record<string, TierLimits>>;
  /** Trust multipliers, merged over the defaults (table rows win over both). */
  readonly trustMultipliers?: Readonly<Record<string, number>>;
  /** Penalty factors in (0, 1], merged over the defaults. */
  readonly penalties?: Readonly<Partial<Record<PenaltyName, number>>>;
  /** @default 'rl:' (no `{` or `}`: they are Redis Cluster hash tags) */
  readonly keyPrefix?: string;
  /** What decides while Redis is down. @default 'insurance' */
  readonly onRedisDown?: RedisDownPolicy;
  /**
   * Remember Redis denials in process (rate-limiter-flexible's in-memory
   * block) so a client hammering while denied costs no Redis call.
   * @default true
   */
  readonly inMemoryBlock?: boolean;
  /** Budget for one Redis decision before it counts as an outage (ms). @default 500 */
  readonly redisTimeoutMs?: number;
  /** `retryAfterMs` of fail-closed results (ms). @default 1000 */
  readonly closedRetryAfterMs?: number;
  /** How long table config is trusted before a re-read (ms). @default 60_000 */
  readonly configTtlMs?: number;
  /**
   * How long a decision waits for a config-table read before it goes on with
   * the config in force (ms); the read continues and later decisions use it.
   * @default 1000
   */
  readonly configTimeoutMs?: number;
  /** Clock for memory mode and insurance (Redis mode uses server TIME). @default () => new Date() */
  readonly now?: () => Date;
  /** @default a no-op logger */
  readonly logger?: RateLimiterLogger;
  /** @default the global OpenTelemetry meter `@clawexchange/rate-limiter` */
  readonly meter?: MeterLike;
};

/** A validated tier with every default filled in. */
export type ResolvedTier = {
  readonly limit: number;
  readonly windowMs: number;
  readonly burst: number;
  readonly burstWindowMs: number;
  readonly buckets: number;
};

const TIER_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const NAME_EXPECTED = 'a name of [A-Za-z0-9_-]{1,64}';

function invalid(field: string, expected: string): RateLimiterError {
  return new RateLimiterError(
    RateLimiterErrorCode.INVALID_CONFIG,
    `invalid config \`${field}\`: expected ${expected}`,
    { field },
  );
}

/**
 * Longest window plus one of its buckets (ms), about 24.8 days. Memory-mode
 * and insurance counters live that long on Node timers, and a timer above
 * 2^31 - 1 ms fires at once: a longer window would silently stop limiting.
 */
const MAX_WINDOW_SPAN_MS = 2_145_000_000;
const SPAN_EXPECTED = 'at most 2145000000 ms (about 24.8 days) including one bucket';

function isPositiveInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
}

/**
 * Fills defaults into one tier and checks it.
 *
 * @param t - the tier as given
 * @param fail - builds the error for a field (config or table row)
 * @returns the resolved tier
 */
export function resolveTier(
  t: TierLimits,
  fail: (field: string, expected: string) => RateLimiterError,
): ResolvedTier {
  const windowMs = t.windowMs ?? 3_600_000;
  const burstWindowMs = t.burstWindowMs ?? 60_000;
  const buckets = t.buckets ?? 60;
  if (!isPositiveInt(t.limit)) throw fail('limit', 'a positive integer');
  if (!isPositiveInt(t.burst)) throw fail('burst', 'a positive integer');
  if (!isPositiveInt(buckets) || buckets > 60) throw fail('buckets', 'an integer in 1..60');
  if (!isPositiveInt(windowMs) || windowMs % buckets !== 0) {
    throw fail('windowMs', 'a positive integer divisible by `buckets`');
  }
  if (!isPositiveInt(burstWindowMs) || burstWindowMs % buckets !== 0) {
    throw fail('burstWindowMs', 'a positive integer divisible by `buckets`');
  }
  if (windowMs + windowMs / buckets > MAX_WINDOW_SPAN_MS) throw fail('windowMs', SPAN_EXPECTED);
  if (burstWindowMs + burstWindowMs / buckets > MAX_WINDOW_SPAN_MS) {
    throw fail('burstWindowMs', SPAN_EXPECTED);
  }
  return { limit: t.limit, windowMs, burst: t.burst, burstWindowMs, buckets };
}

/** Config after validation, with defaults merged in. */
export type ResolvedConfig = {
  readonly tiers: ReadonlyMap<string, ResolvedTier>;
  readonly trust: ReadonlyMap<string, number>;
  readonly penalties: Readonly<Record<PenaltyName, number>>;
  readonly keyPrefix: string;
  readonly onRedisDown: RedisDownPolicy;
  readonly redisTimeoutMs: number;
  readonly closedRetryAfterMs: number;
  readonly configTtlMs: number;
  readonly configTimeoutMs: number;
};

/**
 * Validates a {@link RateLimiterConfig} before any I/O.
 *
 * @param config - as given to the factory
 * @returns the resolved config
 * @throws {RateLimiterError} RATE_LIMITER_INVALID_CONFIG naming the field (an unknown key too)
 */
export function validateConfig(config: RateLimiterConfig): ResolvedConfig {
  checkLimiterOptions(config, CONFIG_SPEC);
  const keyPrefix = config.keyPrefix ?? 'rl:';
  if (typeof keyPrefix !== 'string' || keyPrefix.length > 128 || /[{}\s]/.test(keyPrefix)) {
    throw invalid('keyPrefix', 'at most 128 characters without braces or whitespace');
  }
  const onRedisDown = config.onRedisDown ?? 'insurance';
  if (!['insurance', 'open', 'closed'].includes(onRedisDown)) {
    throw invalid('onRedisDown', "'insurance', 'open' or 'closed'");
  }
  validatePorts(config);
  return {
    tiers: resolveTiers(config.limits),
    trust: resolveTrust(config.trustMultipliers),
    penalties: resolvePenalties(config.penalties),
    keyPrefix,
    onRedisDown,
    redisTimeoutMs: positiveMs(config, 'redisTimeoutMs', 500),
    closedRetryAfterMs: positiveMs(config, 'closedRetryAfterMs', 1000),
    configTtlMs: positiveMs(config, 'configTtlMs', 60_000),
    configTimeoutMs: positiveMs(config, 'configTimeoutMs', 1000),
  };
}

function resolveTiers(limits: RateLimiterConfig['limits']): Map<string, ResolvedTier> {
  const tiers = new Map<string, ResolvedTier>();
  for (const [name, t] of Object.entries({ ...DEFAULT_LIMITS, ...limits })) {
    if (!TIER_NAME.test(name)) throw invalid(`limits.${name}`, NAME_EXPECTED);
    if (typeof t !== 'object' || t === null) throw invalid(`limits.${name}`, 'an object');
    checkLimiterOptions(t, tierLimitsSpec(name));
    tiers.set(
      name,
      resolveTier(t, (f, e) => invalid(`limits.${name}.${f}`, e)),
    );
  }
  return tiers;
}

function resolveTrust(multipliers: RateLimiterConfig['trustMultipliers']): Map<string, number> {
  const trust = new Map<string, number>();
  for (const [name, m] of Object.entries({ ...DEFAULT_TRUST_MULTIPLIERS, ...multipliers })) {
    if (!TIER_NAME.test(name)) throw invalid(`trustMultipliers.${name}`, NAME_EXPECTED);
    if (typeof m !== 'number' || !Number.isFinite(m) || m <= 0 || m > 1000) {
      throw invalid(`trustMultipliers.${name}`, 'a number in (0, 1000]');
    }
    trust.set(name, m);
  }
  return trust;
}

function resolvePenalties(
  given: RateLimiterConfig['penalties'],
): Readonly<Record<PenaltyName, number>> {
  const penalties = { ...DEFAULT_PENALTIES };
  for (const [name, f] of Object.entries(given ?? {})) {
    if (!Object.hasOwn(DEFAULT_PENALTIES, name)) {
      throw invalid(`penalties.${name}`, 'a known penalty name');
    }
    if (typeof f !== 'number' || !Number.isFinite(f) || f <= 0 || f > 1) {
      throw invalid(`penalties.${name}`, 'a number in (0, 1]');
    }
    penalties[name as PenaltyName] = f;
  }
  return penalties;
}

type MsField = 'redisTimeoutMs' | 'closedRetryAfterMs' | 'configTtlMs' | 'configTimeoutMs';

function positiveMs(config: RateLimiterConfig, field: MsField, fallback: number): number {
  const value = config[field] ?? fallback;
  if (!isPositiveInt(value)) throw invalid(field, 'a positive integer (ms)');
  return value;
}

const isFn = (x: unknown): boolean => typeof x === 'function';

/** The injected parts must have the methods we call, or they would fail mid-request. */
function validatePorts(config: RateLimiterConfig): void {
  const { redis, database, logger, meter, now } = config;
  if (
    redis !== undefined &&
    (typeof redis !== 'object' || redis === null || !isFn(redis.evalsha))
  ) {
    throw invalid('redis', 'an ioredis client');
  }
  if (
    database !== undefined &&
    (typeof database !== 'object' || database === null || !isFn(database.query))
  ) {
    throw invalid('database', 'a Sequelize instance');
  }
  const levels = ['debug', 'info', 'warn', 'error'] as const;
  if (logger !== undefined && (logger === null || !levels.every((l) => isFn(logger[l])))) {
    throw invalid('logger', 'an object with debug, info, warn and error functions');
  }
  if (meter !== undefined && (meter === null || !isFn(meter.createCounter))) {
    throw invalid('meter', 'an OpenTelemetry Meter');
  }
  if (now !== undefined && !isFn(now)) throw invalid('now', 'a function returning a Date');
}
