import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quarantine } from '../../src/types.js';
import { type Faults, faultyDb, faultyS3 } from './faults.js';
import { allKeys, codeOf, type Env, META, recordingLogger, setupEnv } from './setup.js';

describe('store(): the final UPDATE commits but its reply is lost', () => {
  let env: Env;
  let q: Quarantine;
  let healthy: Quarantine;
  const faults: Faults = { s3Before: new Set(), s3After: new Set(), sql: [], sqlAfter: [] };
  const logger = recordingLogger();

  beforeAll(async () => {
    env = await setupEnv();
    q = env.make({
      logger,
      database: faultyDb(env.db.sequelize, faults),
      storage: { bucket: env.bucket.bucket, client: faultyS3(env, faults) },
    });
    healthy = env.make();
  });
  afterAll(async () => {
    await env.teardown();
  });

  async function statuses(): Promise<string[]> {
    const [rows] = await env.db.sequelize.query('SELECT status FROM quarantine_records');
    return (rows as { status: string }[]).map((r) => r.status);
  }

  /** regression: issue 4 (crash consistency: no lost held content; STORE_FAILED means not held) */
  it('returns the id of content that is in fact held, instead of STORE_FAILED ("not held")', async () => {
    faults.sqlAfter = ["SET status = 'QUARANTINED'"];
    const id = await q.store('held despite a lost reply', META);
    faults.sqlAfter = [];
    expect(await healthy.read(id)).toBe('held despite a lost reply');
    expect((await healthy.getMetadata(id))?.status).toBe('QUARANTINED');
    expect(logger.lines.some((l) => l.includes('lost database reply'))).toBe(true);
    expect((await healthy.cleanup()).orphanObjectsDeleted).toBe(0);
    expect(await healthy.read(id)).toBe('held despite a lost reply');
  });

  it('when the outcome cannot be learned, it fails towards "held but not acknowledged", object kept', async () => {
    await env.db.sequelize.query('DELETE FROM quarantine_records');
    faults.sqlAfter = ["SET status = 'QUARANTINED'"];
    faults.sql = ['DELETE FROM quarantine_records WHERE id = $1'];
    expect(await codeOf(q.store('outcome unknown', META))).toBe('QUARANTINE_STORE_FAILED');
    faults.sqlAfter = [];
    faults.sql = [];
    // The record committed QUARANTINED keeps its object: never a record without content.
    expect(await statuses()).toEqual(['QUARANTINED']);
    const { items } = await healthy.list();
    expect(await healthy.read(items[0]?.id as string)).toBe('outcome unknown');
    expect(await allKeys(env.bucket.client, env.bucket.bucket)).toContain(items[0]?.s3Key);
  });
});
