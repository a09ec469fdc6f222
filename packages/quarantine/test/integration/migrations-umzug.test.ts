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
import { afterEach, describe, expect, it } from 'vitest';
import { isQuarantineError } from '../../src/errors.js';
import {
  type QuarantineMigration,
  quarantineMigrationRenames,
  quarantineMigrations,
} from '../../src/migrations/index.js';

async function tables(db: TestDatabase, schema = 'public'): Promise<string[]> {
  const [rows] = await db.sequelize.query(
    'SELECT table_name::text AS t FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
    { bind: [schema] },
  );
  return (rows as { t: string }[]).map((r) => r.t).filter((t) => t !== 'SequelizeMeta');
}

/**
 * A `quarantine_records` / `encryption_keys` pair in an upstream-like shape
 * (Sequelize model defaults: serial ids, camelCase timestamps). The reference
 * documents give upstream's table names, not its columns: any table of ours
 * lacking one of our columns is refused, whatever else it holds.
 */
const UPSTREAM_TABLES = [
  `CREATE TABLE quarantine_records (
    id uuid PRIMARY KEY, content_hash varchar(64), tier varchar(32), labels jsonb,
    plugin_results jsonb, status varchar(32), s3_key varchar(512), expires_at timestamptz,
    "createdAt" timestamptz NOT NULL DEFAULT now(), "updatedAt" timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE encryption_keys (
    id serial PRIMARY KEY, record_id uuid REFERENCES quarantine_records(id),
    encrypted_key text, iv text, "createdAt" timestamptz NOT NULL DEFAULT now())`,
  `INSERT INTO quarantine_records (id, tier, labels, plugin_results, status, s3_key)
    VALUES ('00000000-0000-4000-8000-000000000001', 'HIGH', '[]', '[]', 'QUARANTINED', 'q/1')`,
];

