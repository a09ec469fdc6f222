import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quarantine } from '../../src/types.js';
import { type Faults, faultyDb, faultyS3 } from './faults.js';
import {
  allKeys,
  codeOf,
  type Env,
  fakeClock,
  installationIdOf,
  META,
  putRaw,
  rawObject,
  recordingLogger,
  setupEnv,
} from './setup.js';

async function pendingCount(env: Env): Promise<number> {
  const [rows] = await env.db.sequelize.query(
    "SELECT count(*)::int AS n FROM quarantine_records WHERE status = 'PENDING'",
  );
  return (rows[0] as { n: number }).n;
}

describe('crash consistency: failures between store steps, then cleanup()', () => {
  let env: Env;
  let faults: Faults;
  let q: Quarantine;
  let healthy: Quarantine;
  const clock = fakeClock();
  const logger = recordingLogger();
  const held = new Map<string, string>();

  beforeAll(async () => {
    env = await setupEnv();
    faults = { s3Before: new Set(), s3After: new Set(), sql: [], sqlAfter: [] };
    q = env.make({
      now: clock.now,
      logger,
      database: faultyDb(env.db.sequelize, faults),
      storage: { bucket: env.bucket.bucket, client: faultyS3(env, faults) },
      cleanup: { abandonedAfterMs: 60_000 },
    });
    healthy = env.make({ now: clock.now, cleanup: { abandonedAfterMs: 60_000 } });
    for (const text of ['held one', 'held two ✓']) held.set(await healthy.store(text, META), text);
  });
  afterAll(async () => {
    await env.teardown();
  });

  function reset(): void {
    faults.s3Before.clear();
    faults.s3After.clear();
    faults.sql = [];
    faults.sqlAfter = [];
    delete faults.onS3;
  }

  /** Held content is intact, no PENDING rows, and every object belongs to a held record. */
  async function assertConsistent(): Promise<void> {
    reset();
    for (const [id, text] of held) expect(await healthy.read(id)).toBe(text);
    expect(await pendingCount(env)).toBe(0);
    const [rows] = await env.db.sequelize.query(
      "SELECT s3_key FROM quarantine_records WHERE status IN ('QUARANTINED','UNDER_REVIEW')",
    );
    const heldKeys = (rows as { s3_key: string }[]).map((r) => r.s3_key).sort();
    const objects = (await allKeys(env.bucket.client, env.bucket.bucket))
      .filter((k) => k.startsWith('quarantine/'))
      .sort();
    expect(objects).toEqual(heldKeys);
  }

  it('step 1 fails (INSERT): nothing is written anywhere', async () => {
    faults.sql = ['INSERT INTO encryption_keys'];
    expect(await codeOf(q.store('never held', META))).toBe('QUARANTINE_STORE_FAILED');
    await assertConsistent();
  });

  it('step 2 fails (PutObject): the PENDING record is undone', async () => {
    faults.s3Before.add('PutObjectCommand');
    expect(await codeOf(q.store('never held', META))).toBe('QUARANTINE_STORE_FAILED');
    await assertConsistent();
  });

  it('step 2 lands but its response is lost: record and object are both undone', async () => {
    faults.s3After.add('PutObjectCommand');
    expect(await codeOf(q.store('never held', META))).toBe('QUARANTINE_STORE_FAILED');
    await assertConsistent();
  });

  it('crash after step 1 (S3 and DB both fail): cleanup removes the PENDING row after the grace period', async () => {
    faults.s3Before.add('PutObjectCommand');
    faults.sql = ["DELETE FROM quarantine_records WHERE id = $1 AND status = 'PENDING'"];
    expect(await codeOf(q.store('never held', META))).toBe('QUARANTINE_STORE_FAILED');
    reset();
    expect(await pendingCount(env)).toBe(1);
    expect((await healthy.cleanup()).abandonedStoresRemoved).toBe(0);
    clock.advance(61_000);
    expect((await healthy.cleanup()).abandonedStoresRemoved).toBe(1);
    await assertConsistent();
  });

  it('crash after step 2 (mark fails, undo fails): cleanup removes PENDING row and its object', async () => {
    faults.sql = ["SET status = 'QUARANTINED'", 'DELETE FROM quarantine_records WHERE id = $1'];
    expect(await codeOf(q.store('never held', META))).toBe('QUARANTINE_STORE_FAILED');
    reset();
    expect(await pendingCount(env)).toBe(1);
    // The stranded record is invisible: getMetadata/list never show PENDING.
    const listed = await healthy.list({ limit: 500 });
    expect(listed.items.every((r) => r.status !== ('PENDING' as string))).toBe(true);
    clock.advance(61_000);
    expect((await healthy.cleanup()).abandonedStoresRemoved).toBe(1);
    await assertConsistent();
  });

  it('a store outliving the grace period loses its record to cleanup and fails, leaving no orphan', async () => {
    let fired = false;
    faults.onS3 = async (name) => {
      if (name !== 'PutObjectCommand' || fired) return;
      fired = true;
      clock.advance(61_000);
      expect((await healthy.cleanup()).abandonedStoresRemoved).toBe(1);
    };
    expect(await codeOf(q.store('slow store', META))).toBe('QUARANTINE_STORE_FAILED');
    // The failing store removed its own late object: nothing is left for the next cleanup.
    await assertConsistent();
    expect((await healthy.cleanup()).orphanObjectsDeleted).toBe(0);
  });

  it('cleanup itself crashing between claiming an abandoned record and deleting its object leaves an orphan the next run sweeps', async () => {
    faults.sql = ["SET status = 'QUARANTINED'", 'DELETE FROM quarantine_records WHERE id = $1'];
    expect(await codeOf(q.store('never held', META))).toBe('QUARANTINE_STORE_FAILED');
    reset();
    clock.advance(61_000);
    faults.s3Before.add('DeleteObjectCommand');
    expect(await codeOf(q.cleanup())).toBe('QUARANTINE_STORAGE_FAILED');
    reset();
    expect(await pendingCount(env)).toBe(0);
    const result = await healthy.cleanup();
    expect(result.orphanObjectsDeleted).toBe(1);
    await assertConsistent();
  });

  it('crash during delete (DeleteObject fails): key already destroyed, cleanup removes the object', async () => {
    const id = await healthy.store('to delete', META);
    faults.s3Before.add('DeleteObjectCommand');
    const deleted = await q.delete(id);
    expect(deleted.status).toBe('DELETED');
    expect(logger.lines.some((l) => l.includes('cleanup() will retry'))).toBe(true);
    reset();
    expect(await codeOf(healthy.read(id))).toBe('QUARANTINE_CONTENT_UNAVAILABLE');
    const result = await healthy.cleanup();
    expect(result.leftoverObjectsDeleted).toBe(1);
    await assertConsistent();
  });

  it('a failed status change (DB down) changes nothing and keeps the content', async () => {
    const id = await healthy.store('keep me', META);
    held.set(id, 'keep me');
    faults.sql = ['DELETE FROM encryption_keys'];
    expect(await codeOf(q.delete(id))).toBe('QUARANTINE_DATABASE_FAILED');
    reset();
    expect((await healthy.getMetadata(id))?.status).toBe('QUARANTINED');
    await assertConsistent();
  });

  /** regression: issue 11 (the sweep deleted every record-less object under the whole prefix) */
  it("sweeps this installation's old record-less objects only: never young ones, legacy keys, other installations' or foreign keys", async () => {
    const inst = await installationIdOf(env.db.sequelize);
    const mine = (id: string) => `quarantine/${inst}/2026/01/02/${id}`;
    const old = {
      'clawexchange-created-at': new Date(clock.now().getTime() - 61_000).toISOString(),
    };
    const young = { 'clawexchange-created-at': clock.now().toISOString() };
    const put = (key: string, meta: Record<string, string> = {}) =>
      putRaw(env.bucket.client, env.bucket.bucket, key, Buffer.from('x'), meta);
    const orphan = mine(randomUUID());
    const tooYoung = mine(randomUUID());
    // No metadata: its age is the server's Last-Modified, later than this test's clock.
    const undated = mine(randomUUID());
    const legacy = `quarantine/2026/01/02/${randomUUID()}`;
    const otherInstallation = `quarantine/${randomUUID()}/2026/01/02/${randomUUID()}`;
    const foreign = ['quarantine/README', `quarantine/${inst}/notes.txt`, 'elsewhere/object'];
    await put(orphan, old);
    await put(tooYoung, young);
    await put(undated);
    await put(legacy, old);
    await put(otherInstallation, old);
    for (const k of foreign) await put(k);

    const result = await healthy.cleanup();
    expect(result.orphanObjectsDeleted).toBe(1);
    const keys = await allKeys(env.bucket.client, env.bucket.bucket);
    expect(keys).not.toContain(orphan);
    for (const k of [tooYoung, undated, legacy, otherInstallation, ...foreign]) {
      expect(keys).toContain(k);
    }
    // Once old enough by the service's clock, the young one goes too.
    clock.advance(61_000);
    expect((await healthy.cleanup()).orphanObjectsDeleted).toBe(1);
    expect(await allKeys(env.bucket.client, env.bucket.bucket)).not.toContain(tooYoung);
    for (const k of [undated, legacy, otherInstallation, ...foreign]) {
      await env.bucket.client.send(
        new (await import('@aws-sdk/client-s3')).DeleteObjectCommand({
          Bucket: env.bucket.bucket,
          Key: k,
        }),
      );
    }
    await assertConsistent();
  });

  it('sweeps an object restored under a final record (its key is shredded), keeps held ones', async () => {
    const id = await healthy.store('restored from a backup', META);
    const record = await healthy.getMetadata(id);
    if (record === null) throw new Error('missing');
    const backup = (await rawObject(env.bucket.client, env.bucket.bucket, record.s3Key)) as Buffer;
    await healthy.delete(id);
    await putRaw(env.bucket.client, env.bucket.bucket, record.s3Key, backup);
    expect((await healthy.cleanup()).orphanObjectsDeleted).toBe(1);
    expect(await rawObject(env.bucket.client, env.bucket.bucket, record.s3Key)).toBeNull();
    await assertConsistent();
  });

  it('an id generator returning upper-case UUIDs still yields keys the orphan sweep recognises', async () => {
    const upper = env.make({
      now: clock.now,
      generateId: () => randomUUID().toUpperCase(),
    });
    const id = await upper.store('upper-case ids', META);
    expect(id).toBe(id.toLowerCase());
    const record = await upper.getMetadata(id);
    expect(record?.s3Key.endsWith(id)).toBe(true);
    await env.db.sequelize.query('DELETE FROM quarantine_records WHERE id = $1', { bind: [id] });
    // Record-less objects are swept only once older than `abandonedAfterMs` (default 15 min).
    expect((await upper.cleanup()).orphanObjectsDeleted).toBe(0);
    clock.advance(900_000);
    expect((await upper.cleanup()).orphanObjectsDeleted).toBe(1);
    await expect(
      env.make({ generateId: () => 'not-a-uuid' }).store('x', META),
    ).rejects.toMatchObject({ code: 'QUARANTINE_INVALID_CONFIG', field: 'generateId' });
    await assertConsistent();
  });
});
