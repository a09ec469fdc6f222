import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quarantine } from '../../src/types.js';
import { type Faults, faultyDb, faultyS3 } from './faults.js';
import { codeOf, type Env, META, setupEnv } from './setup.js';

/**
 * A decision (here a delete) that commits while `read` or `release` is
 * between reading the record and fetching its key or object. The key and
 * object are then legitimately gone: a reader is told the content is no
 * longer held, a releasing reviewer that another decision won — never an
 * outage (STORAGE_FAILED) that would page someone.
 */
describe('read and release racing a decision that destroys the content', () => {
  let env: Env;
  let q: Quarantine;
  let other: Quarantine;
  const faults: Faults = { s3Before: new Set(), s3After: new Set(), sql: [], sqlAfter: [] };

  beforeAll(async () => {
    env = await setupEnv();
    q = env.make({
      database: faultyDb(env.db.sequelize, faults),
      storage: { bucket: env.bucket.bucket, client: faultyS3(env, faults) },
    });
    other = env.make();
  });
  afterAll(async () => {
    await env.teardown();
  });

  /** Deletes `id` through another service, the first time it is called. */
  function deleteOnce(id: string): () => Promise<void> {
    let fired = false;
    return async () => {
      if (fired) return;
      fired = true;
      await other.delete(id, { reviewedBy: 'other' });
    };
  }

  function hookObjectFetch(id: string): void {
    const del = deleteOnce(id);
    delete faults.onSql;
    faults.onS3 = async (command) => {
      if (command === 'GetObjectCommand') await del();
    };
  }

  function hookKeyFetch(id: string): void {
    const del = deleteOnce(id);
    delete faults.onS3;
    faults.onSql = async (sql) => {
      if (sql.includes('FROM encryption_keys WHERE record_id')) await del();
    };
  }

  /** regression: issue 4 (concurrent status changes: the loser gets a typed conflict) */
  it('release losing to a delete before its object fetch gets CONFLICT', async () => {
    const id = await q.store('raced at the object', META);
    hookObjectFetch(id);
    expect(await codeOf(q.release(id))).toBe('QUARANTINE_CONFLICT');
    expect((await other.getMetadata(id))?.status).toBe('DELETED');
  });

  it('release losing to a delete before its key fetch gets CONFLICT', async () => {
    const id = await q.store('raced at the key', META);
    hookKeyFetch(id);
    expect(await codeOf(q.release(id))).toBe('QUARANTINE_CONFLICT');
    expect((await other.getMetadata(id))?.status).toBe('DELETED');
  });

  it('read overtaken by a delete gets CONTENT_UNAVAILABLE, not STORAGE_FAILED', async () => {
    const a = await q.store('read raced at the object', META);
    hookObjectFetch(a);
    expect(await codeOf(q.read(a))).toBe('QUARANTINE_CONTENT_UNAVAILABLE');
    const b = await q.store('read raced at the key', META);
    hookKeyFetch(b);
    expect(await codeOf(q.read(b))).toBe('QUARANTINE_CONTENT_UNAVAILABLE');
  });

  it('an object missing under an unchanged held record is still STORAGE_FAILED', async () => {
    delete faults.onS3;
    delete faults.onSql;
    const id = await q.store('object lost by the storage', META);
    const record = await q.getMetadata(id);
    const { DeleteObjectCommand } = await import('@aws-sdk/client-s3');
    await env.bucket.client.send(
      new DeleteObjectCommand({ Bucket: env.bucket.bucket, Key: record?.s3Key }),
    );
    expect(await codeOf(q.read(id))).toBe('QUARANTINE_STORAGE_FAILED');
    expect(await codeOf(q.release(id))).toBe('QUARANTINE_STORAGE_FAILED');
    expect((await q.getMetadata(id))?.status).toBe('QUARANTINED');
  });
});
