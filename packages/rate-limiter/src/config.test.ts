import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { validateConfig } from './config.js';
import { isRateLimiterError, RateLimiterErrorCode } from './errors.js';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(isRateLimiterError(e)).toBe(true);
    if (isRateLimiterError(e)) {
      expect(e.code).toBe(RateLimiterErrorCode.INVALID_CONFIG);
      return e.field;
    }
  }
  return 'no error';
}

describe('validateConfig', () => {
  it('fills the defaults', () => {
    const c = validateConfig({});
    expect(c.tiers.get('POSTS')).toEqual({
      limit: 10,
      windowMs: 3_600_000,
      burst: 3,
      burstWindowMs: 60_000,
      buckets: 60,
    });
    expect([...c.trust]).toEqual([
      ['NEW', 0.5],
      ['ESTABLISHED', 1],
      ['VERIFIED', 2],
      ['PLATFORM_BOT', 10],
    ]);
    expect(c.onRedisDown).toBe('insurance');
  });

  it('names the field at fault and never echoes the value', () => {
    expect(fieldOf(() => validateConfig({ limits: { POSTS: { limit: 0, burst: 1 } } }))).toBe(
      'limits.POSTS.limit',
    );
    expect(fieldOf(() => validateConfig({ limits: { X: { limit: 1, burst: -2 } } }))).toBe(
      'limits.X.burst',
    );
    expect(
      fieldOf(() => validateConfig({ limits: { X: { limit: 1, burst: 1, windowMs: 1001 } } })),
    ).toBe('limits.X.windowMs');
    expect(fieldOf(() => validateConfig({ trustMultipliers: { NEW: 0 } }))).toBe(
      'trustMultipliers.NEW',
    );
    expect(fieldOf(() => validateConfig({ penalties: { quarantineLast24h: 2 } }))).toBe(
      'penalties.quarantineLast24h',
    );
    expect(fieldOf(() => validateConfig({ keyPrefix: 'a{b}' }))).toBe('keyPrefix');
    expect(fieldOf(() => validateConfig({ onRedisDown: 'maybe' as 'open' }))).toBe('onRedisDown');
    expect(fieldOf(() => validateConfig({ limits: { 'a b': { limit: 1, burst: 1 } } }))).toBe(
      'limits.a b',
    );
    expect(
      fieldOf(() => validateConfig({ limits: { X: { limit: 1, burst: 1, buckets: 61 } } })),
    ).toBe('limits.X.buckets');
    expect(
      fieldOf(() => validateConfig({ limits: { X: { limit: 1, burst: 1, burstWindowMs: 1001 } } })),
    ).toBe('limits.X.burstWindowMs');
    expect(fieldOf(() => validateConfig({ trustMultipliers: { 'x:y': 1 } }))).toBe(
      'trustMultipliers.x:y',
    );
    expect(fieldOf(() => validateConfig({ penalties: { nope: 0.5 } as never }))).toBe(
      'penalties.nope',
    );
    expect(fieldOf(() => validateConfig({ redisTimeoutMs: 0 }))).toBe('redisTimeoutMs');
    expect(fieldOf(() => validateConfig({ closedRetryAfterMs: 1.5 }))).toBe('closedRetryAfterMs');
    expect(fieldOf(() => validateConfig({ configTtlMs: -1 }))).toBe('configTtlMs');
    expect(fieldOf(() => validateConfig({ configTimeoutMs: 0 }))).toBe('configTimeoutMs');
    expect(fieldOf(() => validateConfig({ redis: {} as never }))).toBe('redis');
    expect(fieldOf(() => validateConfig({ database: {} as never }))).toBe('database');
    expect(fieldOf(() => validateConfig({ redis: null as never }))).toBe('redis');
    expect(fieldOf(() => validateConfig({ database: null as never }))).toBe('database');
    expect(fieldOf(() => validateConfig({ limits: { X: null as never } }))).toBe('limits.X');
    expect(fieldOf(() => validateConfig({ limits: { POSTS: 5 as never } }))).toBe('limits.POSTS');
    expect(fieldOf(() => validateConfig({ logger: { info: () => undefined } as never }))).toBe(
      'logger',
    );
    expect(fieldOf(() => validateConfig({ meter: {} as never }))).toBe('meter');
    expect(fieldOf(() => validateConfig({ now: 'yesterday' as never }))).toBe('now');
    expect(fieldOf(() => validateConfig({ penalties: { toString: 0.5 } as never }))).toBe(
      'penalties.toString',
    );
  });

  /** regression: issue 6 */
  it('refuses windows whose memory counters would outlive a Node timer (they expired at once)', () => {
    const days = (n: number) => n * 86_400_000;
    expect(
      fieldOf(() => validateConfig({ limits: { X: { limit: 1, burst: 1, windowMs: days(30) } } })),
    ).toBe('limits.X.windowMs');
    expect(
      fieldOf(() =>
        validateConfig({
          limits: { X: { limit: 1, burst: 1, burstWindowMs: days(25), buckets: 1 } },
        }),
      ),
    ).toBe('limits.X.burstWindowMs');
    // 24 days in 60 buckets still fits.
    expect(
      validateConfig({ limits: { X: { limit: 1, burst: 1, windowMs: days(24) } } }).tiers.get('X')
        ?.windowMs,
    ).toBe(days(24));
  });

  it('keeps a planted secret out of the error', () => {
    const canary = 'CANARY-s3cr3t-9f8e7d';
    try {
      validateConfig({ keyPrefix: `{${canary}}` });
      expect.unreachable();
    } catch (e) {
      expect(JSON.stringify(e)).not.toContain(canary);
      expect(inspect(e)).not.toContain(canary);
      expect(String(e)).not.toContain(canary);
    }
  });
});
