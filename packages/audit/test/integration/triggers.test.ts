import { randomUUID } from 'node:crypto';
import { adminDatabaseUrl, queryOnce, type TestDatabase } from '@clawexchange/test-utils';
import { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditErrorCode,
  type AuditMigration,
  assertAuditDatabaseRole,
  auditMigrations,
  checkAuditDatabaseRole,
  createAuditLogger,
} from '../../src/index.js';
import { createAppRole, migratedDatabase } from './helpers.js';

describe('append-only guards for the application role', () => {
  let db: TestDatabase;
  let app: Sequelize;
  const role = `audit_app_${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    db = await migratedDatabase();
    const url = await createAppRole(db.url, role, 'app-password');
    app = new Sequelize(url, { logging: false, dialect: 'postgres' });
    const audit = createAuditLogger({ database: app });
    for (let i = 0; i < 5; i++) {
      await audit.log({ eventType: 'SSG_PASS', actorId: `a-${i}`, actorType: 'agent' });
    }
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
    await queryOnce(adminDatabaseUrl(), `DROP ROLE IF EXISTS ${role}`);
  });

  it('the app role can write and read, and is reported safe', async () => {
    const report = await checkAuditDatabaseRole(app);
    expect(report).toEqual({
      role,
      superuser: false,
      ownsTable: false,
      triggersEnabled: true,
      safe: true,
      problems: [],
    });
    await expect(assertAuditDatabaseRole(app)).resolves.toMatchObject({ safe: true });
    const audit = createAuditLogger({ database: app });
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 5 });
  });

  it('triggers reject UPDATE, DELETE and TRUNCATE even when the role was granted them', async () => {
    await queryOnce(
      db.url,
      `GRANT UPDATE, DELETE, TRUNCATE ON audit_logs, audit_chain_head TO ${role}`,
    );
    for (const sql of [
      "UPDATE audit_logs SET actor_id = 'x' WHERE seq = 1",
      'DELETE FROM audit_logs WHERE seq = 1',
      'TRUNCATE audit_logs',
    ]) {
      await expect(app.query(sql)).rejects.toThrow(/append-only/);
    }
    await expect(app.query('DELETE FROM audit_chain_head')).rejects.toThrow(/forward/);
    await expect(app.query('UPDATE audit_chain_head SET last_seq = 0')).rejects.toThrow(/forward/);
    await expect(app.query('TRUNCATE audit_chain_head')).rejects.toThrow(/forward/);
    const [rows] = await db.sequelize.query('SELECT count(*)::int AS n FROM audit_logs');
    expect(rows).toEqual([{ n: 5 }]);
  });

  it('the app role cannot switch the triggers off', async () => {
    await expect(app.query('ALTER TABLE audit_logs DISABLE TRIGGER USER')).rejects.toThrow(/owner/);
    await expect(app.query("SET session_replication_role = 'replica'")).rejects.toThrow(
      /permission/,
    );
  });

  /** regression: issue 16 */
  it('a database without the step 0002 append guards is reported TRIGGERS_DISABLED', async () => {
    const step = auditMigrations.find((m) => m.name.includes('0002')) as AuditMigration;
    await step.down(db.sequelize.getQueryInterface(), db.sequelize);
    try {
      expect(await checkAuditDatabaseRole(app)).toMatchObject({
        triggersEnabled: false,
        safe: false,
        problems: ['TRIGGERS_DISABLED'],
      });
    } finally {
      await step.up(db.sequelize.getQueryInterface(), db.sequelize);
    }
    expect(await checkAuditDatabaseRole(app)).toMatchObject({ triggersEnabled: true, safe: true });
  });

  it('the superuser owner is reported unsafe', async () => {
    const report = await checkAuditDatabaseRole(db.sequelize);
    expect(report).toMatchObject({ superuser: true, ownsTable: true, safe: false });
    expect(report.problems).toEqual(['SUPERUSER', 'OWNS_TABLE']);
    await expect(assertAuditDatabaseRole(db.sequelize)).rejects.toMatchObject({
      code: AuditErrorCode.UNSAFE_DB_ROLE,
    });
  });
});
