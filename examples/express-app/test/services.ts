import { randomBytes } from 'node:crypto';
import {
  adminDatabaseUrl,
  createTestBucket,
  createTestDatabase,
  createTestRedis,
  type S3Endpoint,
  type TestBucket,
  type TestDatabase,
  type TestRedis,
} from '@clawexchange/test-utils';
import { dropRoles, provisionRoles, type RoleNames } from '../src/database/roles.js';
import type { DemoServices } from '../src/services.js';

/**
 * A test file's services, as the app sees them: its own database with a
 * migration role and a least-privilege app role (unique names: roles are
 * server-wide), its own bucket and Redis prefix.
 */
export type TestServices = {
  readonly db: TestDatabase;
  readonly bucket: TestBucket;
  readonly redis: TestRedis;
  readonly roles: RoleNames;
  /** Services for `composePipeline`; `s3`/`redisUrl` may be swapped for servers a test stops. */
  services(overrides?: { s3?: S3Endpoint; redisUrl?: string }): DemoServices;
  cleanup(): Promise<void>;
};

/** Creates the database, roles, bucket and Redis prefix of one test file. */
export async function createTestServices(): Promise<TestServices> {
  const [db, bucket, redis] = await Promise.all([
    createTestDatabase(),
    createTestBucket(),
    createTestRedis(),
  ]);
  const suffix = randomBytes(6).toString('hex');
  const roles = { migrator: `t_migrator_${suffix}`, app: `t_app_${suffix}` };
  const urls = await provisionRoles(db.url, roles);
  return {
    db,
    bucket,
    redis,
    roles,
    services: (overrides = {}) => ({
      databaseUrl: urls.appUrl,
      migrationDatabaseUrl: urls.migrationUrl,
      s3: overrides.s3 ?? bucket,
      redisUrl: overrides.redisUrl ?? redis.url,
      origin: { postgres: 'test', s3: 'test', redis: 'test' },
      stop: async () => undefined,
    }),
    async cleanup() {
      await Promise.all([db.drop(), bucket.cleanup(), redis.cleanup()]);
      await dropRoles(adminDatabaseUrl(), roles);
    },
  };
}
