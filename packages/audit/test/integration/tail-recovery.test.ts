import type { TestDatabase } from '@clawexchange/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditAlarm } from '../../src/alarms.js';
import { type AuditLogger, createAuditLogger } from '../../src/index.js';
import { forgedInsert, logged, migratedDatabase, readHeadRow, tamper } from './helpers.js';

async function seeded(
  n: number,
  alarms: AuditAlarm[],
): Promise<{ db: TestDatabase; audit: AuditLogger }> {
  const db = await migratedDatabase();
  const audit = createAuditLogger({ database: db.sequelize, onAlarm: (a) => alarms.push(a) });
  for (let i = 1; i <= n; i++) {
    await audit.log({ eventType: 'SSG_PASS', actorId: `agent-${i}`, actorType: 'agent' });
  }
  return { db, audit };
}

const event = { eventType: 'SSG_PASS', actorId: 'after', actorType: 'agent' } as const;

describe('the writer never wedges on rows past the chain head', () => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  /** regression: issue 16 */
  it('adopts a correctly chained row past the head (nothing lost), alarms, and keeps serving', async () => {
    const alarms: AuditAlarm[] = [];
    const s = await seeded(5, alarms);
    db = s.db;
    const head = await readHeadRow(db.url);
    const row = forgedInsert({ seq: 6, createdAtMs: (head.ms ?? 0) + 1, prevHash: head.hash });
    // What the app role could do before step 0002; now only an owner or superuser can.
    await tamper(db.url, [row.sql]);
    expect(await s.audit.verify()).toMatchObject({
      ok: false,
      checked: 5,
      break: { kind: 'rows_beyond_head', expectedSeq: 6, foundSeq: 6 },
    });
    // A fresh logger (another process) and the one whose cached head is stale.
    const other = createAuditLogger({ database: db.sequelize, onAlarm: (a) => alarms.push(a) });
    const rec = await logged(other.log(event));
    expect(rec).toMatchObject({ seq: 7, prevHash: row.hash });
    expect(await logged(s.audit.log(event))).toMatchObject({ seq: 8, prevHash: rec.hash });
    expect(alarms).toEqual([
      { code: 'AUDIT_TAIL_BEYOND_HEAD', action: 'adopted', headSeq: 5, fromSeq: 6, toSeq: 6 },
    ]);
    expect(await s.audit.verify()).toMatchObject({ ok: true, checked: 8, lastSeq: 8 });
  });

  /** regression: issue 16 */
  it('skips rows past the head that do not continue it (a 1999 row, a bad hash) with a marker row, and verify walks past them', async () => {
    const alarms: AuditAlarm[] = [];
    const s = await seeded(5, alarms);
    db = s.db;
    const head = await readHeadRow(db.url);
    const old = forgedInsert({ seq: 6, createdAtMs: Date.UTC(1999, 0, 1), prevHash: head.hash });
    const next = forgedInsert({ seq: 7, createdAtMs: (head.ms ?? 0) + 5, prevHash: old.hash });
    await tamper(db.url, [old.sql, next.sql]);
    const rec = await logged(s.audit.log(event));
    // Seq 8 is the writer's AUDIT_TAIL_SKIPPED row, chained on the verified head.
    expect(rec.seq).toBe(9);
    expect(alarms).toEqual([
      { code: 'AUDIT_TAIL_BEYOND_HEAD', action: 'skipped', headSeq: 5, fromSeq: 6, toSeq: 7 },
    ]);
    const [markers] = await db.sequelize.query(
      "SELECT seq::int AS seq, actor_type, metadata::text AS metadata, encode(prev_hash, 'hex') AS prev FROM audit_logs WHERE event_type = 'AUDIT_TAIL_SKIPPED'",
    );
    expect(markers).toEqual([
      {
        seq: 8,
        actor_type: 'system',
        metadata: '{"headSeq":5,"skippedFrom":6,"skippedTo":7}',
        prev: head.hash,
      },
    ]);
    expect(await s.audit.verify()).toEqual({
      ok: true,
      checked: 7,
      lastSeq: 9,
      lastHash: rec.hash,
      skipped: [{ fromSeq: 6, toSeq: 7 }],
    });
    expect(await logged(s.audit.log(event))).toMatchObject({ seq: 10, prevHash: rec.hash });
  });

  /** regression: issue 16 */
  it('hosts cannot log or register the reserved marker type', async () => {
    const alarms: AuditAlarm[] = [];
    const s = await seeded(1, alarms);
    db = s.db;
    await expect(
      s.audit.log({ eventType: 'AUDIT_TAIL_SKIPPED', actorId: 'x', actorType: 'system' }),
    ).rejects.toMatchObject({ code: 'AUDIT_UNKNOWN_EVENT_TYPE' });
    expect(() =>
      createAuditLogger({ database: s.db.sequelize, eventTypes: ['AUDIT_TAIL_SKIPPED'] }),
    ).toThrow(expect.objectContaining({ code: 'AUDIT_INVALID_CONFIG', field: 'eventTypes[0]' }));
  });

  /** regression: issue 16 */
  it('verify() refuses a row older than the one before it, also when checking from a later start', async () => {
    const alarms: AuditAlarm[] = [];
    const s = await seeded(5, alarms);
    db = s.db;
    const head = await readHeadRow(db.url);
    const old = forgedInsert({ seq: 6, createdAtMs: Date.UTC(1999, 0, 1), prevHash: head.hash });
    // Appended with the head moved, as a superuser with the triggers off would.
    await tamper(db.url, [
      old.sql,
      `UPDATE audit_chain_head SET last_seq = 6, last_hash = decode('${old.hash}', 'hex'),
        last_created_at = '1999-01-01T00:00:00Z'`,
    ]);
    const brk = { kind: 'timestamp_decreased', expectedSeq: 6, foundSeq: 6 };
    expect(await s.audit.verify()).toMatchObject({ ok: false, checked: 5, break: brk });
    expect(await s.audit.verify({ from: 6 })).toMatchObject({ ok: false, break: brk });
    expect(alarms).toEqual([]);
  });
});
