import { createTestDatabase, type TestDatabase } from '@clawexchange/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarantineMigrations } from '../../src/migrations/index.js';

async function tables(db: TestDatabase): Promise<string[]> {
  const [rows] = await db.sequelize.query(
    "SELECT table_name::text AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  );
  return (rows as { t: string }[]).map((r) => r.t);
}

async function macColumns(db: TestDatabase): Promise<string[]> {
  const [rows] = await db.sequelize.query(
    `SELECT column_name::text AS c FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = 'quarantine_records' AND column_name LIKE 'mac%'
     ORDER BY 1`,
  );
  return (rows as { c: string }[]).map((r) => r.c);
}

async function indexes(db: TestDatabase): Promise<string[]> {
  const [rows] = await db.sequelize.query(
    "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
  );
  return (rows as { indexname: string }[]).map((r) => r.indexname);
}

describe('quarantineMigrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('run up, up again (idempotent), down (reverse), and up', async () => {
    const qi = db.sequelize.getQueryInterface();
    const sequelize = db.sequelize;
    for (const m of quarantineMigrations) await m.up(qi, sequelize);
    expect(await tables(db)).toEqual([
      'encryption_keys',
      'quarantine_installation',
      'quarantine_records',
    ]);
    const created = await indexes(db);
    expect(created).toEqual(
      expect.arrayContaining([
        'quarantine_records_status_created_idx',
        'quarantine_records_held_expiry_idx',
        'quarantine_records_s3_key_uq',
        'encryption_keys_master_key_idx',
      ]),
    );
    for (const m of quarantineMigrations) await m.up(qi, sequelize);
    expect(await indexes(db)).toEqual(created);
    for (const m of [...quarantineMigrations].reverse()) await m.down(qi, sequelize);
    expect(await tables(db)).toEqual([]);
    for (const m of quarantineMigrations) await m.up(qi);
    expect(await tables(db)).toEqual([
      'encryption_keys',
      'quarantine_installation',
      'quarantine_records',
    ]);
    expect(await macColumns(db)).toEqual(['mac', 'mac_key_id']);
    expect(quarantineMigrations.map((m) => m.name)).toEqual([
      '@clawexchange/quarantine/0001-create-quarantine-records',
      '@clawexchange/quarantine/0002-create-encryption-keys',
      '@clawexchange/quarantine/0003-create-installation',
      '@clawexchange/quarantine/0004-add-record-mac',
    ]);
    // 0004 alone down and up again: the columns go and come back, the rows stay.
    const last = quarantineMigrations.at(-1) as (typeof quarantineMigrations)[number];
    await last.down(qi, sequelize);
    expect(await macColumns(db)).toEqual([]);
    await last.up(qi, sequelize);
    await last.up(qi, sequelize);
    expect(await macColumns(db)).toEqual(['mac', 'mac_key_id']);
  });

  it('the deployment guide calls, exactly as written, then up again in whatever order the array is left', async () => {
    const qi = db.sequelize.getQueryInterface();
    const sequelize = db.sequelize;
    for (const m of quarantineMigrations) await m.up(qi, sequelize);
    // Deployment guide, "Migration Rollback" (reverses the array in place):
    for (const m of quarantineMigrations.reverse()) await m.down(qi, sequelize);
    expect(await tables(db)).toEqual([]);
    try {
      // The array is now reversed: 0004 (which needs both tables) runs first.
      expect(quarantineMigrations[0]?.name).toBe('@clawexchange/quarantine/0004-add-record-mac');
      expect(quarantineMigrations[2]?.name).toBe(
        '@clawexchange/quarantine/0002-create-encryption-keys',
      );
      for (const m of quarantineMigrations) await m.up(qi, sequelize);
      expect(await tables(db)).toEqual([
        'encryption_keys',
        'quarantine_installation',
        'quarantine_records',
      ]);
      // And down in the original order (the reverse of reversed) also works.
      for (const m of [...quarantineMigrations].reverse()) await m.down(qi, sequelize);
      expect(await tables(db)).toEqual([]);
    } finally {
      quarantineMigrations.reverse();
    }
    for (const m of quarantineMigrations) await m.up(qi, sequelize);
    expect(await tables(db)).toEqual([
      'encryption_keys',
      'quarantine_installation',
      'quarantine_records',
    ]);
  });

  it('the expiry query uses the partial index', async () => {
    await db.sequelize.query('SET enable_seqscan = off');
    const [plan] = await db.sequelize.query(
      "EXPLAIN SELECT id FROM quarantine_records WHERE status IN ('QUARANTINED','UNDER_REVIEW') AND expires_at <= now() ORDER BY expires_at LIMIT 100",
    );
    expect(JSON.stringify(plan)).toContain('quarantine_records_held_expiry_idx');
  });
});
