import { createTestRedis, type TestRedis } from '@clawexchange/test-utils';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, effectiveLimit, type RateLimiter } from '../../src/index.js';
import {
  DECIDE_SCRIPT,
  DECIDE_SCRIPT_SHA1,
  VERDICT_SCRIPT,
  VERDICT_SCRIPT_SHA1,
} from '../../src/internal/scripts.js';
import { recordingLogger, sleep } from './helpers.js';

let r: TestRedis;
let limiter: RateLimiter;

/** Short tiers so no test waits for a real minute. */
const LIMITS = {
  EDGE: { limit: 4, windowMs: 2000, burst: 8, burstWindowMs: 2000, buckets: 10 },
  // Long windows: which one denies must not depend on how fast this machine is.
  BURSTY: { limit: 10, windowMs: 60_000, burst: 2, burstWindowMs: 30_000, buckets: 10 },
  HOURLY: { limit: 2, windowMs: 60_000, burst: 10, burstWindowMs: 30_000, buckets: 10 },
  SMALL: { limit: 1000, windowMs: 1000, burst: 1000, burstWindowMs: 1000, buckets: 10 },
};
const ONE = { trustLevel: 'ONE' } as const;

/** The counter hash of one agent and one of the LIMITS tiers. */
function counterKey(agent: string, tier: keyof typeof LIMITS): string {
  const t = LIMITS[tier];
  return `${r.prefix}{${agent}}:t:${tier}:${t.burstWindowMs}:${t.windowMs}:${t.buckets}`;
}

async function serverMs(): Promise<number> {
  const [s, us] = await r.client.time();
  return Number(s) * 1000 + Math.floor(Number(us) / 1000);
}

beforeAll(async () => {
  r = await createTestRedis();
  limiter = createRateLimiter({
    redis: r.client,
    // Generous: these tests are about decisions, not timeouts, and the machine may be busy.
    redisTimeoutMs: 5000,
    keyPrefix: r.prefix,
    limits: LIMITS,
    trustMultipliers: { ONE: 1 },
  });
});
afterAll(async () => {
  await r.cleanup();
});

