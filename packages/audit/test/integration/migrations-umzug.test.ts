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
import {
  type AuditMigration,
  type AuditMigrationOptions,
  auditMigrationRenames,
  auditMigrations,
  createAuditLogger,
  createAuditMigrations,
  isAuditError,
} from '../../src/index.js';

const NAME = '@clawexchange/audit/0001-create-audit-logs';
const NAME2 = '@clawexchange/audit/0002-append-only-chain-head';
const NAMES = [NAME, NAME2];

/** Audit tables in public, with their kind (`r` table, `p` partitioned). */
async function tables(db: TestDatabase): Promise<string[]> {
  const [rows] = await db.sequelize.query(
    "SELECT c.relname || ':' || c.relkind::text AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname LIKE 'audit%' ORDER BY 1",
  );
  return (rows as { t: string }[]).map((r) => r.t);
}

const MONTHLY: AuditMigrationOptions = {
  partitioning: 'monthly',
  firstMonth: '2026-10',
  months: 2,
};

/**
 * An `audit_logs` in an upstream-like shape (serial id, no hash chain) with
 * its append-only trigger and a row. The reference documents give upstream's
 * table name, not its columns: a table lacking any column of ours is refused.
 */
const UPSTREAM_AUDIT = [
  `CREATE TABLE audit_logs (
    id serial PRIMARY KEY, event_type varchar(64) NOT NULL, actor_id varchar(255) NOT NULL,
    actor_type varchar(16) NOT NULL, target_id varchar(255), target_type varchar(64),
    metadata jsonb, ip_address varchar(64), "createdAt" timestamptz NOT NULL DEFAULT now())`,
  `CREATE FUNCTION upstream_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'append-only'; END $$`,
  `CREATE TRIGGER upstream_no_change BEFORE UPDATE OR DELETE ON audit_logs
    FOR EACH ROW EXECUTE FUNCTION upstream_audit_append_only()`,
  `INSERT INTO audit_logs (event_type, actor_id, actor_type) VALUES ('SSG_BLOCK', 'agent-1', 'agent')`,
];

