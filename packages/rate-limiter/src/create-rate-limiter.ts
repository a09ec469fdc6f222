import { type RateLimiterConfig, validateConfig } from './config.js';
import { RateLimiterError, RateLimiterErrorCode } from './errors.js';
import { createBlockList } from './internal/block-list.js';
import { agentKeys, agentSegment } from './internal/keys.js';
import { createLiveConfig } from './internal/live-config.js';
import { createMemoryStore } from './internal/memory-store.js';
import { neverBackwards } from './internal/monotonic-clock.js';
import { checkLimiterOptions, DECISION_SPEC } from './internal/options.js';
import { createRedisHealth } from './internal/redis-health.js';
import { createRedisStore, RedisUnavailable } from './internal/redis-store.js';
import { type Prepared, penaltyMask, policyReply, toResult } from './internal/results.js';
import { createSeenCounts } from './internal/seen-counts.js';
import type { Store, StoreRequest } from './internal/store.js';
import { createInstruments, NOOP_LOGGER } from './internal/telemetry.js';
import { createDecide, createMiddleware } from './middleware.js';
import type { DecisionOptions, RateLimiter, RateLimitResult } from './types.js';
import { createVerdictFeedback } from './verdict-feedback.js';

/**
 * Checks the options of `check`, `consume` and `getStatus`. Omitted (or, from
 * JavaScript, null) means none; a string is upstream's positional trust level
 * and is refused with a hint, as is any unknown key.
 */
function decisionOptions(opts: unknown): DecisionOptions {
  if (opts === null) return {};
  return checkLimiterOptions(opts, DECISION_SPEC, { optional: true }) as DecisionOptions;
}

/**
 * Creates a rate limiter. Validates the config before any I/O; with `redis`
 * decisions run in Redis (one script call each), without it in memory.
 *
 * @param given - the config (`null` is taken as `{}`); see {@link RateLimiterConfig}
 * @returns the limiter
 * @throws {RateLimiterError} RATE_LIMITER_INVALID_CONFIG naming the field or an unknown key
 * @example
 * ```ts
 * const rateLimiter = createRateLimiter({ redis: new Redis(process.env.REDIS_URL), database: sequelize });
 * const check = await rateLimiter.check('health-check', 'POSTS');
 * ```
 */
