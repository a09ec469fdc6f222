import { randomUUID } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Redis } from 'ioredis';
import { Sequelize } from 'sequelize';
import { queryOnce } from './postgres.js';
import { createS3Client, type S3Endpoint } from './s3.js';
import { SERVICE_ENV } from './service-env.js';
import { ServiceUnavailableError } from './service-error.js';

/** A database of its own for one test file. */
export type TestDatabase = {
  /** Connection string to the new database (superuser). */
  readonly url: string;
  /** The database name (`t_<hex>`). */
  readonly name: string;
  /** A Sequelize instance on it with logging off. */
  readonly sequelize: Sequelize;
  /** Closes the Sequelize pool and drops the database. */
  drop(): Promise<void>;
};

/**
 * Creates an empty PostgreSQL database for the calling test file, so files
 * can run migrations and write rows in parallel without seeing each other.
 *
 * @throws {ServiceUnavailableError} when not run under the integration global setup
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = requireServiceEnv(SERVICE_ENV.databaseUrl);
  const name = `t_${randomUUID().replaceAll('-', '')}`;
  await queryOnce(adminUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(adminUrl, name);
  const sequelize = new Sequelize(url, { logging: false, dialect: 'postgres' });
  return {
    url,
    name,
    sequelize,
    async drop() {
      await sequelize.close();
      await queryOnce(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** A Redis key prefix of its own for one test file. */
export type TestRedis = {
  readonly url: string;
  /** `test:<uuid>:` — every key a test writes must start with it. */
  readonly prefix: string;
  /** A client for assertions and clean-up. */
  readonly client: Redis;
  /** Deletes every key under the prefix (SCAN, never KEYS) and disconnects. */
  cleanup(): Promise<void>;
};

/** Gives the calling test file its own Redis key prefix on the shared server. */
export async function createTestRedis(): Promise<TestRedis> {
  const url = requireServiceEnv(SERVICE_ENV.redisUrl);
  const prefix = `test:${randomUUID()}:`;
  const client = new Redis(url, { lazyConnect: true });
  await client.connect();
  return {
    url,
    prefix,
    client,
    async cleanup() {
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        if (keys.length > 0) await client.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      client.disconnect();
    },
  };
}

/** A bucket of its own for one test file. */
export type TestBucket = S3Endpoint & {
  /** A client configured for the test server. */
  readonly client: S3Client;
  /** Deletes every object in the bucket, then the bucket. */
  cleanup(): Promise<void>;
};

/** Creates an empty bucket for the calling test file on the run's S3 server. */
export async function createTestBucket(): Promise<TestBucket> {
  const shared = JSON.parse(requireServiceEnv(SERVICE_ENV.s3)) as S3Endpoint;
  const endpoint: S3Endpoint = { ...shared, bucket: `t-${randomUUID()}` };
  const client = createS3Client(endpoint);
  await client.send(new CreateBucketCommand({ Bucket: endpoint.bucket }));
  return {
    ...endpoint,
    client,
    async cleanup() {
      await emptyBucket(client, endpoint.bucket);
      await client.send(new DeleteBucketCommand({ Bucket: endpoint.bucket }));
      client.destroy();
    },
  };
}

/** The run's PostgreSQL superuser URL (for tests that create roles). */
export function adminDatabaseUrl(): string {
  return requireServiceEnv(SERVICE_ENV.databaseUrl);
}

async function emptyBucket(client: S3Client, bucket: string): Promise<void> {
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: object.Key }));
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function requireServiceEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new ServiceUnavailableError(
      name,
      'not set: run this test through the `integration` vitest project (pnpm test), whose global setup starts the services.',
    );
  }
  return value;
}
