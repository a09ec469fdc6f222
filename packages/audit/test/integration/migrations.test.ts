import type { TestDatabase } from '@clawexchange/test-utils';
import { createTestDatabase } from '@clawexchange/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import {
  auditMigrations,
  checkAuditDatabaseRole,
  createAuditLogger,
  createAuditMigrations,
  ensureAuditPartitions,
} from '../../src/index.js';
import { ROW_HASH_SQL } from '../../src/internal/rows.js';
import { tamper } from './helpers.js';

async function tables(db: TestDatabase): Promise<string[]> {
  const [rows] = await db.sequelize.query(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'audit%' ORDER BY 1",
  );
  return (rows as { tablename: string }[]).map((r) => r.tablename);
}

describe('migrations', () => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  it('run up, down, up (and the guide rollback loop works)', async () => {
    db = await createTestDatabase();
    const sequelize = db.sequelize;
    const qi = sequelize.getQueryInterface();
    for (const m of auditMigrations) await m.up(qi, sequelize);
    for (const m of auditMigrations) await m.up(qi, sequelize);
    expect(await tables(db)).toEqual(['audit_chain_head', 'audit_logs']);
    const audit = createAuditLogger({ database: sequelize });
    await audit.log({ eventType: 'SSG_PASS', actorId: 'a', actorType: 'bot' });
    for (const m of [...auditMigrations].reverse()) await m.down(qi, sequelize);
    expect(await tables(db)).toEqual([]);
    // Works with the query interface alone, as umzug-style runners pass it.
    for (const m of auditMigrations) await m.up(qi);
    const again = createAuditLogger({ database: sequelize });
    expect(
      await again.log({ eventType: 'SSG_PASS', actorId: 'a', actorType: 'bot' }),
    ).toMatchObject({
      seq: 1,
    });
  });

  it('monthly partitioning: rows spread over partitions, one chain verifies across them', async () => {
    db = await createTestDatabase();
    const sequelize = db.sequelize;
    const steps = createAuditMigrations({
      partitioning: 'monthly',
      firstMonth: '2026-10',
      months: 3,
    });
    for (const m of steps) await m.up(sequelize.getQueryInterface(), sequelize);
    for (const m of steps) await m.up(sequelize.getQueryInterface(), sequelize);
    expect(await tables(db)).toEqual([
      'audit_chain_head',
      'audit_logs',
      'audit_logs_default',
      'audit_logs_p202610',
      'audit_logs_p202611',
      'audit_logs_p202612',
    ]);
    expect(await ensureAuditPartitions(sequelize, { firstMonth: '2026-12', months: 3 })).toBe(2);
    const times = [
      '2026-10-15',
      '2026-11-30T23:59:59.999Z',
      '2026-12-01',
      '2027-02-10',
      '2027-06-01',
    ];
    let i = 0;
    const audit = createAuditLogger({
      database: sequelize,
      now: () => new Date(times[Math.min(i++, times.length - 1)] as string),
    });
    for (let k = 0; k < times.length; k++) {
      await audit.log({ eventType: 'SSG_PASS', actorId: `p-${k}`, actorType: 'agent' });
    }
    const [placed] = await sequelize.query(
      'SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM audit_logs GROUP BY 1 ORDER BY 1',
    );
    expect(placed).toEqual([
      { part: 'audit_logs_default', n: 1 },
      { part: 'audit_logs_p202610', n: 1 },
      { part: 'audit_logs_p202611', n: 1 },
      { part: 'audit_logs_p202612', n: 1 },
      { part: 'audit_logs_p202702', n: 1 },
    ]);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 5 });
    const page = await audit.query({ startDate: new Date('2026-11-01'), limit: 2 });
    expect(page.records.map((r) => r.actorId)).toEqual(['p-4', 'p-3']);
    // Guards hold on the partitions themselves.
    await expect(sequelize.query('TRUNCATE audit_logs_p202611')).rejects.toThrow(/append-only/);
    await expect(sequelize.query('DELETE FROM audit_logs_p202610')).rejects.toThrow(/append-only/);
    await expect(sequelize.query('TRUNCATE audit_logs')).rejects.toThrow(/append-only/);
    expect(await checkAuditDatabaseRole(sequelize)).toMatchObject({ triggersEnabled: true });
    // Tampering inside one partition is caught by the chain walk across all.
    await tamper(db.url, ["UPDATE audit_logs_p202612 SET actor_id = 'x'"]);
    expect(await audit.verify()).toMatchObject({
      ok: false,
      break: { kind: 'hash_mismatch', expectedSeq: 3 },
    });
    for (const m of [...steps].reverse()) await m.down(sequelize.getQueryInterface(), sequelize);
    expect(await tables(db)).toEqual([]);
  });

  it('monthly partitioning: after detaching an exported month, a checkpoint anchors the rest', async () => {
    db = await createTestDatabase();
    const sequelize = db.sequelize;
    const steps = createAuditMigrations({
      partitioning: 'monthly',
      firstMonth: '2026-10',
      months: 2,
    });
    for (const m of steps) await m.up(sequelize.getQueryInterface(), sequelize);
    let at = '2026-10-10';
    const audit = createAuditLogger({
      database: sequelize,
      now: () => new Date(at),
      checkpointKey: { algorithm: 'hmac-sha256', secret: Buffer.alloc(32, 9) },
    });
    for (let k = 0; k < 3; k++) {
      await audit.log({ eventType: 'SSG_PASS', actorId: `old-${k}`, actorType: 'agent' });
    }
    const checkpoint = await audit.head();
    at = '2026-11-10';
    for (let k = 0; k < 4; k++) {
      await audit.log({ eventType: 'SSG_PASS', actorId: `new-${k}`, actorType: 'agent' });
    }
    await sequelize.query('ALTER TABLE audit_logs DETACH PARTITION audit_logs_p202610');
    expect(await audit.verify()).toMatchObject({ ok: false, break: { kind: 'sequence_gap' } });
    expect(await audit.verify({ from: checkpoint.seq + 1, checkpoint })).toMatchObject({
      ok: true,
      checked: 4,
      lastSeq: 7,
    });
    // The anchor is proven: a first remaining row re-hashed onto another
    // predecessor is consistent in itself but no longer links to the checkpoint.
    await tamper(db.url, [
      "UPDATE audit_logs SET prev_hash = decode(repeat('11', 32), 'hex') WHERE seq = 4",
      `UPDATE audit_logs SET hash = ${ROW_HASH_SQL} WHERE seq = 4`,
    ]);
    expect(await audit.verify({ from: 4, checkpoint })).toMatchObject({
      ok: false,
      break: { kind: 'prev_hash_mismatch', expectedSeq: 4, position: 0 },
    });
    await sequelize.query('DROP TABLE audit_logs_p202610');
  });
});
