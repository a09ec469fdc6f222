import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentAad, open } from '../../src/internal/crypto.js';
import { createLocalKeyProvider } from '../../src/key-provider.js';
import type { Quarantine } from '../../src/types.js';
import { codeOf, type Env, META, putRaw, rawObject, setupEnv } from './setup.js';

type KeyRow = {
  id: string;
  record_id: string;
  master_key_id: string;
  wrapped_key: Buffer;
  content_iv: Buffer;
  content_tag: Buffer;
};

describe('the envelope: integrity, record binding and crypto-shredding', () => {
  let env: Env;
  let q: Quarantine;

  beforeAll(async () => {
    env = await setupEnv();
    q = env.make();
  });
  afterAll(async () => {
    await env.teardown();
  });

  async function keyRows(): Promise<KeyRow[]> {
    const [rows] = await env.db.sequelize.query(
      'SELECT id, record_id, master_key_id, wrapped_key, content_iv, content_tag FROM encryption_keys',
    );
    return rows as KeyRow[];
  }

  async function s3KeyOf(id: string): Promise<string> {
    const record = await q.getMetadata(id);
    if (record === null) throw new Error('record missing');
    return record.s3Key;
  }

  async function object(key: string): Promise<Buffer> {
    return (await rawObject(env.bucket.client, env.bucket.bucket, key)) as Buffer;
  }

  it('detects a flipped byte in the object and in the wrapped key, and objects swapped alone', async () => {
    const a = await q.store('content of record A', META);
    const b = await q.store('content of record B', META);
    const [keyA, keyB] = [await s3KeyOf(a), await s3KeyOf(b)];
    const [objA, objB] = [await object(keyA), await object(keyB)];

    const flipped = Buffer.from(objA);
    flipped[3] = (flipped[3] ?? 0) ^ 0x01;
    await putRaw(env.bucket.client, env.bucket.bucket, keyA, flipped);
    expect(await codeOf(q.read(a))).toBe('QUARANTINE_INTEGRITY_FAILED');
    await putRaw(env.bucket.client, env.bucket.bucket, keyA, objB);
    expect(await codeOf(q.read(a))).toBe('QUARANTINE_INTEGRITY_FAILED');
    await putRaw(env.bucket.client, env.bucket.bucket, keyA, objA);
    expect(await q.read(a)).toBe('content of record A');

    await env.db.sequelize.query(
      "UPDATE encryption_keys SET wrapped_key = overlay(wrapped_key placing decode(lpad(to_hex(get_byte(wrapped_key, 20) # 1), 2, '0'), 'hex') from 21 for 1) WHERE record_id = $1",
      { bind: [a] },
    );
    expect(await codeOf(q.read(a))).toBe('QUARANTINE_INTEGRITY_FAILED');
    expect(await q.read(b)).toBe('content of record B');
  });

  /** regression: issue 4 (a ciphertext or wrapped key moved to another record must fail to decrypt) */
  it('refuses a whole envelope moved to another record: only the record-id binding can catch it', async () => {
    const a = await q.store('victim record A', META);
    const b = await q.store('attacker-chosen content B', META);
    const [keyA, keyB] = [await s3KeyOf(a), await s3KeyOf(b)];
    // Move B's complete envelope onto A: object, wrapped key, data key id, IV and tag.
    // Every byte is genuine, so without the record id in both AADs A would read as B.
    await putRaw(env.bucket.client, env.bucket.bucket, keyA, await object(keyB));
    await env.db.sequelize.query('DELETE FROM encryption_keys WHERE record_id = $1', { bind: [a] });
    await env.db.sequelize.query('UPDATE encryption_keys SET record_id = $1 WHERE record_id = $2', {
      bind: [a, b],
    });
    // Since issue 16 the record's MAC (which binds its data key id) refuses it
    // first, metadata included; the AAD binding below stays as the second layer.
    expect(await codeOf(q.read(a))).toBe('QUARANTINE_RECORD_TAMPERED');
    expect(await codeOf(q.release(a))).toBe('QUARANTINE_RECORD_TAMPERED');
    expect(await codeOf(q.getMetadata(a))).toBe('QUARANTINE_RECORD_TAMPERED');

    // Positive control: moved back, the very same bytes open for B.
    await env.db.sequelize.query('UPDATE encryption_keys SET record_id = $1 WHERE record_id = $2', {
      bind: [b, a],
    });
    expect(await q.read(b)).toBe('attacker-chosen content B');

    // The wrapped key alone (with B's data key id) moved onto A fails as well.
    const a2 = await q.store('victim record A2', META);
    await env.db.sequelize.query(
      `UPDATE encryption_keys SET wrapped_key = (SELECT wrapped_key FROM encryption_keys WHERE record_id = $2)
       WHERE record_id = $1`,
      { bind: [a2, b] },
    );
    expect(await codeOf(q.read(a2))).toBe('QUARANTINE_INTEGRITY_FAILED');
    expect(await q.read(b)).toBe('attacker-chosen content B');
  });

  it('crypto-shreds on delete: no key the system still holds opens a backup of the object', async () => {
    const secret = 'shred-canary-7f3a9';
    const id = await q.store(secret, META);
    const s3Key = await s3KeyOf(id);
    const backup = await object(s3Key);
    const before = (await keyRows()).find((r) => r.record_id === id) as KeyRow;
    const provider = createLocalKeyProvider({
      activeKeyId: 'default',
      keys: { default: env.masterKey },
    });
    const unwrap = (r: KeyRow) =>
      provider.unwrapDataKey(
        { keyId: r.master_key_id, wrappedKey: r.wrapped_key },
        { recordId: r.record_id, dataKeyId: r.id },
      );
    // Even an attacker who kept the IV and tag needs the data key.
    const openBackup = (key: Uint8Array) =>
      open(
        key,
        { iv: before.content_iv, ciphertext: backup, tag: before.content_tag },
        contentAad(id, before.id),
      ).toString('utf8');
    // Positive control: before the delete, the system's keys open the backup.
    expect(openBackup(await unwrap(before))).toBe(secret);

    await q.delete(id, { reviewedBy: 'mod' });
    expect(await rawObject(env.bucket.client, env.bucket.bucket, s3Key)).toBeNull();
    const after = await keyRows();
    expect(after.some((r) => r.record_id === id || r.id === before.id)).toBe(false);
    expect(after.some((r) => r.wrapped_key.equals(before.wrapped_key))).toBe(false);

    const held: Uint8Array[] = [Buffer.from(env.masterKey, 'base64')];
    // Earlier tests left tampered rows behind; those yield no key at all.
    for (const r of after) {
      const key = await unwrap(r).catch(() => null);
      if (key !== null) held.push(key);
    }
    expect(held.length).toBeGreaterThan(1);
    for (const key of held) expect(() => openBackup(key)).toThrow();

    // The backup restored into the bucket: the service refuses it as destroyed.
    await putRaw(env.bucket.client, env.bucket.bucket, s3Key, backup);
    expect(await codeOf(q.read(id))).toBe('QUARANTINE_CONTENT_UNAVAILABLE');
    const [row] = await env.db.sequelize.query('SELECT * FROM quarantine_records WHERE id = $1', {
      bind: [id],
    });
    expect(JSON.stringify(row)).not.toContain(secret);
    expect((await q.cleanup()).orphanObjectsDeleted).toBe(1);
  });
});
