import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestBucket,
  createTestDatabase,
  createTestRedis,
  type TestBucket,
  type TestDatabase,
  type TestRedis,
} from '../../src/index.js';

describe('test harness', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let bucket: TestBucket;

  beforeAll(async () => {
    [db, redis, bucket] = await Promise.all([
      createTestDatabase(),
      createTestRedis(),
      createTestBucket(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([db.drop(), redis.cleanup(), bucket.cleanup()]);
  });

  it('gives each file a real, empty PostgreSQL database', async () => {
    const [rows] = await db.sequelize.query(
      "SELECT current_database() AS name, count(*)::int AS tables FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(rows).toEqual([{ name: db.name, tables: 0 }]);
    const [version] = await db.sequelize.query(
      "SELECT current_setting('server_version_num')::int AS v",
    );
    expect((version[0] as { v: number }).v).toBeGreaterThanOrEqual(140000);
  });

  it('gives each file its own Redis prefix on a real server', async () => {
    await redis.client.set(`${redis.prefix}k`, 'v');
    expect(await redis.client.get(`${redis.prefix}k`)).toBe('v');
    const info = await redis.client.info('server');
    expect(info).toMatch(/redis_version:(\d+)/);
    expect(Number(/redis_version:(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(7);
  });

  it('gives each file its own bucket that round-trips objects', async () => {
    const body = Buffer.from([0, 1, 2, 250, 255]);
    await bucket.client.send(
      new PutObjectCommand({ Bucket: bucket.bucket, Key: 'a/b', Body: body }),
    );
    const got = await bucket.client.send(
      new GetObjectCommand({ Bucket: bucket.bucket, Key: 'a/b' }),
    );
    expect(Buffer.from((await got.Body?.transformToByteArray()) ?? [])).toEqual(body);
  });
});
