import { randomUUID } from 'node:crypto';
import { adminDatabaseUrl, queryOnce, type TestDatabase } from '@clawexchange/test-utils';
import { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditLogger, createAuditLogger } from '../../src/index.js';
import { createAppRole, forgedInsert, migratedDatabase, readHeadRow, runAs } from './helpers.js';

for (const partitioning of ['none', 'monthly'] as const) {
  describe(`step 0002 guards (${partitioning}): the app role can only append`, () => {
    let db: TestDatabase;
    let app: Sequelize;
    let appUrl: string;
    let audit: AuditLogger;
    const role = `audit_guard_${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      db = await migratedDatabase({ partitioning });
      appUrl = await createAppRole(db.url, role, 'app-password');
      app = new Sequelize(appUrl, { logging: false, dialect: 'postgres' });
      audit = createAuditLogger({ database: app });
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          audit.log({ eventType: 'SSG_PASS', actorId: `a-${i}`, actorType: 'agent' }),
        ),
      );
    });
    afterAll(async () => {
      await app.close();
      await db.drop();
      await queryOnce(adminDatabaseUrl(), `DROP ROLE IF EXISTS ${role}`);
    });

    /** regression: issue 16 */
    it('refuses a correctly hashed row past the head that does not move the head', async () => {
      const head = await readHeadRow(db.url);
      const row = forgedInsert({
        seq: head.seq + 1,
        createdAtMs: (head.ms ?? 0) + 1,
        prevHash: head.hash,
      });
      await expect(runAs(appUrl, [row.sql])).rejects.toThrow(/appended only together/);
      expect(await readHeadRow(db.url)).toEqual(head);
      await audit.log({ eventType: 'SSG_PASS', actorId: 'after', actorType: 'agent' });
      expect(await audit.verify()).toMatchObject({ ok: true, checked: head.seq + 1 });
    });

    /** regression: issue 16 */
    it('refuses moving the head forward over missing rows, back, or onto another hash', async () => {
      const head = await readHeadRow(db.url);
      for (const sql of [
        `UPDATE audit_chain_head SET last_seq = last_seq + 1`,
        `UPDATE audit_chain_head SET last_seq = last_seq + 5, last_hash = decode(repeat('ab', 32), 'hex')`,
        `UPDATE audit_chain_head SET last_hash = decode(repeat('ab', 32), 'hex')`,
      ]) {
        await expect(runAs(appUrl, [sql])).rejects.toThrow(/only moves onto appended rows/);
      }
      await expect(
        runAs(appUrl, ['UPDATE audit_chain_head SET last_seq = last_seq - 1']),
      ).rejects.toThrow(/only moves forward/);
      expect(await readHeadRow(db.url)).toEqual(head);
    });

    /** regression: issue 16 */
    it('refuses a duplicate sequence number, and a row inserted first and adopted by a later statement', async () => {
      const head = await readHeadRow(db.url);
      const dup = forgedInsert({
        seq: head.seq,
        createdAtMs: Date.UTC(2020, 0, 1),
        prevHash: head.hash,
      });
      await expect(runAs(appUrl, [dup.sql])).rejects.toThrow();
      const next = forgedInsert({
        seq: head.seq + 1,
        createdAtMs: (head.ms ?? 0) + 1,
        prevHash: head.hash,
      });
      await expect(
        runAs(appUrl, [
          'BEGIN',
          next.sql,
          `UPDATE audit_chain_head SET last_seq = ${head.seq + 1}, last_hash = decode('${next.hash}', 'hex'),
            last_created_at = '${new Date((head.ms ?? 0) + 1).toISOString()}'`,
          'COMMIT',
        ]),
      ).rejects.toThrow(/appended only together/);
      expect(await readHeadRow(db.url)).toEqual(head);
    });

    it('accepts an append that moves the head in the same statement (what the writer does)', async () => {
      const head = await readHeadRow(db.url);
      const at = (head.ms ?? 0) + 1;
      const next = forgedInsert({ seq: head.seq + 1, createdAtMs: at, prevHash: head.hash });
      const iso = new Date(at).toISOString();
      await runAs(appUrl, [
        `WITH ins AS (${next.sql} RETURNING 1)
        UPDATE audit_chain_head SET last_seq = ${head.seq + 1},
          last_hash = decode('${next.hash}', 'hex'), last_created_at = '${iso}'
        WHERE EXISTS (SELECT 1 FROM ins)`,
      ]);
      expect(await readHeadRow(db.url)).toEqual({ seq: head.seq + 1, hash: next.hash, ms: at });
      expect(await audit.verify()).toMatchObject({ ok: true, checked: head.seq + 1 });
      await audit.log({ eventType: 'SSG_PASS', actorId: 'after-append', actorType: 'agent' });
      expect(await audit.verify()).toMatchObject({ ok: true, checked: head.seq + 2 });
    });
  });
}
