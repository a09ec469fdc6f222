import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { auditMigrations } from '@clawexchange/audit';
import { quarantineMigrations } from '@clawexchange/quarantine';
import { rateLimiterMigrations } from '@clawexchange/rate-limiter';
import { createTestDatabase, type TestDatabase } from '@clawexchange/test-utils';
import { type QueryInterface, Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { afterEach, describe, expect, it } from 'vitest';

type Step = {
  readonly name: string;
  up(qi: QueryInterface): Promise<void>;
  down(qi: QueryInterface): Promise<void>;
};

/** Every package's steps in one umzug, as docs/deployment.md wires them. */
function runner(db: TestDatabase, calls: string[] = []) {
  const steps: Step[] = [...quarantineMigrations, ...auditMigrations, ...rateLimiterMigrations];
  return new Umzug<QueryInterface>({
    migrations: steps.map((m) => ({
      name: m.name,
      up: async ({ context }) => {
        calls.push(m.name);
        await m.up(context);
      },
      down: ({ context }) => m.down(context),
    })),
    context: db.sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize: db.sequelize }),
    logger: undefined,
  });
}

const TABLES = [
  'audit_logs',
  'encryption_keys',
  'quarantine_records',
  'rate_limit_configs',
  'tier_threshold_configs',
];

async function tables(db: TestDatabase): Promise<string[]> {
  const [rows] = await db.sequelize.query(
    "SELECT table_name::text AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY($1::text[]) ORDER BY 1",
    { bind: [TABLES] },
  );
  return (rows as { t: string }[]).map((r) => r.t);
}

async function recorded(db: TestDatabase): Promise<string[]> {
  const [rows] = await db.sequelize.query('SELECT name FROM "SequelizeMeta" ORDER BY name');
  return (rows as { name: string }[]).map((r) => r.name);
}

describe('every package’s migrations through one umzug (the built packages, as a host runs them)', () => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  /** regression: issue 11 */
  it('names are namespaced and distinct; up, up again (nothing re-run), down to 0, up; a new runner finds nothing pending', async () => {
    db = await createTestDatabase();
    const names = [...quarantineMigrations, ...auditMigrations, ...rateLimiterMigrations].map(
      (m) => m.name,
    );
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^@clawexchange\/(quarantine|audit|rate-limiter)\/\d{4}-[a-z0-9-]+$/);
    }
    const calls: string[] = [];
    const umzug = runner(db, calls);
    expect((await umzug.up()).map((m) => m.name)).toEqual(names);
    expect(await recorded(db)).toEqual([...names].sort());
    expect(await tables(db)).toEqual(TABLES);
    calls.length = 0;
    expect(await umzug.up()).toEqual([]);
    await umzug.down({ to: 0 });
    expect(await recorded(db)).toEqual([]);
    expect(await tables(db)).toEqual([]);
    await umzug.up();
    expect(await tables(db)).toEqual(TABLES);
    expect(calls).toEqual(names);
    calls.length = 0;
    expect(await runner(db, calls).up()).toEqual([]);
    expect(calls).toEqual([]);
  });

  /** regression: issue 11 */
  it('the deployment guide, exactly as written: migrate, roll back, migrate again in the same process; then umzug takes over', async () => {
    db = await createTestDatabase();
    const sequelize = db.sequelize;
    const qi = sequelize.getQueryInterface();
    try {
      // "Database Migrations"
      for (const m of quarantineMigrations) await m.up(qi, sequelize);
      for (const m of auditMigrations) await m.up(qi, sequelize);
      for (const m of rateLimiterMigrations) await m.up(qi, sequelize);
      // "Migration Rollback" (reverses the exported arrays in place)
      for (const m of auditMigrations.reverse()) await m.down(qi, sequelize);
      for (const m of quarantineMigrations.reverse()) await m.down(qi, sequelize);
      expect(await tables(db)).toEqual(['rate_limit_configs', 'tier_threshold_configs']);
      // "Database Migrations" again, later in the same process: the arrays are reversed now.
      for (const m of quarantineMigrations) await m.up(qi, sequelize);
      for (const m of auditMigrations) await m.up(qi, sequelize);
      for (const m of rateLimiterMigrations) await m.up(qi, sequelize);
      expect(await tables(db)).toEqual(TABLES);
    } finally {
      auditMigrations.reverse();
      quarantineMigrations.reverse();
    }
    // Nothing recorded yet: umzug runs every step over the migrated database, without error.
    const calls: string[] = [];
    await runner(db, calls).up();
    expect(calls).toHaveLength(
      quarantineMigrations.length + auditMigrations.length + rateLimiterMigrations.length,
    );
    expect(await tables(db)).toEqual(TABLES);
  });

  /** regression: issue 11 */
  it('the sequelize-cli migration file of docs/deployment.md, as CommonJS, with the Sequelize class', async () => {
    db = await createTestDatabase();
    const doc = await readFile(new URL('../../../docs/deployment.md', import.meta.url), 'utf8');
    const code = /```js\n(\/\/ migrations\/[\s\S]*?)```/.exec(doc)?.[1];
    expect(code).toBeDefined();
    // Evaluated as a CommonJS module whose require() resolves from this app: the CJS builds.
    const file = { exports: {} as { up?: (qi: QueryInterface, s: unknown) => Promise<void> } };
    const load = new Function('require', 'module', code as string);
    load(createRequire(import.meta.url), file);
    const qi = db.sequelize.getQueryInterface();
    await file.exports.up?.(qi, Sequelize);
    await file.exports.up?.(qi, Sequelize); // the copy added at the next upgrade
    expect(await tables(db)).toEqual(TABLES);
  });
});
