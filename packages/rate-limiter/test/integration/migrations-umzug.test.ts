import {
  createTestDatabase,
  documentedRenameSql,
  expectEachColumnRequired,
  publicColumns,
  recordedMigrations,
  runAsSequelizeCli,
  type TestDatabase,
  umzugRunner,
  umzugUpCause,
} from '@clawexchange/test-utils';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isRateLimiterError,
  type RateLimiterMigration,
  rateLimiterMigrationRenames,
  rateLimiterMigrations,
} from '../../src/index.js';

async function tables(db: TestDatabase): Promise<string[]> {
  const [rows] = await db.sequelize.query(
    "SELECT table_name::text AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'SequelizeMeta' ORDER BY 1",
  );
  return (rows as { t: string }[]).map((r) => r.t);
}

async function tiers(db: TestDatabase): Promise<unknown[]> {
  const [rows] = await db.sequelize.query(
    'SELECT tier, window_limit FROM rate_limit_configs ORDER BY tier',
  );
  return rows;
}

/**
 * Config tables in an upstream-like shape (Sequelize model defaults). The
 * reference documents give upstream's table names, not its columns: a
 * table lacking any column of ours is refused.
 */
const UPSTREAM_TABLES = [
  `CREATE TABLE rate_limit_configs (
    id serial PRIMARY KEY, tier varchar(32) UNIQUE NOT NULL, max_requests integer NOT NULL,
    window_ms integer NOT NULL, "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE tier_threshold_configs (
    id serial PRIMARY KEY, trust_level varchar(32) UNIQUE NOT NULL, multiplier real NOT NULL)`,
  `INSERT INTO rate_limit_configs (tier, max_requests, window_ms) VALUES ('POSTS', 7, 3600000)`,
  `INSERT INTO tier_threshold_configs (trust_level, multiplier) VALUES ('NEW', 0.25)`,
];

const NAMES = [
  '@clawexchange/rate-limiter/0001-create-config-tables',
  '@clawexchange/rate-limiter/0002-seed-defaults',
];