describe('Redis store', () => {
  it('answers the guide call from Redis', async () => {
    const check = await limiter.check('health-check', 'POSTS');
    expect(check.allowed).toBe(true);
    expect(check.source).toBe('redis');
  });

  /** regression: issue 6 */
  it('answers the guide call from Redis on a client that is still connecting, with no outage logged', async () => {
    const fresh = new Redis(r.url);
    try {
      expect(fresh.status).not.toBe('ready');
      const log = recordingLogger();
      const rateLimiter = createRateLimiter({
        redis: fresh,
        redisTimeoutMs: 5000,
        keyPrefix: r.prefix,
        logger: log.logger,
      });
      const check = await rateLimiter.check('health-check', 'POSTS');
      expect(check).toMatchObject({ allowed: true, source: 'redis' });
      expect(log.lines.filter((l) => l.level === 'warn')).toEqual([]);
    } finally {
      fresh.disconnect();
    }
  });

  it('pins script SHA1s that the server agrees with, and survives SCRIPT FLUSH (NOSCRIPT fallback)', async () => {
    expect(await r.client.script('LOAD', DECIDE_SCRIPT)).toBe(DECIDE_SCRIPT_SHA1);
    expect(await r.client.script('LOAD', VERDICT_SCRIPT)).toBe(VERDICT_SCRIPT_SHA1);
    await r.client.script('FLUSH');
    const res = await limiter.consume('flush', 'POSTS');
    expect(res).toMatchObject({ allowed: true, source: 'redis' });
    expect(await r.client.script('EXISTS', DECIDE_SCRIPT_SHA1)).toEqual([1]);
  });

  it('boundary burst: N at the end of one fixed window and N at the start of the next is refused', async () => {
    const W = LIMITS.EDGE.windowMs;
    // Wait for 150 ms before a multiple of W on the server clock.
    const now = await serverMs();
    await sleep((W - ((now + 150) % W) + W) % W);
    const before = await Promise.all(
      Array.from({ length: 4 }, () => limiter.consume('edge', 'EDGE', ONE)),
    );
    expect(before.every((x) => x.allowed)).toBe(true);
    await sleep(250); // now just past the boundary a fixed window would reset at
    const after = await Promise.all(
      Array.from({ length: 4 }, () => limiter.consume('edge', 'EDGE', ONE)),
    );
    expect(after.filter((x) => x.allowed)).toHaveLength(0);
    const denied = after[0];
    expect(denied?.deniedBy).toBe('window');
    // It may retry when the first four leave the window (plus at most one 200 ms bucket).
    const firstAt = Math.min(...before.map((x) => x.decidedAt.getTime()));
    const retryAt = (denied?.decidedAt.getTime() ?? 0) + (denied?.retryAfterMs ?? 0);
    expect(retryAt).toBeGreaterThanOrEqual(firstAt + W);
    expect(retryAt).toBeLessThanOrEqual(firstAt + W + 200);
  });

  it('no span of W admits more than N under a steady stream, and memory per key stays bounded', async () => {
    const admitted: number[] = [];
    const tier = LIMITS.EDGE;
    const end = Date.now() + 3000;
    let maxFields = 0;
    while (Date.now() < end) {
      const res = await limiter.consume('stream', 'EDGE', ONE);
      if (res.allowed) admitted.push(res.decidedAt.getTime());
      await sleep(15);
      await limiter.consume('many', 'SMALL', ONE);
      maxFields = Math.max(maxFields, await r.client.hlen(counterKey('many', 'SMALL')));
    }
    for (const t of admitted) {
      // closed span [t, t + W]: a request exactly W later still sees t's request
      expect(admitted.filter((u) => u >= t && u <= t + tier.windowMs).length).toBeLessThanOrEqual(
        tier.limit,
      );
    }
    // Not over-strict either: at least N per W + one bucket over 3 s.
    expect(admitted.length).toBeGreaterThanOrEqual(tier.limit + 1);
    // Two windows of at most (buckets + 1) fields each, however many requests.
    expect(maxFields).toBeLessThanOrEqual(2 * (10 + 1));
    const pttl = await r.client.pttl(counterKey('many', 'SMALL'));
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(1100);
  });

  it('a request denied by either window consumes from neither', async () => {
    const sums = async (tier: keyof typeof LIMITS) => {
      const fields = await r.client.hgetall(counterKey('both', tier));
      const sum = (p: string) =>
        Object.entries(fields)
          .filter(([k]) => k.startsWith(p))
          .reduce((a, [, v]) => a + Number(v), 0);
      return [sum('b'), sum('w')];
    };
    for (const [tier, deniedBy] of [
      ['BURSTY', 'burst'],
      ['HOURLY', 'window'],
    ] as const) {
      for (let i = 0; i < 2; i++) {
        expect((await limiter.consume('both', tier, ONE)).allowed).toBe(true);
      }
      for (let i = 0; i < 3; i++) {
        const denied = await limiter.consume('both', tier, ONE);
        expect(denied).toMatchObject({ allowed: false, deniedBy, remaining: 0 });
        expect(denied.windows.map((w) => w.used)).toEqual([2, 2]);
      }
      // the three denied requests are in neither window's counters
      expect(await sums(tier)).toEqual([2, 2]);
    }
  });

  it('Lua and TypeScript agree on effective limits for every trust level and penalty mix', async () => {
    const factors = [0.8, 0.5, 0.1];
    const trust: Record<string, number> = {
      NEW: 0.5,
      ESTABLISHED: 1,
      VERIFIED: 2,
      PLATFORM_BOT: 10,
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POSTS', 'COMMENTS', 'MESSAGES'),
        fc.constantFrom(...Object.keys(trust)),
        fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
        async (tier, level, [m, q, q7]) => {
          const res = await limiter.check('math', tier, {
            trustLevel: level,
            penalties: {
              moderateContentLastHour: m,
              quarantineLast24h: q,
              multipleQuarantine7d: q7,
            },
          });
          const active = factors.filter((_, i) => [m, q, q7][i]);
          const base = { POSTS: [3, 10], COMMENTS: [10, 60], MESSAGES: [30, 300] }[tier] ?? [0, 0];
          const want = base.map((b) => effectiveLimit(b, trust[level] ?? 0, active));
          return res.windows.map((w) => w.limit).join() === want.join();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('recordVerdict makes penalties apply from Redis state', async () => {
    const opts = { trustLevel: 'VERIFIED' } as const; // MESSAGES: 60/min, 600/h
    expect((await limiter.check('sinner', 'MESSAGES', opts)).penalties).toEqual([]);
    await limiter.recordVerdict('sinner', 'WARN');
    expect((await limiter.check('sinner', 'MESSAGES', opts)).windows.map((w) => w.limit)).toEqual([
      48, 480,
    ]);
    await limiter.recordVerdict('sinner', 'QUARANTINE');
    await limiter.recordVerdict('sinner', 'QUARANTINE');
    const r3 = await limiter.check('sinner', 'MESSAGES', opts);
    expect(r3.penalties).toEqual([
      'moderateContentLastHour',
      'quarantineLast24h',
      'multipleQuarantine7d',
    ]);
    expect(r3.windows.map((w) => w.limit)).toEqual([2, 24]);
    expect((await limiter.getStatus('sinner', opts)).penalties).toHaveLength(3);
    await limiter.clearPenalties('sinner');
    expect((await limiter.check('sinner', 'MESSAGES', opts)).penalties).toEqual([]);
  });

  it('reward and reset edit the Redis counters', async () => {
    for (let i = 0; i < 2; i++) await limiter.consume('adm', 'BURSTY', ONE);
    await limiter.reward('adm', 'BURSTY');
    expect((await limiter.check('adm', 'BURSTY', ONE)).windows.map((w) => w.used)).toEqual([1, 1]);
    await limiter.reset('adm', 'BURSTY');
    expect(await r.client.exists(counterKey('adm', 'BURSTY'))).toBe(0);
  });

  it('replays a denial from the in-process block list without a Redis call, until reset', async () => {
    let calls = 0;
    const counting = {
      get status() {
        return r.client.status;
      },
      evalsha: (...a: Parameters<typeof r.client.evalsha>) => {
        calls++;
        return r.client.evalsha(...a);
      },
      eval: (...a: Parameters<typeof r.client.eval>) => r.client.eval(...a),
      del: (...keys: string[]) => r.client.del(...keys),
    };
    const l = createRateLimiter({ redis: counting, keyPrefix: r.prefix, redisTimeoutMs: 5000 });
    await l.consume('hammer', 'POSTS'); // NEW: 1 per minute
    const denied = await l.consume('hammer', 'POSTS');
    expect(denied).toMatchObject({ allowed: false, source: 'redis', deniedBy: 'burst' });
    const before = calls;
    const replayed = await l.consume('hammer', 'POSTS');
    expect(calls).toBe(before);
    expect(replayed).toMatchObject({ allowed: false, source: 'blocked', deniedBy: 'burst' });
    expect(replayed.retryAfterMs).toBeLessThanOrEqual(denied.retryAfterMs);
    await l.reset('hammer', 'POSTS');
    expect(await l.consume('hammer', 'POSTS')).toMatchObject({ allowed: true, source: 'redis' });
  });

  /** regression: issue 6 */
  it('a changed window layout (a config reload) starts the tier afresh instead of misreading old buckets', async () => {
    const tier = { limit: 2, windowMs: 60_000, burst: 10, burstWindowMs: 30_000, buckets: 10 };
    const before = createRateLimiter({
      redis: r.client,
      redisTimeoutMs: 5000,
      keyPrefix: r.prefix,
      limits: { LAYOUT: tier },
      trustMultipliers: { ONE: 1 },
    });
    for (let i = 0; i < 2; i++) await before.consume('relayout', 'LAYOUT', ONE);
    // What the next instance (or the next reload) sees after an admin doubled the window.
    const after = createRateLimiter({
      redis: r.client,
      redisTimeoutMs: 5000,
      keyPrefix: r.prefix,
      limits: { LAYOUT: { ...tier, windowMs: 120_000 } },
      trustMultipliers: { ONE: 1 },
    });
    const res = await after.consume('relayout', 'LAYOUT', ONE);
    // Buckets of 6 s read as buckets of 12 s lay decades in the future.
    for (const w of res.windows) {
      expect(w.resetAt.getTime() - res.decidedAt.getTime()).toBeLessThanOrEqual(
        w.windowMs + w.windowMs / tier.buckets,
      );
    }
    expect(res).toMatchObject({ allowed: true, remaining: 1 });
  });

  /** regression: issue 6 */
  it('a denial under a recorded penalty is not replayed after the penalty ran out', async () => {
    const l = createRateLimiter({
      redis: r.client,
      redisTimeoutMs: 5000,
      keyPrefix: r.prefix,
      limits: {
        PEN: { limit: 5, windowMs: 60_000, burst: 10, burstWindowMs: 60_000, buckets: 10 },
      },
      trustMultipliers: { ONE: 1 },
    });
    // A WARN whose hour runs out 2.5 s from now: the window limit is 4 until then, 5 after.
    const expiresAt = (await serverMs()) + 2500;
    await r.client.hset(`${r.prefix}{penal}:v`, 'w', String(expiresAt - 3_600_000));
    for (let i = 0; i < 4; i++) await l.consume('penal', 'PEN', ONE);
    const denied = await l.consume('penal', 'PEN', ONE);
    expect(denied).toMatchObject({ allowed: false, penalties: ['moderateContentLastHour'] });
    await sleep(Math.max(0, expiresAt + 100 - (await serverMs())));
    expect(await l.consume('penal', 'PEN', ONE)).toMatchObject({
      allowed: true,
      source: 'redis',
      penalties: [],
    });
  });

  it('hashes ids that would break keys; raw ids never reach Redis', async () => {
    const evil = 'evil}:{*\n CANARY-7d1e';
    await limiter.consume(evil, 'POSTS');
    const [, keys] = await r.client.scan('0', 'MATCH', `${r.prefix}*`, 'COUNT', 1000);
    expect(keys.some((k) => k.includes('CANARY'))).toBe(false);
    expect(keys.filter((k) => k.startsWith(`${r.prefix}{#`)).length).toBeGreaterThan(0);
    for (const k of keys) expect(k.startsWith(r.prefix)).toBe(true);
  });
});