describe('audit migrations through umzug (SequelizeStorage)', () => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  for (const [layout, options, expected] of [
    ['unpartitioned', {}, ['audit_chain_head:r', 'audit_logs:r']],
    [
      'monthly',
      MONTHLY,
      [
        'audit_chain_head:r',
        'audit_logs:p',
        'audit_logs_default:r',
        'audit_logs_p202610:r',
        'audit_logs_p202611:r',
      ],
    ],
  ] as const) {
    /** regression: issue 11 */
    it(`${layout}: up, up again (nothing re-run), down to 0, up; a new runner finds nothing pending`, async () => {
      db = await createTestDatabase();
      const steps = createAuditMigrations(options);
      const calls: string[] = [];
      const umzug = umzugRunner(db, steps, calls);
      expect((await umzug.up()).map((m) => m.name)).toEqual(NAMES);
      expect(await recordedMigrations(db)).toEqual(NAMES);
      expect(await tables(db)).toEqual(expected);
      calls.length = 0;
      expect(await umzug.up()).toEqual([]);
      expect(calls).toEqual([]);
      expect((await umzug.down({ to: 0 })).map((m) => m.name)).toEqual([NAME2, NAME]);
      expect(await recordedMigrations(db)).toEqual([]);
      expect(await tables(db)).toEqual([]);
      await umzug.up();
      expect(await tables(db)).toEqual(expected);
      const audit = createAuditLogger({ database: db.sequelize });
      await audit.log({ eventType: 'SSG_PASS', actorId: 'a', actorType: 'bot' });
      // The next deploy, built with the other partitioning option: same name, nothing runs.
      calls.length = 0;
      const other = createAuditMigrations(layout === 'monthly' ? {} : MONTHLY);
      expect(other.map((m) => m.name)).toEqual(NAMES);
      expect(await umzugRunner(db, other, calls).up()).toEqual([]);
      expect(calls).toEqual([]);
      expect(await tables(db)).toEqual(expected);
      expect(await audit.verify()).toMatchObject({ ok: true, checked: 1 });
    });
  }

  /** regression: issue 11 */
  it('a database migrated by the guide loop (nothing recorded): umzug runs the step over it, keeping the trail', async () => {
    db = await createTestDatabase();
    const qi = db.sequelize.getQueryInterface();
    for (const m of auditMigrations) await m.up(qi, db.sequelize);
    const audit = createAuditLogger({ database: db.sequelize });
    await audit.log({ eventType: 'SSG_PASS', actorId: 'a', actorType: 'bot' });
    expect((await umzugRunner(db, auditMigrations).up()).map((m) => m.name)).toEqual(NAMES);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 1 });
  });

  /** regression: issue 11 */
  it('names recorded by 0.1.0 (both layouts): the documented SQL merges them into the one name, and nothing runs again', async () => {
    db = await createTestDatabase();
    const step = auditMigrations.find((m) => m.name === NAME) as AuditMigration;
    // A 0.1.0 host that switched layouts recorded both old names.
    await umzugRunner(
      db,
      auditMigrationRenames.map((r) => ({ ...step, name: r.from })),
    ).up();
    expect(await recordedMigrations(db)).toEqual(['001-audit-logs', '001-audit-logs-partitioned']);
    await db.sequelize.query(await documentedRenameSql());
    await db.sequelize.query(await documentedRenameSql());
    expect(await recordedMigrations(db)).toEqual([NAME]);
    const calls: string[] = [];
    // Step 0001 does not run again; step 0002 (new) does, over the existing trail.
    await umzugRunner(db, createAuditMigrations(MONTHLY), calls).up();
    expect(calls).toEqual([`up ${NAME2}`]);
  });

  /** regression: issue 11 */
  it('the guide rollback reverses the exported array in place; a later up loop in the same process still works', async () => {
    db = await createTestDatabase();
    const qi = db.sequelize.getQueryInterface();
    const sequelize = db.sequelize;
    for (const m of auditMigrations) await m.up(qi, sequelize);
    // Deployment guide, "Migration Rollback", exactly as written:
    for (const m of auditMigrations.reverse()) await m.down(qi, sequelize);
    expect(await tables(db)).toEqual([]);
    // Deployment guide, "Database Migrations", in the same process afterwards:
    for (const m of auditMigrations) await m.up(qi, sequelize);
    expect(await tables(db)).toEqual(['audit_chain_head:r', 'audit_logs:r']);
    expect(auditMigrations.map((m) => m.name).sort()).toEqual(NAMES);
  });

  /** regression: issue 11 */
  it('the partitioning option applies when the table is created: an explicit other layout is refused, the default keeps what exists', async () => {
    db = await createTestDatabase();
    const qi = db.sequelize.getQueryInterface();
    for (const m of createAuditMigrations(MONTHLY)) await m.up(qi, db.sequelize);
    const audit = createAuditLogger({ database: db.sequelize });
    // Lands in the DEFAULT partition (no partition for the current month):
    // a re-run that created this month's partition would now fail.
    await audit.log({ eventType: 'SSG_PASS', actorId: 'a', actorType: 'bot' });
    const layout = await tables(db);
    const refused = await createAuditMigrations({ partitioning: 'none' })[0]
      ?.up(qi, db.sequelize)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isAuditError(refused)).toBe(true);
    expect(refused).toMatchObject({ code: 'AUDIT_INVALID_CONFIG', field: 'partitioning' });
    for (const m of auditMigrations) await m.up(qi, db.sequelize);
    for (const m of createAuditMigrations({ partitioning: 'monthly' }))
      await m.up(qi, db.sequelize);
    expect(await tables(db)).toEqual(layout);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 1 });

    await db.drop();
    db = await createTestDatabase();
    const fresh = db.sequelize.getQueryInterface();
    for (const m of auditMigrations) await m.up(fresh, db.sequelize);
    await expect(createAuditMigrations(MONTHLY)[0]?.up(fresh, db.sequelize)).rejects.toMatchObject({
      code: 'AUDIT_INVALID_CONFIG',
      field: 'partitioning',
    });
    expect(await tables(db)).toEqual(['audit_chain_head:r', 'audit_logs:r']);
  });

  /** regression: issue 11 */
  it('refuses an upstream 0.1.x audit_logs before changing anything, up and down', async () => {
    db = await createTestDatabase();
    for (const sql of UPSTREAM_AUDIT) await db.sequelize.query(sql);
    const before = await publicColumns(db, 'audit_logs');
    const cause = await umzugUpCause(db, auditMigrations);
    expect(isAuditError(cause)).toBe(true);
    expect(cause).toMatchObject({
      code: 'AUDIT_UPSTREAM_SCHEMA_DETECTED',
      field: 'audit_logs.seq',
    });
    expect((cause as Error).message).toContain('docs/upgrading-from-upstream.md');
    expect(await recordedMigrations(db)).toEqual([]);
    expect(await tables(db)).toEqual(['audit_logs:r']);
    expect(await publicColumns(db, 'audit_logs')).toEqual(before);
    const qi = db.sequelize.getQueryInterface();
    for (const steps of [auditMigrations, createAuditMigrations(MONTHLY)]) {
      await expect(steps[0]?.up(qi, db.sequelize)).rejects.toMatchObject({
        code: 'AUDIT_UPSTREAM_SCHEMA_DETECTED',
      });
      await expect(steps[0]?.down(qi, db.sequelize)).rejects.toMatchObject({
        code: 'AUDIT_UPSTREAM_SCHEMA_DETECTED',
      });
    }
    const [rows] = await db.sequelize.query('SELECT actor_id FROM audit_logs');
    expect(rows).toEqual([{ actor_id: 'agent-1' }]);
    // The documented way out: move it to a schema of its own, then migrate.
    await db.sequelize.query('CREATE SCHEMA security_pipeline_0_1');
    await db.sequelize.query('ALTER TABLE audit_logs SET SCHEMA security_pipeline_0_1');
    await umzugRunner(db, auditMigrations).up();
    expect(await tables(db)).toEqual(['audit_chain_head:r', 'audit_logs:r']);
    const [kept] = await db.sequelize.query(
      'SELECT actor_id FROM security_pipeline_0_1.audit_logs',
    );
    expect(kept).toEqual([{ actor_id: 'agent-1' }]);
    // The guide's first event of the new trail, vouching for the archive of the old one.
    const audit = createAuditLogger({
      database: db.sequelize,
      eventTypes: ['UPSTREAM_AUDIT_ARCHIVED'],
    });
    await audit.log({
      eventType: 'UPSTREAM_AUDIT_ARCHIVED',
      actorId: 'migration',
      actorType: 'system',
      metadata: { rows: 1, sha256: 'ab'.repeat(32) },
    });
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 1 });
  });

  /** regression: issue 11 */
  it('detects an audit_logs or audit_chain_head lacking any one of our columns', async () => {
    db = await createTestDatabase();
    const step = auditMigrations.find((m) => m.name === NAME) as AuditMigration;
    const checked = await expectEachColumnRequired(
      db,
      step,
      ['audit_logs', 'audit_chain_head'],
      'AUDIT_UPSTREAM_SCHEMA_DETECTED',
    );
    expect(checked).toEqual({ audit_logs: 11, audit_chain_head: 4 });
  });

  /** regression: issue 11 */
  it('sequelize-cli style: up(queryInterface, Sequelize) with the Sequelize class, not an instance', async () => {
    db = await createTestDatabase();
    await runAsSequelizeCli(db, auditMigrations, 'up');
    expect(await tables(db)).toEqual(['audit_chain_head:r', 'audit_logs:r']);
    await runAsSequelizeCli(db, auditMigrations, 'down');
    expect(await tables(db)).toEqual([]);
  });
});
