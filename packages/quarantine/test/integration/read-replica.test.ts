import { randomBytes } from 'node:crypto';
import {
  createTestBucket,
  type RunningPostgresReplica,
  startPostgresReplica,
  type TestBucket,
} from '@clawexchange/test-utils';
import { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuarantineService } from '../../src/create-quarantine.js';
import { quarantineMigrations } from '../../src/migrations/index.js';
import type { Quarantine } from '../../src/types.js';
import { runWorker } from '../../src/worker.js';
import { META } from './setup.js';

/** regression: issue 16 */
describe('quarantine on a real streaming read replica (pg_basebackup, loopback)', () => {
  let servers: RunningPostgresReplica;
  let primary: Sequelize;
  let replica: Sequelize;
  let bucket: TestBucket;
  let q: Quarantine;
  const masterKey = randomBytes(32).toString('base64');

  beforeAll(async () => {
    [servers, bucket] = await Promise.all([startPostgresReplica(), createTestBucket()]);
    primary = new Sequelize(servers.primaryUrl, { logging: false, dialect: 'postgres' });
    replica = new Sequelize(servers.replicaUrl, { logging: false, dialect: 'postgres' });
    const qi = primary.getQueryInterface();
    for (const m of quarantineMigrations) await m.up(qi, primary);
    await servers.waitForReplay();
    q = createQuarantineService({
      storage: {
        endpoint: bucket.endpoint,
        bucket: bucket.bucket,
        accessKey: bucket.accessKey,
        secretKey: bucket.secretKey,
        region: bucket.region,
        forcePathStyle: true,
      },
      encryption: { masterKey },
      database: primary,
      readReplica: replica,
    });
  });
  afterAll(async () => {
    await Promise.allSettled([primary?.close(), replica?.close(), bucket?.cleanup()]);
    await servers?.stop();
  });

  it('stores on the primary; list and storageStats show the record once the replica replayed it', async () => {
    // The replica is read-only: a store routed there would throw.
    const id = await q.store('held text one', META);
    await servers.waitForReplay();
    const page = await q.list();
    expect(page.items.map((r) => r.id)).toEqual([id]);
    expect(page.refusedIds).toEqual([]);
    expect((await q.storageStats()).heldCount).toBe(1);
  });

  it('while replay is paused: store, getMetadata, status changes and keyUsage work on the primary; list and stats lag', async () => {
    await servers.pauseReplay();
    try {
      const id = await q.store('held text two', META);
      // Deciding about the record just written reads the primary: it is there at once.
      expect(await q.getMetadata(id)).toMatchObject({ id, status: 'QUARANTINED', tier: 'HIGH' });
      expect(Object.values(await q.keyUsage()).reduce((a, b) => a + b, 0)).toBe(2);
      // Listing reads the replica, which has not replayed the second record.
      expect((await q.list()).items).toHaveLength(1);
      expect((await q.storageStats()).heldCount).toBe(1);
      // Acting on it goes to the primary (writes never reach the read-only replica).
      await q.updateStatus(id, 'UNDER_REVIEW', { reviewedBy: 'mod-1' });
      expect((await q.getMetadata(id))?.status).toBe('UNDER_REVIEW');
      // A read that needs the key row (content) is served by the primary too.
      expect((await q.read(id)).toString()).toBe('held text two');
      // The worker's `stats` with DATABASE_REPLICA_URL: counts from the replica, key usage from the primary.
      const out: string[] = [];
      const io = { out: (l: string) => void out.push(l), err: () => undefined };
      const env = {
        DATABASE_URL: servers.primaryUrl,
        DATABASE_REPLICA_URL: servers.replicaUrl,
        S3_ENDPOINT: bucket.endpoint,
        S3_BUCKET: bucket.bucket,
        S3_ACCESS_KEY: bucket.accessKey,
        S3_SECRET_KEY: bucket.secretKey,
        S3_REGION: bucket.region,
        S3_FORCE_PATH_STYLE: 'true',
        ENCRYPTION_MASTER_KEY: masterKey,
      };
      expect(await runWorker(['stats'], env, io)).toBe(0);
      expect(JSON.parse(out.at(-1) as string).result).toMatchObject({
        heldCount: 1,
        keyUsage: { default: 2 },
      });
    } finally {
      await servers.resumeReplay();
    }
    await servers.waitForReplay();
    const page = await q.list();
    expect(page.items).toHaveLength(2);
    expect(page.items.find((r) => r.status === 'UNDER_REVIEW')).toBeDefined();
    expect((await q.storageStats()).heldCount).toBe(2);
  });
});