export function createRateLimiter(given: RateLimiterConfig = {}): RateLimiter {
  // `?? {}` as well: a JavaScript caller may pass null.
  const config = given ?? {};
  const cfg = validateConfig(config);
  // Never backwards: a clock stepped back must not reopen windows already filled.
  const now = neverBackwards(config.now ?? (() => new Date()));
  const seen = createSeenCounts();
  const logger = config.logger ?? NOOP_LOGGER;
  const inst = createInstruments(config.meter, logger);
  const memory = createMemoryStore(now);
  const health = createRedisHealth(cfg.onRedisDown, logger, inst);
  const redis =
    config.redis === undefined
      ? undefined
      : createRedisStore(config.redis, { timeoutMs: cfg.redisTimeoutMs, isDown: health.isDown });
  const blocks =
    redis !== undefined && config.inMemoryBlock !== false ? createBlockList() : undefined;
  const liveConfig = createLiveConfig({
    database: config.database,
    code: { tiers: cfg.tiers, trust: cfg.trust },
    ttlMs: cfg.configTtlMs,
    timeoutMs: cfg.configTimeoutMs,
    now,
    logger,
    inst,
    onApplied: async () => blocks?.clearAll(),
  });
  const freshConfig = liveConfig.current;

  async function prepare(
    agentId: string,
    tier: string,
    opts: DecisionOptions,
    mode: StoreRequest['mode'],
    cost = 1,
  ): Promise<Prepared> {
    const keys = agentKeys(cfg.keyPrefix, agentSegment(agentId));
    const conf = await freshConfig();
    const t = typeof tier === 'string' ? conf.tiers.get(tier) : undefined;
    if (t === undefined)
      throw new RateLimiterError(RateLimiterErrorCode.UNKNOWN_TIER, 'unknown tier');
    const trustLevel = opts.trustLevel ?? 'NEW';
    const trust = typeof trustLevel === 'string' ? conf.trust.get(trustLevel) : undefined;
    if (trust === undefined) {
      throw new RateLimiterError(RateLimiterErrorCode.UNKNOWN_TRUST_LEVEL, 'unknown trust level');
    }
    const p = cfg.penalties;
    const req: StoreRequest = {
      counterKey: keys.counter(tier, t),
      verdictKey: keys.verdicts,
      mode,
      cost,
      penaltyMask: penaltyMask(opts.penalties),
      factors: [p.moderateContentLastHour, p.quarantineLast24h, p.multipleQuarantine7d],
      burst: { base: t.burst * trust, windowMs: t.burstWindowMs },
      window: { base: t.limit * trust, windowMs: t.windowMs },
      buckets: t.buckets,
    };
    return { req, tier, trustLevel };
  }

  async function runDecision(prep: Prepared): Promise<RateLimitResult> {
    if (redis === undefined) return toResult(prep, await memory.decide(prep.req), 'memory');
    const blockKey = `${prep.req.counterKey}|${prep.trustLevel}|${prep.req.penaltyMask}`;
    const blocked = await blocks?.get(blockKey);
    if (blocked !== undefined && blocked !== null) return blocked;
    try {
      const reply = await redis.decide(prep.req);
      health.up();
      seen.remember(prep.req.counterKey, {
        burstUsed: reply.burst.used,
        windowUsed: reply.window.used,
        atMs: now().getTime(),
      });
      const result = toResult(prep, reply, 'redis');
      // A penalty derived from recorded verdicts may run out before the retry
      // time the script computed with it in force; Redis then admits earlier,
      // so such a denial is not remembered.
      const derived = reply.penaltyMask & ~prep.req.penaltyMask;
      if (!result.allowed && prep.req.mode === 'consume' && derived === 0) {
        await blocks?.add(blockKey, result);
      }
      return result;
    } catch (e) {
      if (!(e instanceof RedisUnavailable)) throw e;
      health.down(e);
      return outage(prep);
    }
  }

  async function outage(prep: Prepared): Promise<RateLimitResult> {
    if (cfg.onRedisDown === 'insurance') {
      // Start from what Redis last said about this key, not from zero.
      const last = seen.get(prep.req.counterKey);
      if (last !== undefined) await memory.raiseTo(prep.req, last);
      return toResult(prep, await memory.decide(prep.req), 'insurance');
    }
    const open = cfg.onRedisDown === 'open';
    const reply = policyReply(prep, {
      open,
      nowMs: now().getTime(),
      closedRetryAfterMs: cfg.closedRetryAfterMs,
    });
    return toResult(prep, reply, open ? 'fail-open' : 'fail-closed');
  }

  async function decision(
    mode: 'check' | 'consume',
    agentId: string,
    tier: string,
    opts: DecisionOptions | undefined,
  ): Promise<RateLimitResult> {
    const result = await runDecision(await prepare(agentId, tier, decisionOptions(opts), mode));
    inst.decisions.add(1, {
      tier: result.tier,
      allowed: result.allowed,
      source: result.source,
      mode,
    });
    return result;
  }

  /** Admin operations need the real store: they throw while Redis is down instead of editing a stand-in. */
  async function admin<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    if (redis === undefined) return fn(memory);
    try {
      const out = await fn(redis);
      health.up();
      return out;
    } catch (e) {
      if (!(e instanceof RedisUnavailable)) throw e;
      health.down(e);
      throw new RateLimiterError(RateLimiterErrorCode.REDIS_FAILED, 'redis is unavailable', {
        cause: e,
      });
    }
  }

  const limiter: RateLimiter = {
    check: (agentId, tier, opts) => decision('check', agentId, tier, opts),
    consume: (agentId, tier, opts) => decision('consume', agentId, tier, opts),
    async reward(agentId, tier, points = 1) {
      if (!Number.isSafeInteger(points) || points < 1) {
        throw new RateLimiterError(
          RateLimiterErrorCode.INVALID_POINTS,
          'points must be a positive integer',
        );
      }
      const prep = await prepare(agentId, tier, {}, 'reward', points);
      await admin((s) => s.decide(prep.req));
      await blocks?.clear(`${prep.req.counterKey}|`);
    },
    async reset(agentId, tier) {
      const conf = await freshConfig();
      const tiers = tier === undefined ? [...conf.tiers.keys()] : [tier];
      for (const t of tiers) {
        const prep = await prepare(agentId, t, {}, 'check');
        await admin((s) => s.resetCounters(prep.req));
        await blocks?.clear(`${prep.req.counterKey}|`);
        if (redis !== undefined) await memory.resetCounters(prep.req);
      }
    },
    async clearPenalties(agentId) {
      const keys = agentKeys(cfg.keyPrefix, agentSegment(agentId));
      await admin((s) => s.clearVerdicts(keys.verdicts));
      await blocks?.clear(keys.counters);
      if (redis !== undefined) await memory.clearVerdicts(keys.verdicts);
    },
    async getStatus(agentId, opts) {
      agentSegment(agentId);
      decisionOptions(opts);
      const conf = await freshConfig();
      const entries = await Promise.all(
        [...conf.tiers.keys()].map(
          async (t) => [t, await limiter.check(agentId, t, opts)] as const,
        ),
      );
      const tiers: Record<string, RateLimitResult> = Object.fromEntries(entries);
      const first = entries[0]?.[1];
      return { tiers, penalties: first === undefined ? [] : [...first.penalties] };
    },
    async recordVerdict(agentId, verdict) {
      const keys = agentKeys(cfg.keyPrefix, agentSegment(agentId));
      if (!['PASS', 'WARN', 'QUARANTINE', 'BLOCK'].includes(verdict)) {
        throw new RateLimiterError(RateLimiterErrorCode.INVALID_VERDICT, 'unknown verdict');
      }
      if (verdict === 'PASS') return;
      // BLOCK is at least as bad as QUARANTINE, so it counts as one.
      const kind = verdict === 'WARN' ? 'WARN' : 'QUARANTINE';
      if (redis === undefined) return memory.recordVerdict(keys.verdicts, kind);
      try {
        await redis.recordVerdict(keys.verdicts, kind);
        health.up();
      } catch (e) {
        if (!(e instanceof RedisUnavailable)) throw e;
        health.down(e);
        // Keep the trace where the insurance store sees it; it is lost to Redis.
        await memory.recordVerdict(keys.verdicts, kind);
      }
    },
    verdictFeedback: (...args: readonly unknown[]) => {
      if (args.length > 0) {
        throw new RateLimiterError(
          RateLimiterErrorCode.INVALID_CONFIG,
          'verdictFeedback takes no arguments',
          { field: 'verdictFeedback' },
        );
      }
      return createVerdictFeedback(limiter.recordVerdict);
    },
    reloadConfig: liveConfig.reload,
    decide: (context, opts) => decideImpl(context, opts),
    middleware: (extract, opts) => createMiddleware(decideImpl, extract, opts),
  };
  const decideImpl = createDecide(limiter, inst.rejections);
  return limiter;
}