describe('rate-limiter migrations through umzug (SequelizeStorage)', () => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  /** regression: issue 11 */
  it('fresh database: up, up again (nothing re-run), down to 0, up; an admin edit survives a new runner', async () => {
    db = await createTestDatabase();
    const calls: string[] = [];
    const umzug = umzugRunner(db, rateLimiterMigrations, calls);
    expect((await umzug.up()).map((m) => m.name)).toEqual(NAMES);
    expect(await recordedMigrations(db)).toEqual(NAMES);
    expect(await tables(db)).toEqual(['rate_limit_configs', 'tier_threshold_configs']);
    calls.length = 0;
    expect(await umzug.up()).toEqual([]);
    expect(calls).toEqual([]);
    expect((await umzug.down({ to: 0 })).map((m) => m.name)).toEqual([...NAMES].reverse());
    expect(await recordedMigrations(db)).toEqual([]);
    expect(await tables(db)).toEqual([]);
    await umzug.up();
    expect(await tiers(db)).toHaveLength(3);
    await db.sequelize.query(
      "UPDATE rate_limit_configs SET window_limit = 99 WHERE tier = 'POSTS'",
    );
    calls.length = 0;
    expect(await umzugRunner(db, rateLimiterMigrations, calls).up()).toEqual([]);
    expect(calls).toEqual([]);
    expect(await tiers(db)).toContainEqual({ tier: 'POSTS', window_limit: 99 });
  });

  /** regression: issue 11 */
  it('a database migrated by the guide loop (nothing recorded): umzug runs both steps over it, keeping admin edits', async () => {
    db = await createTestDatabase();
    const qi = db.sequelize.getQueryInterface();
    for (const m of rateLimiterMigrations) await m.up(qi, db.sequelize);
    await db.sequelize.query(
      "UPDATE rate_limit_configs SET window_limit = 99 WHERE tier = 'POSTS'",
    );
    expect((await umzugRunner(db, rateLimiterMigrations).up()).map((m) => m.name)).toEqual(NAMES);
    expect(await tiers(db)).toContainEqual({ tier: 'POSTS', window_limit: 99 });
  });

  /** regression: issue 11 */
  it('names recorded by 0.1.0: the documented SQL renames them, and nothing runs again', async () => {
    db = await createTestDatabase();
    const from = new Map(rateLimiterMigrationRenames.map((r) => [r.to, r.from]));
    await umzugRunner(
      db,
      rateLimiterMigrations.map((m) => ({ ...m, name: from.get(m.name) ?? m.name })),
    ).up();
    expect(await recordedMigrations(db)).toEqual(
      rateLimiterMigrationRenames.map((r) => r.from).sort(),
    );
    await db.sequelize.query(await documentedRenameSql());
    expect(await recordedMigrations(db)).toEqual(NAMES);
    const calls: string[] = [];
    expect(await umzugRunner(db, rateLimiterMigrations, calls).up()).toEqual([]);
    expect(calls).toEqual([]);
  });

  /** regression: issue 11 */
  it('the guide rollback pattern reverses the exported array in place; up and down still work in that order', async () => {
    db = await createTestDatabase();
    const qi = db.sequelize.getQueryInterface();
    const sequelize = db.sequelize;
    for (const m of rateLimiterMigrations) await m.up(qi, sequelize);
    try {
      // The guide's rollback pattern, applied to this package's array:
      for (const m of rateLimiterMigrations.reverse()) await m.down(qi, sequelize);
      expect(await tables(db)).toEqual([]);
      // A later up loop in the same process meets the seed step first.
      expect(rateLimiterMigrations.map((m) => m.name)).toEqual([...NAMES].reverse());
      for (const m of rateLimiterMigrations) await m.up(qi, sequelize);
      expect(await tiers(db)).toHaveLength(3);
      // Down in this (reversed) order drops the tables before the seed step runs.
      for (const m of [...rateLimiterMigrations].reverse()) await m.down(qi, sequelize);
      expect(await tables(db)).toEqual([]);
    } finally {
      rateLimiterMigrations.reverse();
    }
    expect(rateLimiterMigrations.map((m) => m.name)).toEqual(NAMES);
  });

  /** regression: issue 11 */
  it('refuses upstream 0.1.x config tables before changing anything, up and down', async () => {
    db = await createTestDatabase();
    for (const sql of UPSTREAM_TABLES) await db.sequelize.query(sql);
    const before = await publicColumns(db, 'rate_limit_configs');
    const cause = await umzugUpCause(db, rateLimiterMigrations);
    expect(isRateLimiterError(cause)).toBe(true);
    expect(cause).toMatchObject({
      code: 'RATE_LIMITER_UPSTREAM_SCHEMA_DETECTED',
      field: 'rate_limit_configs.window_limit',
    });
    expect((cause as Error).message).toContain('docs/upgrading-from-upstream.md');
    expect(await recordedMigrations(db)).toEqual([]);
    expect(await publicColumns(db, 'rate_limit_configs')).toEqual(before);
    const qi = db.sequelize.getQueryInterface();
    for (const m of rateLimiterMigrations) {
      await expect(m.up(qi, db.sequelize)).rejects.toMatchObject({
        code: 'RATE_LIMITER_UPSTREAM_SCHEMA_DETECTED',
      });
      await expect(m.down(qi, db.sequelize)).rejects.toMatchObject({
        code: 'RATE_LIMITER_UPSTREAM_SCHEMA_DETECTED',
      });
    }
    const [rows] = await db.sequelize.query('SELECT tier, max_requests FROM rate_limit_configs');
    expect(rows).toEqual([{ tier: 'POSTS', max_requests: 7 }]);
    const [trust] = await db.sequelize.query('SELECT trust_level FROM tier_threshold_configs');
    expect(trust).toEqual([{ trust_level: 'NEW' }]);
  });

  /** regression: issue 11 */
  it('detects a config table lacking any one of our columns', async () => {
    db = await createTestDatabase();
    const step = rateLimiterMigrations[0] as RateLimiterMigration;
    const checked = await expectEachColumnRequired(
      db,
      step,
      ['rate_limit_configs', 'tier_threshold_configs'],
      'RATE_LIMITER_UPSTREAM_SCHEMA_DETECTED',
    );
    expect(checked).toEqual({ rate_limit_configs: 9, tier_threshold_configs: 5 });
  });

  /** regression: issue 11 */
  it('property: a table is refused exactly when it lacks a column of ours, whatever else it holds', async () => {
    db = await createTestDatabase();
    const sequelize = db.sequelize;
    const qi = sequelize.getQueryInterface();
    const step = rateLimiterMigrations[0] as RateLimiterMigration;
    await step.up(qi, sequelize);
    const ours = await publicColumns(db, 'rate_limit_configs');
    await sequelize.query('DROP TABLE rate_limit_configs');
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(ours),
        fc.uniqueArray(fc.stringMatching(/^x_[a-z]{1,8}$/), { maxLength: 3 }),
        async (kept, extra) => {
          const defs = [...kept, ...extra].map((c) => `${c} text`).join(', ');
          await sequelize.query(`CREATE TABLE rate_limit_configs (${defs})`);
          try {
            const missing = ours.filter((c) => !kept.includes(c));
            const outcome = await step.up(qi, sequelize).then(
              () => undefined,
              (e: unknown) => e,
            );
            if (missing.length === 0) expect(outcome).toBeUndefined();
            else {
              expect(outcome).toMatchObject({
                code: 'RATE_LIMITER_UPSTREAM_SCHEMA_DETECTED',
                field: `rate_limit_configs.${missing[0]}`,
              });
            }
          } finally {
            await sequelize.query('DROP TABLE rate_limit_configs');
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  /** regression: issue 11 */
  it('sequelize-cli style: up(queryInterface, Sequelize) with the Sequelize class, not an instance', async () => {
    db = await createTestDatabase();
    await runAsSequelizeCli(db, rateLimiterMigrations, 'up');
    expect(await tables(db)).toEqual(['rate_limit_configs', 'tier_threshold_configs']);
    await runAsSequelizeCli(db, rateLimiterMigrations, 'down');
    expect(await tables(db)).toEqual([]);
  });
});
