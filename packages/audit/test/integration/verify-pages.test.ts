import type { TestDatabase } from '@clawexchange/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditLogger, createAuditLogger } from '../../src/index.js';
import { migratedDatabase, tamper } from './helpers.js';

// More rows than one cursor page (2,000), so the walk crosses page boundaries.
const ROWS = 4500;

describe('verify() and exportRecords() across cursor pages', () => {
  let db: TestDatabase;
  let audit: AuditLogger;
  beforeAll(async () => {
    db = await migratedDatabase();
    audit = createAuditLogger({ database: db.sequelize, batch: { maxSize: 500 } });
    await Promise.all(
      Array.from({ length: ROWS }, (_, i) =>
        audit.log({ eventType: 'SSG_PASS', actorId: `pager-${i}`, actorType: 'agent' }),
      ),
    );
  });
  afterAll(async () => {
    await audit.close();
    await db.drop();
  });

  /** regression: issue 16 */
  it('walks every row in order, then finds an edit on the third page', async () => {
    expect(await audit.verify()).toMatchObject({ ok: true, checked: ROWS, lastSeq: ROWS });
    let expected = 1;
    for await (const r of audit.exportRecords()) {
      expect(r.seq).toBe(expected);
      expected += 1;
    }
    expect(expected - 1).toBe(ROWS);
    await tamper(db.url, ["UPDATE audit_logs SET actor_id = 'someone-else' WHERE seq = 4001"]);
    expect(await audit.verify()).toMatchObject({
      ok: false,
      checked: 4000,
      break: { kind: 'hash_mismatch', foundSeq: 4001 },
    });
  });
});
