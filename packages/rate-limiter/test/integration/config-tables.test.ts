import { createTestDatabase, type TestDatabase, waitUntil } from '@clawexchange/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, rateLimiterMigrations } from '../../src/index.js';
import { rateLimiterMigrations as fromSubpath } from '../../src/migrations/index.js';
import { recordingLogger, recordingMeter } from './helpers.js';

let db: TestDatabase;

async function tables(): Promise<string[]> {
  const [rows] = await db.sequelize.query(
    "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  );
  return (rows as { name: string }[]).map((r) => r.name);
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('migrations', () => {
  it('run up, down, up (and up twice is harmless)', async () => {
    expect(fromSubpath).toBe(rateLimiterMigrations);
    const qi = db.sequelize.getQueryInterface();
    const sequelize = db.sequelize;
    for (const m of rateLimiterMigrations) await m.up(qi, sequelize);
    expect(await tables()).toEqual(['rate_limit_configs', 'tier_threshold_configs']);
    for (const m of [...rateLimiterMigrations].reverse()) await m.down(qi, sequelize);
    expect(await tables()).toEqual([]);
    for (const m of rateLimiterMigrations) await m.up(qi);
    for (const m of rateLimiterMigrations) await m.up(qi, sequelize);
    const [rows] = await db.sequelize.query(
      'SELECT tier, window_limit, burst_limit FROM rate_limit_configs ORDER BY tier',
    );
    expect(rows).toEqual([
      { tier: 'COMMENTS', window_limit: 60, burst_limit: 10 },
      { tier: 'MESSAGES', window_limit: 300, burst_limit: 30 },
      { tier: 'POSTS', window_limit: 10, burst_limit: 3 },
    ]);
    const [trust] = await db.sequelize.query(
      'SELECT trust_level, multiplier FROM tier_threshold_configs ORDER BY multiplier',
    );
    expect(trust).toEqual([
      { trust_level: 'NEW', multiplier: 0.5 },
      { trust_level: 'ESTABLISHED', multiplier: 1 },
      { trust_level: 'VERIFIED', multiplier: 2 },
      { trust_level: 'PLATFORM_BOT', multiplier: 10 },
    ]);
  });
});

describe('config tables are read', () => {
  it('applies an admin UPDATE on reloadConfig() and on the TTL, without restart', async () => {
    let nowMs = Date.parse('2026-11-23T12:00:00Z');
    const limiter = createRateLimiter({
      database: db.sequelize,
      configTtlMs: 60_000,
      now: () => new Date(nowMs),
    });
    const limits = async (tier: string, trustLevel = 'ESTABLISHED') =>
      (await limiter.check('cfg', tier, { trustLevel })).windows.map((w) => w.limit);
    expect(await limits('POSTS')).toEqual([3, 10]);

    await db.sequelize.query(
      "UPDATE rate_limit_configs SET window_limit = 20, burst_limit = 6, updated_at = now() WHERE tier = 'POSTS'",
    );
    expect(await limits('POSTS')).toEqual([3, 10]); // cached until the TTL
    await limiter.reloadConfig();
    expect(await limits('POSTS')).toEqual([6, 20]);

    await db.sequelize.query(
      "INSERT INTO rate_limit_configs (tier, window_limit, window_ms, burst_limit, burst_window_ms, buckets) VALUES ('REVIEWS', 40, 3600000, 5, 60000, 60)",
    );
    await db.sequelize.query(
      "UPDATE tier_threshold_configs SET multiplier = 3 WHERE trust_level = 'VERIFIED'",
    );
    nowMs += 59_999;
    await expect(limiter.check('cfg', 'REVIEWS')).rejects.toMatchObject({
      code: 'RATE_LIMITER_UNKNOWN_TIER',
    });
    nowMs += 1;
    expect(await limits('REVIEWS', 'VERIFIED')).toEqual([15, 120]);
  });

  /** regression: issue 6 */
  it('a locked config table delays a decision by at most configTimeoutMs; the read lands after the lock', async () => {
    const limiter = createRateLimiter({ database: db.sequelize, configTimeoutMs: 100 });
    const limits = async () =>
      (await limiter.check('lock', 'POSTS', { trustLevel: 'ESTABLISHED' })).windows.map(
        (w) => w.limit,
      );
    const t = await db.sequelize.transaction();
    try {
      // What an admin's ALTER TABLE or a migration does to readers.
      await db.sequelize.query('LOCK TABLE rate_limit_configs IN ACCESS EXCLUSIVE MODE', {
        transaction: t,
      });
      expect(await limits()).toEqual([3, 10]); // the code config, not a hang
    } finally {
      await t.commit();
    }
    // The table row (20/h, 6/min from the test above) applies once the read completes.
    await waitUntil(
      async () => {
        if ((await limits()).join() !== '6,20') throw new Error('not yet');
      },
      { timeoutMs: 10_000, intervalMs: 20 },
    );
  });

  it('a bad row is a typed error on reloadConfig(), never a crash, and the last good config stays', async () => {
    const log = recordingLogger();
    const m = recordingMeter();
    const limiter = createRateLimiter({
      database: db.sequelize,
      logger: log.logger,
      meter: m.meter,
    });
    await limiter.reloadConfig();
    const before = await limiter.check('bad', 'COMMENTS', { trustLevel: 'ESTABLISHED' });
    expect(before.windows.map((w) => w.limit)).toEqual([10, 60]);
    await db.sequelize.query(
      "UPDATE rate_limit_configs SET window_limit = 0 WHERE tier = 'COMMENTS'",
    );
    await expect(limiter.reloadConfig()).rejects.toMatchObject({
      code: 'RATE_LIMITER_INVALID_CONFIG_ROW',
      field: 'rate_limit_configs[COMMENTS].window_limit',
    });
    const after = await limiter.check('bad', 'COMMENTS', { trustLevel: 'ESTABLISHED' });
    expect(after.windows.map((w) => w.limit)).toEqual([10, 60]);
    expect(
      log.lines.some(
        (l) => l.level === 'error' && l.fields.code === 'RATE_LIMITER_INVALID_CONFIG_ROW',
      ),
    ).toBe(true);
    expect(m.adds.some((a) => a.name === 'clawexchange.rate_limiter.config_reload_failures')).toBe(
      true,
    );

    await db.sequelize.query(
      "UPDATE rate_limit_configs SET window_limit = 60 WHERE tier = 'COMMENTS'",
    );
    // Fits the INTEGER column, but not a Node timer (memory counters would expire at once).
    await db.sequelize.query(
      "UPDATE rate_limit_configs SET window_ms = 2147483640 WHERE tier = 'COMMENTS'",
    );
    await expect(limiter.reloadConfig()).rejects.toMatchObject({
      code: 'RATE_LIMITER_INVALID_CONFIG_ROW',
      field: 'rate_limit_configs[COMMENTS].window_ms',
    });
    await db.sequelize.query(
      "UPDATE rate_limit_configs SET window_ms = 3600000 WHERE tier = 'COMMENTS'",
    );
    await db.sequelize.query(
      "UPDATE tier_threshold_configs SET multiplier = -1 WHERE trust_level = 'NEW'",
    );
    await expect(limiter.reloadConfig()).rejects.toMatchObject({
      field: 'tier_threshold_configs[NEW].multiplier',
    });
    await db.sequelize.query(
      "UPDATE tier_threshold_configs SET multiplier = 0.5 WHERE trust_level = 'NEW'",
    );
    await db.sequelize.query(
      "INSERT INTO rate_limit_configs (tier, window_limit, burst_limit) VALUES ('bad tier', 5, 1)",
    );
    await expect(limiter.reloadConfig()).rejects.toMatchObject({
      field: 'rate_limit_configs.tier',
    });
    // a disabled row is ignored, so the bad one can be parked
    await db.sequelize.query(
      "UPDATE rate_limit_configs SET enabled = FALSE WHERE tier = 'bad tier'",
    );
    await limiter.reloadConfig();
  });

  it('a database that cannot be read keeps decisions going on the code config', async () => {
    const log = recordingLogger();
    const broken = {
      query: async () => Promise.reject(new Error('connection refused (password=CANARY-db-77)')),
    };
    const limiter = createRateLimiter({ database: broken, logger: log.logger });
    const r = await limiter.check('x', 'POSTS');
    expect(r.allowed).toBe(true);
    await expect(limiter.reloadConfig()).rejects.toMatchObject({
      code: 'RATE_LIMITER_CONFIG_LOAD_FAILED',
    });
    expect(JSON.stringify(log.lines)).not.toContain('CANARY');
  });
});
