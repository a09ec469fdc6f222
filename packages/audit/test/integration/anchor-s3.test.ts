import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createTestBucket, type TestBucket, type TestDatabase } from '@clawexchange/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3AnchorStore, type S3AnchorStoreConfig } from '../../src/anchor-s3.js';
import { createCheckpointSigner, signCheckpoint } from '../../src/checkpoint.js';
import { createAuditLogger } from '../../src/index.js';
import { migratedDatabase } from './helpers.js';

const KEY = { algorithm: 'hmac-sha256', secret: Buffer.alloc(32, 3), keyId: 'k' } as const;
const signer = createCheckpointSigner(KEY);
const cp = (seq: number, hash: string) =>
  signCheckpoint(signer, { seq, hash, at: new Date(Date.UTC(2026, 0, 1)) });

describe('S3 anchor store (write-once layout)', () => {
  let bucket: TestBucket;
  let db: TestDatabase;
  beforeAll(async () => {
    [bucket, db] = await Promise.all([createTestBucket(), migratedDatabase()]);
  });
  afterAll(async () => {
    await bucket.cleanup();
    await db.drop();
  });
  const store = (extra: Partial<S3AnchorStoreConfig> = {}) =>
    createS3AnchorStore({ client: bucket.client, bucket: bucket.bucket, chainId: 'c1', ...extra });

  /** regression: issue 16 */
  it('writes <prefix><chainId>/<16-digit seq>.json once; the same checkpoint again is a no-op, another hash is refused and nothing is overwritten', async () => {
    const s = store({ chainId: 'once' });
    const first = cp(7, 'aa'.repeat(32));
    // s3rver accepts If-None-Match (and ignores it); Swift's S3 API answers 501, then a plain PUT follows.
    expect(await s.put(first)).toMatchObject({
      key: 'audit-anchors/once/0000000000000007.json',
      created: true,
      locked: false,
    });
    expect(await s.put(cp(7, 'aa'.repeat(32)))).toMatchObject({ created: false });
    await expect(s.put(cp(7, 'bb'.repeat(32)))).rejects.toMatchObject({
      code: 'AUDIT_ANCHOR_MISMATCH',
    });
    const body = await bucket.client.send(
      new GetObjectCommand({
        Bucket: bucket.bucket,
        Key: 'audit-anchors/once/0000000000000007.json',
      }),
    );
    expect(JSON.parse(await (body.Body?.transformToString() ?? ''))).toEqual(first);
  });

  /** regression: issue 16 */
  it('latest() is the highest sequence of this chain only (numeric order, other chains and stray keys ignored)', async () => {
    const s = store({ chainId: 'order', prefix: 'p/' });
    expect(await s.latest()).toBeNull();
    for (const seq of [9, 10, 100, 2]) await s.put(cp(seq, 'cc'.repeat(32)));
    await store({ chainId: 'order2', prefix: 'p/' }).put(cp(5000, 'dd'.repeat(32)));
    await bucket.client.send(
      new PutObjectCommand({ Bucket: bucket.bucket, Key: 'p/order/zzz.json', Body: '{}' }),
    );
    expect(await s.latest()).toMatchObject({ seq: 100 });
    await s.put(cp(101, 'cc'.repeat(32)));
    expect(await s.latest()).toMatchObject({ seq: 101 });
  });

  /** regression: issue 16 */
  it("objectLock 'required' refuses to publish to a bucket without Object Lock (s3rver and Swift have none)", async () => {
    const s = store({ chainId: 'locked', objectLock: 'required' });
    await expect(s.put(cp(1, 'ee'.repeat(32)))).rejects.toMatchObject({
      code: 'AUDIT_ANCHOR_FAILED',
      field: 'anchor.objectLock',
    });
    expect(await s.latest()).toBeNull();
  });

  it('validates its config before any I/O, naming the field', () => {
    const bad = (extra: Record<string, unknown>) => () =>
      createS3AnchorStore({ ...{ client: bucket.client, bucket: 'b', chainId: 'c' }, ...extra });
    expect(bad({ chainId: '../x' })).toThrow(
      expect.objectContaining({ code: 'AUDIT_INVALID_CONFIG', field: 'anchor.chainId' }),
    );
    expect(bad({ prefix: 'no-slash' })).toThrow(
      expect.objectContaining({ field: 'anchor.prefix' }),
    );
    expect(bad({ retainDays: 0 })).toThrow(expect.objectContaining({ field: 'anchor.retainDays' }));
    expect(bad({ objectLock: 'yes' })).toThrow(
      expect.objectContaining({ field: 'anchor.objectLock' }),
    );
    expect(bad({ bucketName: 'x' })).toThrow(
      expect.objectContaining({ code: 'AUDIT_INVALID_CONFIG', field: 'anchor.bucketName' }),
    );
    expect(() => createAuditLogger({ database: db.sequelize, anchor: store() })).toThrow(
      expect.objectContaining({ field: 'checkpointKey' }),
    );
  });

  /** regression: issue 16 */
  it('verify() uses the latest anchored checkpoint by default and refuses a forged object in the bucket', async () => {
    const anchor = store({ chainId: 'verify' });
    const audit = createAuditLogger({ database: db.sequelize, checkpointKey: KEY, anchor });
    expect(await audit.verify()).not.toHaveProperty('anchoredSeq');
    for (let i = 0; i < 3; i++) {
      await audit.log({ eventType: 'SSG_PASS', actorId: `a${i}`, actorType: 'agent' });
    }
    const published = await audit.anchorCheckpoint();
    expect(published).toMatchObject({ created: true, checkpoint: { seq: 3 } });
    expect(await audit.anchorCheckpoint()).toMatchObject({ created: false });
    expect(await audit.verify()).toMatchObject({ ok: true, anchoredSeq: 3 });
    expect(await audit.verify({ from: 5 })).not.toHaveProperty('anchoredSeq');
    // Someone with bucket access but without the key writes a later "checkpoint".
    const forged = { ...published.checkpoint, seq: 2, signature: 'AAAA' };
    await bucket.client.send(
      new PutObjectCommand({
        Bucket: bucket.bucket,
        Key: 'audit-anchors/verify/0000000000000009.json',
        Body: JSON.stringify({ ...forged, seq: 9 }),
      }),
    );
    await expect(audit.verify()).rejects.toMatchObject({ code: 'AUDIT_INVALID_CHECKPOINT' });
    expect(await audit.verify({ anchored: false })).toMatchObject({ ok: true });
    await expect(
      createAuditLogger({ database: db.sequelize }).anchorCheckpoint(),
    ).rejects.toMatchObject({ code: 'AUDIT_ANCHOR_NOT_CONFIGURED' });
  });
});
