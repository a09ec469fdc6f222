import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter } from './create-rate-limiter.js';
import { RateLimiterErrorCode } from './errors.js';

/** A fake clock shared by the limiter and rate-limiter-flexible's memory TTLs. */
beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-23T12:00:00.000Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

const SHORT = { limit: 5, windowMs: 2000, burst: 3, burstWindowMs: 1000, buckets: 10 };

function memoryLimiter() {
  return createRateLimiter({
    limits: { SHORT },
    trustMultipliers: { ONE: 1 },
  });
}

describe('memory mode (fake clock)', () => {
  it('runs the guide call: a fresh agent may post', async () => {
    const rateLimiter = createRateLimiter();
    const check = await rateLimiter.check('health-check', 'POSTS');
    expect(check.allowed).toBe(true);
    expect(check.source).toBe('memory');
    expect(check.failedOpen).toBe(false);
    // NEW trust: 10/h * 0.5 = 5; 3/min * 0.5 floors to 1
    expect(check.windows.map((w) => w.limit)).toEqual([1, 5]);
  });

  it('check never consumes; consume does; a denied request consumes from neither window', async () => {
    const l = memoryLimiter();
    for (let i = 0; i < 10; i++)
      expect((await l.check('a', 'SHORT', { trustLevel: 'ONE' })).allowed).toBe(true);
    for (let i = 0; i < 3; i++)
      expect((await l.consume('a', 'SHORT', { trustLevel: 'ONE' })).allowed).toBe(true);
    const denied = await l.consume('a', 'SHORT', { trustLevel: 'ONE' });
    expect(denied).toMatchObject({ allowed: false, deniedBy: 'burst', remaining: 0 });
    expect(denied.windows.map((w) => w.used)).toEqual([3, 3]); // the long window did not count it
    expect(denied.retryAfterMs).toBeGreaterThan(0);
    expect(denied.retryAfterMs).toBeLessThanOrEqual(1100);
    vi.advanceTimersByTime(denied.retryAfterMs);
    const after = await l.consume('a', 'SHORT', { trustLevel: 'ONE' });
    expect(after.allowed).toBe(true);
    expect(after.windows.map((w) => w.used)).toEqual([1, 4]);
  });

  it('retryAfterMs is exact: one ms earlier is still denied', async () => {
    const l = memoryLimiter();
    for (let i = 0; i < 3; i++) await l.consume('b', 'SHORT', { trustLevel: 'ONE' });
    const denied = await l.check('b', 'SHORT', { trustLevel: 'ONE' });
    vi.advanceTimersByTime(denied.retryAfterMs - 1);
    expect((await l.check('b', 'SHORT', { trustLevel: 'ONE' })).allowed).toBe(false);
    vi.advanceTimersByTime(1);
    expect((await l.check('b', 'SHORT', { trustLevel: 'ONE' })).allowed).toBe(true);
  });

  it('no span of W ever admits more than N (property, fake clock)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          // random gaps, plus gaps that land exactly on (or 1 ms beside) bucket and window edges
          fc.oneof(
            fc.integer({ min: 0, max: 400 }),
            fc.constantFrom(99, 100, 101, 999, 1000, 1001, 1999, 2000, 2001),
          ),
          { minLength: 5, maxLength: 80 },
        ),
        async (gaps) => {
          vi.setSystemTime(new Date('2026-11-23T12:00:00.000Z'));
          const l = memoryLimiter();
          const admitted: number[] = [];
          for (const gap of gaps) {
            vi.advanceTimersByTime(gap);
            const r = await l.consume('p', 'SHORT', { trustLevel: 'ONE' });
            if (r.allowed) admitted.push(Date.now());
          }
          for (const t of admitted) {
            // closed spans [t, t + W]: the bound holds at the exact edge too
            const inBurst = admitted.filter((u) => u >= t && u <= t + SHORT.burstWindowMs).length;
            const inWindow = admitted.filter((u) => u >= t && u <= t + SHORT.windowMs).length;
            if (inBurst > SHORT.burst || inWindow > SHORT.limit) return false;
          }
          return true;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('concurrent consumes on one key never exceed the limit', async () => {
    const l = memoryLimiter();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => l.consume('c', 'SHORT', { trustLevel: 'ONE' })),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it('recorded verdicts apply penalties and expire', async () => {
    const l = createRateLimiter({ limits: { T: { limit: 100, burst: 100 } } });
    const opts = { trustLevel: 'ESTABLISHED' } as const;
    expect((await l.check('v', 'T', opts)).limit).toBe(100);
    await l.recordVerdict('v', 'PASS');
    expect((await l.check('v', 'T', opts)).penalties).toEqual([]);
    await l.recordVerdict('v', 'WARN');
    let r = await l.check('v', 'T', opts);
    expect(r.penalties).toEqual(['moderateContentLastHour']);
    expect(r.windows.map((w) => w.limit)).toEqual([80, 80]);
    await l.recordVerdict('v', 'QUARANTINE');
    await l.recordVerdict('v', 'BLOCK');
    r = await l.check('v', 'T', opts);
    expect(r.penalties).toEqual([
      'moderateContentLastHour',
      'quarantineLast24h',
      'multipleQuarantine7d',
    ]);
    expect(r.limit).toBe(4); // 100 * 0.8 * 0.5 * 0.1
    vi.advanceTimersByTime(3_600_000);
    expect((await l.check('v', 'T', opts)).penalties).toEqual([
      'quarantineLast24h',
      'multipleQuarantine7d',
    ]);
    vi.advanceTimersByTime(86_400_000);
    expect((await l.check('v', 'T', opts)).penalties).toEqual(['multipleQuarantine7d']);
    vi.advanceTimersByTime(7 * 86_400_000);
    expect((await l.check('v', 'T', opts)).penalties).toEqual([]);
  });

  it('passed-in penalties apply and floor at 1', async () => {
    const l = createRateLimiter();
    const r = await l.check('f', 'POSTS', {
      trustLevel: 'NEW',
      penalties: { multipleQuarantine7d: true, quarantineLast24h: true },
    });
    expect(r.windows.map((w) => w.limit)).toEqual([1, 1]);
  });

  it('reward gives back and reset forgets', async () => {
    const l = memoryLimiter();
    for (let i = 0; i < 3; i++) await l.consume('r', 'SHORT', { trustLevel: 'ONE' });
    await l.reward('r', 'SHORT', 2);
    expect((await l.check('r', 'SHORT', { trustLevel: 'ONE' })).windows.map((w) => w.used)).toEqual(
      [1, 1],
    );
    await l.reset('r');
    expect((await l.check('r', 'SHORT', { trustLevel: 'ONE' })).windows.map((w) => w.used)).toEqual(
      [0, 0],
    );
    const status = await l.getStatus('r', { trustLevel: 'ONE' });
    expect(Object.keys(status.tiers).sort()).toEqual(['COMMENTS', 'MESSAGES', 'POSTS', 'SHORT']);
  });

  it('bad input: typed errors with stable codes, nothing counted', async () => {
    const l = memoryLimiter();
    const cases: [() => Promise<unknown>, string][] = [
      [() => l.consume('a', 'NOPE'), RateLimiterErrorCode.UNKNOWN_TIER],
      [
        () => l.consume('a', 'SHORT', { trustLevel: 'GOD' }),
        RateLimiterErrorCode.UNKNOWN_TRUST_LEVEL,
      ],
      [() => l.consume('', 'SHORT'), RateLimiterErrorCode.EMPTY_AGENT_ID],
      [() => l.consume('x'.repeat(300), 'SHORT'), RateLimiterErrorCode.AGENT_ID_TOO_LONG],
      [
        () => l.consume('a', 'SHORT', { penalties: { bogus: true } as never }),
        RateLimiterErrorCode.UNKNOWN_PENALTY,
      ],
      [() => l.recordVerdict('a', 'MAYBE' as 'PASS'), RateLimiterErrorCode.INVALID_VERDICT],
      [() => l.reward('a', 'SHORT', 0), RateLimiterErrorCode.INVALID_POINTS],
    ];
    for (const [fn, code] of cases) await expect(fn()).rejects.toMatchObject({ code });
    expect((await createRateLimiter(null as never).check('a', 'POSTS')).allowed).toBe(true);
    expect((await l.check('a', 'SHORT', { trustLevel: 'ONE' })).windows.map((w) => w.used)).toEqual(
      [0, 0],
    );
  });

  it('ids with key-breaking characters are their own agents', async () => {
    const l = memoryLimiter();
    for (let i = 0; i < 3; i++) await l.consume('a:b{c}', 'SHORT', { trustLevel: 'ONE' });
    expect((await l.check('a:b{c}', 'SHORT', { trustLevel: 'ONE' })).allowed).toBe(false);
    expect((await l.check('a:b{c}x', 'SHORT', { trustLevel: 'ONE' })).allowed).toBe(true);
  });

  it('keeps the Redis client (and its secrets) in a closure, out of every returned object', async () => {
    const canary = 'CANARY-redis-pass-31c4';
    const fakeRedis = {
      status: 'ready',
      options: { password: canary },
      evalsha: async () => Promise.reject(new Error(`auth failed ${canary}`)),
      eval: async () => Promise.reject(new Error(canary)),
      del: async () => Promise.reject(new Error(canary)),
    };
    const lines: string[] = [];
    const log = (fields: Readonly<Record<string, unknown>>, msg: string) => {
      lines.push(JSON.stringify({ fields, msg }));
    };
    const l = createRateLimiter({
      redis: fakeRedis,
      logger: { debug: log, info: log, warn: log, error: log },
    });
    const res = await l.consume('agent', 'POSTS');
    expect(res.source).toBe('insurance');
    for (const text of [
      JSON.stringify(l),
      inspect(l, { depth: 5 }),
      JSON.stringify(res),
      inspect(res),
      ...lines,
    ]) {
      expect(text).not.toContain(canary);
    }
    await expect(l.reset('agent')).rejects.toMatchObject({
      code: RateLimiterErrorCode.REDIS_FAILED,
    });
  });

  it('a meter that throws never fails a decision; the failure is logged once per metric', async () => {
    const lines: string[] = [];
    const log = (_f: Readonly<Record<string, unknown>>, msg: string) => {
      lines.push(msg);
    };
    const l = createRateLimiter({
      meter: {
        createCounter: () => ({
          add: () => {
            throw new Error('exporter down');
          },
        }),
      },
      logger: { debug: log, info: log, warn: log, error: log },
    });
    expect((await l.consume('m', 'POSTS')).allowed).toBe(true);
    expect((await l.consume('m', 'POSTS')).allowed).toBe(false);
    expect(lines.filter((x) => x.includes('metric update failed'))).toHaveLength(1);
  });

  it('a Redis client that throws synchronously is an outage, never an untyped error', async () => {
    const throwing = {
      status: 'ready',
      evalsha: (): Promise<unknown> => {
        throw new Error('sync failure');
      },
      eval: (): Promise<unknown> => {
        throw new Error('sync failure');
      },
      del: (): Promise<number> => {
        throw new Error('sync failure');
      },
    };
    const l = createRateLimiter({ redis: throwing });
    expect(await l.consume('agent', 'POSTS')).toMatchObject({ allowed: true, source: 'insurance' });
    await expect(l.reset('agent', 'POSTS')).rejects.toMatchObject({
      code: RateLimiterErrorCode.REDIS_FAILED,
    });
  });

  it('while a ready Redis hangs, one call at a time probes it; the others use the policy at once', async () => {
    vi.useRealTimers(); // the Redis timeout is a real timer
    let calls = 0;
    const hung = {
      status: 'ready',
      evalsha: (): Promise<unknown> => {
        calls++;
        return new Promise(() => undefined);
      },
      eval: (): Promise<unknown> => new Promise(() => undefined),
      del: (): Promise<number> => new Promise(() => undefined),
    };
    const l = createRateLimiter({ redis: hung, redisTimeoutMs: 30 });
    expect((await l.consume('h', 'MESSAGES')).source).toBe('insurance'); // timed out: down
    const during = await Promise.all(Array.from({ length: 5 }, () => l.consume('h', 'MESSAGES')));
    expect(during.every((r) => r.source === 'insurance')).toBe(true);
    expect(calls).toBe(2); // the first call, then a single probe for the five
  });

  it('fails fast while Redis is down and the client is not ready (no wait for the timeout)', async () => {
    let calls = 0;
    const client = {
      status: 'ready',
      evalsha: async (): Promise<unknown> => {
        calls++;
        throw new Error('connection lost');
      },
      eval: async (): Promise<unknown> => Promise.reject(new Error('x')),
      del: async (): Promise<number> => Promise.reject(new Error('x')),
    };
    const l = createRateLimiter({ redis: client });
    expect((await l.consume('agent', 'POSTS')).source).toBe('insurance');
    client.status = 'connecting';
    expect((await l.consume('agent', 'POSTS')).source).toBe('insurance');
    expect(calls).toBe(1); // the second decision did not try the reconnecting client
  });
});
