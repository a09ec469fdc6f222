import { randomBytes } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import {
  createTestBucket,
  createTestDatabase,
  type TestBucket,
  type TestDatabase,
} from '@clawexchange/test-utils';
import type { Sequelize } from 'sequelize';
import type { QuarantineConfig } from '../../src/config.js';
import { createQuarantineService } from '../../src/create-quarantine.js';
import { isQuarantineError } from '../../src/errors.js';
import { macFields } from '../../src/internal/integrity.js';
import { deriveMacKey, recordMac } from '../../src/internal/record-mac.js';
import { AUTH_SELECT, type AuthRow, toLoaded } from '../../src/internal/repository.js';
import { quarantineMigrations } from '../../src/migrations/index.js';
import type { Quarantine, QuarantineLogger } from '../../src/types.js';

/** A database with the migrations applied and a bucket, for one test file. */
export type Env = {
  readonly db: TestDatabase;
  readonly bucket: TestBucket;
  readonly masterKey: string;
  make(overrides?: Partial<QuarantineConfig>): Quarantine;
  teardown(): Promise<void>;
};

/** A movable clock. */
export function fakeClock(start: Date = new Date('2026-11-23T12:00:00.000Z')): {
  now: () => Date;
  advance: (ms: number) => void;
} {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms) => (t += ms) };
}

/** A logger that remembers every line (for canary checks). */
export function recordingLogger(): QuarantineLogger & { lines: string[] } {
  const lines: string[] = [];
  const rec = (level: string) => (fields: Readonly<Record<string, unknown>>, msg: string) => {
    lines.push(JSON.stringify({ level, msg, ...fields }));
  };
  return { lines, debug: rec('debug'), info: rec('info'), warn: rec('warn'), error: rec('error') };
}

/** Creates DB + bucket, runs the migrations the way the deployment guide does. */
export async function setupEnv(): Promise<Env> {
  const [db, bucket] = await Promise.all([createTestDatabase(), createTestBucket()]);
  const qi = db.sequelize.getQueryInterface();
  const sequelize = db.sequelize;
  for (const m of quarantineMigrations) await m.up(qi, sequelize);
  const masterKey = randomBytes(32).toString('base64');
  return {
    db,
    bucket,
    masterKey,
    make(overrides = {}) {
      return createQuarantineService({
        storage: {
          endpoint: bucket.endpoint,
          bucket: bucket.bucket,
          accessKey: bucket.accessKey,
          secretKey: bucket.secretKey,
          region: bucket.region,
          forcePathStyle: true,
        },
        encryption: { masterKey },
        database: db.sequelize,
        expiryHours: 72,
        ...overrides,
      });
    },
    async teardown() {
      await Promise.allSettled([db.drop(), bucket.cleanup()]);
    },
  };
}

/** Raw object bytes, straight from the bucket. */
export async function rawObject(
  client: S3Client,
  bucket: string,
  key: string,
): Promise<Buffer | null> {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  try {
    const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return Buffer.from((await out.Body?.transformToByteArray()) ?? []);
  } catch (e) {
    if ((e as { name?: string }).name === 'NoSuchKey') return null;
    throw e;
  }
}

/** Every key in the bucket. */
export async function allKeys(client: S3Client, bucket: string): Promise<string[]> {
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, ...(token ? { ContinuationToken: token } : {}) }),
    );
    for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/** Overwrites an object's bytes (optionally with user metadata, `x-amz-meta-*`). */
export async function putRaw(
  client: S3Client,
  bucket: string,
  key: string,
  body: Buffer,
  metadata: Record<string, string> = {},
): Promise<void> {
  const { PutObjectCommand } = await import('@aws-sdk/client-s3');
  await client.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, Metadata: metadata }),
  );
}

/** The installation id the migrations drew for this database (part of every new object key). */
export async function installationIdOf(sequelize: Sequelize): Promise<string> {
  const [rows] = await sequelize.query('SELECT id::text AS id FROM quarantine_installation');
  const id = (rows as { id: string }[])[0]?.id;
  if (id === undefined) throw new Error('no installation id: migrations not run');
  return id;
}

export const META = { tier: 'HIGH', labels: ['SECRET_AWS_KEY'], pluginResults: [] } as const;

/** The `QuarantineError` code a promise rejects with; throws if it resolves or rejects otherwise. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isQuarantineError(e)) return e.code;
    throw e;
  }
  throw new Error('expected a rejection');
}

/**
 * Recomputes a row's MAC the way the service would with `masterKey` under
 * `keyId`: what only a holder of the master key can do. Tests use it to
 * model rows that are genuine where they came from (a copied database).
 */
export async function remac(
  sequelize: Sequelize,
  masterKey: string,
  id: string,
  keyId = 'default',
): Promise<void> {
  const [rows] = await sequelize.query(`${AUTH_SELECT} WHERE r.id = $1`, { bind: [id] });
  const loaded = toLoaded((rows as AuthRow[])[0] as AuthRow);
  const key = deriveMacKey(Buffer.from(masterKey, 'base64'));
  const mac = recordMac(key, macFields(loaded.record, loaded.auth, keyId));
  await sequelize.query('UPDATE quarantine_records SET mac = $2, mac_key_id = $3 WHERE id = $1', {
    bind: [id, mac, keyId],
  });
}