describe('quarantine migrations through umzug (SequelizeStorage)', () => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  /** regression: issue 11 */
  it('fresh database: up, up again (nothing re-run), down to 0, up; a new runner finds nothing pending', async () => {
    db = await createTestDatabase();
    const names = quarantineMigrations.map((m) => m.name);
    const calls: string[] = [];
    const umzug = umzugRunner(db, quarantineMigrations, calls);
    expect((await umzug.up()).map((m) => m.name)).toEqual(names);
    expect(await recordedMigrations(db)).toEqual([...names].sort());
    expect(await tables(db)).toEqual(
      expect.arrayContaining(['encryption_keys', 'quarantine_records']),
    );
    calls.length = 0;
    expect(await umzug.up()).toEqual([]);
    expect(calls).toEqual([]);
    expect((await umzug.down({ to: 0 })).map((m) => m.name)).toEqual([...names].reverse());
    expect(await recordedMigrations(db)).toEqual([]);
    expect(await tables(db)).toEqual([]);
    expect((await umzug.up()).map((m) => m.name)).toEqual(names);
    expect(await tables(db)).toEqual(
      expect.arrayContaining(['encryption_keys', 'quarantine_records']),
    );
    // The next deploy: a new process, a new runner over the same database.
    const next = umzugRunner(db, quarantineMigrations, calls);
    calls.length = 0;
    expect(await next.pending()).toEqual([]);
    expect(await next.up()).toEqual([]);
    expect(calls).toEqual([]);
  });

  /** regression: issue 11 */
  it('a database migrated by the guide loop (nothing recorded): umzug runs every step over it, without error, keeping the rows', async () => {
    db = await createTestDatabase();
    const qi = db.sequelize.getQueryInterface();
    for (const m of quarantineMigrations) await m.up(qi, db.sequelize);
    await db.sequelize.query(
      `INSERT INTO quarantine_records (id, status, tier, s3_key, size_bytes, created_at, updated_at, expires_at)
       VALUES ('00000000-0000-4000-8000-0000000000aa', 'QUARANTINED', 'HIGH', 'k/aa', 3, now(), now(), now())`,
    );
    const umzug = umzugRunner(db, quarantineMigrations);
    expect((await umzug.up()).map((m) => m.name)).toEqual(quarantineMigrations.map((m) => m.name));
    const [rows] = await db.sequelize.query('SELECT s3_key FROM quarantine_records');
    expect(rows).toEqual([{ s3_key: 'k/aa' }]);
  });

  /** regression: issue 11 */
  it('names recorded by 0.1.0: the documented SQL renames them, and nothing runs again', async () => {
    db = await createTestDatabase();
    const renamedTo = new Map(quarantineMigrationRenames.map((r) => [r.to, r.from]));
    // What a 0.1.0 host's umzug recorded: the same steps under their old names.
    const old = quarantineMigrations
      .filter((m) => renamedTo.has(m.name))
      .map((m) => ({ ...m, name: renamedTo.get(m.name) as string }));
    await umzugRunner(db, old).up();
    expect(await recordedMigrations(db)).toEqual(
      quarantineMigrationRenames.map((r) => r.from).sort(),
    );
    await db.sequelize.query(await documentedRenameSql());
    await db.sequelize.query(await documentedRenameSql()); // running it twice is harmless
    expect(await recordedMigrations(db)).toEqual(
      quarantineMigrationRenames.map((r) => r.to).sort(),
    );
    const calls: string[] = [];
    const executed = await umzugRunner(db, quarantineMigrations, calls).up();
    // Only steps that did not exist in 0.1.0 run.
    const added = quarantineMigrations.map((m) => m.name).filter((n) => !renamedTo.has(n));
    expect(executed.map((m) => m.name)).toEqual(added);
    expect(calls).toEqual(added.map((n) => `up ${n}`));
  });

  /** regression: issue 11 */
  it('refuses an upstream 0.1.x database before changing anything, up and down', async () => {
    db = await createTestDatabase();
    for (const sql of UPSTREAM_TABLES) await db.sequelize.query(sql);
    const before = {
      records: await publicColumns(db, 'quarantine_records'),
      keys: await publicColumns(db, 'encryption_keys'),
    };
    const cause = await umzugUpCause(db, quarantineMigrations);
    expect(isQuarantineError(cause)).toBe(true);
    expect(cause).toMatchObject({
      code: 'QUARANTINE_UPSTREAM_SCHEMA_DETECTED',
      field: 'quarantine_records.matches',
    });
    expect((cause as Error).message).toContain('docs/upgrading-from-upstream.md');
    expect(await recordedMigrations(db)).toEqual([]);
    expect(await tables(db)).toEqual(['encryption_keys', 'quarantine_records']);
    expect(await publicColumns(db, 'quarantine_records')).toEqual(before.records);
    expect(await publicColumns(db, 'encryption_keys')).toEqual(before.keys);
    // Every step refuses on its own too (whatever order a loop runs them in),
    // and down never drops a table that is not ours.
    const qi = db.sequelize.getQueryInterface();
    for (const m of quarantineMigrations.slice(0, 2)) {
      await expect(m.up(qi, db.sequelize)).rejects.toMatchObject({
        code: 'QUARANTINE_UPSTREAM_SCHEMA_DETECTED',
      });
      await expect(m.down(qi, db.sequelize)).rejects.toMatchObject({
        code: 'QUARANTINE_UPSTREAM_SCHEMA_DETECTED',
      });
    }
    const [held] = await db.sequelize.query('SELECT status FROM quarantine_records');
    expect(held).toEqual([{ status: 'QUARANTINED' }]);
  });

  /** regression: issue 11 */
  it('the documented way out: move the upstream tables to their own schema, then migrate', async () => {
    db = await createTestDatabase();
    for (const sql of UPSTREAM_TABLES) await db.sequelize.query(sql);
    await db.sequelize.query('CREATE SCHEMA security_pipeline_0_1');
    await db.sequelize.query('ALTER TABLE encryption_keys SET SCHEMA security_pipeline_0_1');
    await db.sequelize.query('ALTER TABLE quarantine_records SET SCHEMA security_pipeline_0_1');
    await umzugRunner(db, quarantineMigrations).up();
    expect(await publicColumns(db, 'quarantine_records')).toContain('object_deleted_at');
    expect(await tables(db, 'security_pipeline_0_1')).toEqual([
      'encryption_keys',
      'quarantine_records',
    ]);
    const [held] = await db.sequelize.query(
      'SELECT status FROM security_pipeline_0_1.quarantine_records',
    );
    expect(held).toEqual([{ status: 'QUARANTINED' }]);
  });

  /** regression: issue 11 */
  it('detects a table lacking any one of our columns, and accepts ours with a column the host added', async () => {
    db = await createTestDatabase();
    const qi = db.sequelize.getQueryInterface();
    const first = quarantineMigrations[0] as QuarantineMigration;
    const checked = await expectEachColumnRequired(
      db,
      first,
      ['quarantine_records'],
      'QUARANTINE_UPSTREAM_SCHEMA_DETECTED',
    );
    expect(checked.quarantine_records).toBeGreaterThan(10);
    await db.sequelize.query('ALTER TABLE quarantine_records ADD COLUMN host_note text');
    for (const m of quarantineMigrations) await m.up(qi, db.sequelize);
    expect(await publicColumns(db, 'quarantine_records')).toContain('host_note');
  });

  /** regression: issue 11 */
  it('sequelize-cli style: up(queryInterface, Sequelize) with the Sequelize class, not an instance', async () => {
    db = await createTestDatabase();
    await runAsSequelizeCli(db, quarantineMigrations, 'up');
    expect(await tables(db)).toEqual(
      expect.arrayContaining(['encryption_keys', 'quarantine_records']),
    );
    await runAsSequelizeCli(db, quarantineMigrations, 'down');
    expect(await tables(db)).toEqual([]);
  });
});
