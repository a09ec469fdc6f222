import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import type { Sequelize } from 'sequelize';
import { describe, expect, it } from 'vitest';
import { quarantineConfigFromEnv } from './config.js';
import { createQuarantineService } from './create-quarantine.js';
import { isQuarantineError, type QuarantineError } from './errors.js';

const fakeDb = { query: async () => [[], 0] } as unknown as Sequelize;
const masterKey = randomBytes(32).toString('base64');
const base = {
  storage: {
    endpoint: 'http://127.0.0.1:1',
    bucket: 'b',
    accessKey: 'AK',
    secretKey: 'SECRET-S3-CANARY',
  },
  encryption: { masterKey },
  database: fakeDb,
};

function configError(fn: () => unknown): QuarantineError {
  try {
    fn();
  } catch (e) {
    if (isQuarantineError(e)) return e;
    throw e;
  }
  throw new Error('expected a QuarantineError');
}

describe('createQuarantineService config validation (before any I/O)', () => {
  it('accepts the deployment-guide shape and returns a plain frozen object of methods', () => {
    const q = createQuarantineService({ ...base, expiryHours: 72 });
    expect(Object.isFrozen(q)).toBe(true);
    for (const value of Object.values(q)) expect(typeof value).toBe('function');
    const text = `${JSON.stringify(q)} ${inspect(q, { showHidden: true, depth: 10 })}`;
    expect(text).not.toContain(masterKey);
    expect(text).not.toContain('SECRET-S3-CANARY');
  });

  /** regression: issue 16 */
  it('accepts a read replica, also the very same instance as database', () => {
    const replica = { query: async () => [[], {}] } as never;
    expect(() => createQuarantineService({ ...base, readReplica: replica })).not.toThrow();
    expect(() => createQuarantineService({ ...base, readReplica: fakeDb })).not.toThrow();
  });

  it.each([
    ['24 bytes', randomBytes(24).toString('base64'), /got 24 bytes/],
    ['64 bytes', randomBytes(64).toString('base64'), /got 64 bytes/],
    ['hex', randomBytes(32).toString('hex'), /expected 32 bytes/],
    ['base64url', 'A_-'.repeat(14).slice(0, 43), /not valid base64/],
    ['empty', '', /expected 32 bytes/],
  ])('refuses a master key of %s, naming the field but never the value', (_, key, message) => {
    const e = configError(() =>
      createQuarantineService({ ...base, encryption: { masterKey: key } }),
    );
    expect(e.code).toBe('QUARANTINE_INVALID_CONFIG');
    expect(e.field).toBe('encryption.masterKey');
    expect(e.message).toMatch(message);
    const text = `${e.message} ${JSON.stringify(e)} ${inspect(e)}`;
    if (key !== '') expect(text).not.toContain(key);
  });

  it.each([
    ['storage.bucket', { ...base, storage: { ...base.storage, bucket: '' } }],
    ['storage.bucket', { ...base, storage: { endpoint: 'http://x' } }],
    ['storage.endpoint', { ...base, storage: { ...base.storage, endpoint: 'not a url' } }],
    ['storage.secretKey', { ...base, storage: { bucket: 'b', accessKey: 'a' } }],
    ['storage.prefix', { ...base, storage: { ...base.storage, prefix: 'no-slash' } }],
    [
      'storage.serverSideEncryption.type',
      { ...base, storage: { ...base.storage, serverSideEncryption: { type: 'rot13' } } },
    ],
    [
      'storage.requestChecksumCalculation',
      { ...base, storage: { ...base.storage, requestChecksumCalculation: 'SOMETIMES' } },
    ],
    ['database', { ...base, database: undefined }],
    ['readReplica', { ...base, readReplica: 'postgres://replica' }],
    ['readReplica', { ...base, readReplica: null }],
    ['replica', { ...base, replica: fakeDb }],
    ['expiryHours', { ...base, expiryHours: 0 }],
    ['expiryHours', { ...base, expiryHours: 1e12 }],
    ['limits.maxContentBytes', { ...base, limits: { maxContentBytes: 1.5 } }],
    ['encryption.masterKey', { ...base, encryption: {} }],
    [
      'encryption.masterKey',
      { ...base, encryption: { masterKey, keyring: { activeKeyId: 'a', keys: {} } } },
    ],
    [
      'encryption.keyring.activeKeyId',
      { ...base, encryption: { keyring: { activeKeyId: 'x', keys: { a: masterKey } } } },
    ],
    [
      'encryption.keyring.keys',
      { ...base, encryption: { keyring: { activeKeyId: 'a b', keys: { 'a b': masterKey } } } },
    ],
    ['encryption.tokenSecret', { ...base, encryption: { masterKey, tokenSecret: 'c2hvcnQ=' } }],
    [
      'storage.serverSideEncryption',
      { ...base, storage: { ...base.storage, serverSideEncryption: null } },
    ],
    // `<prefix><installationId>/YYYY/MM/DD/<uuid>` must fit the 512-character s3_key column.
    ['storage.prefix', { ...base, storage: { ...base.storage, prefix: `${'a'.repeat(428)}/` } }],
    ['storage.region', { ...base, storage: { ...base.storage, region: 5 } }],
    ['cleanup.sweepOrphanObjects', { ...base, cleanup: { sweepOrphanObjects: 'false' } }],
    ['integrity.legacyRecords', { ...base, integrity: { legacyRecords: 'ignore' } }],
    ['now', { ...base, now: 'yesterday' }],
    ['generateId', { ...base, generateId: 5 }],
    ['logger', { ...base, logger: { info: () => undefined } }],
  ])('refuses a bad %s', (field, config) => {
    const e = configError(() => createQuarantineService(config as never));
    expect(e).toMatchObject({ code: 'QUARANTINE_INVALID_CONFIG', field });
    expect(JSON.stringify(e)).not.toContain(masterKey);
  });

  it('accepts the longest prefix whose keys fit the s3_key column', () => {
    const prefix = `${'a'.repeat(427)}/`;
    // The longest key it yields is exactly the column's width.
    expect(`${prefix}${'0'.repeat(36)}/YYYY/MM/DD/${'0'.repeat(36)}`).toHaveLength(512);
    expect(() =>
      createQuarantineService({ ...base, storage: { ...base.storage, prefix } }),
    ).not.toThrow();
  });

  it('requires a token secret with a custom key provider', () => {
    const keyProvider = {
      activeKeyId: 'kms',
      hasKey: () => true,
      generateDataKey: async () => ({
        keyId: 'kms',
        wrappedKey: new Uint8Array(),
        plaintextKey: new Uint8Array(32),
      }),
      wrapDataKey: async () => ({ keyId: 'kms', wrappedKey: new Uint8Array() }),
      unwrapDataKey: async () => new Uint8Array(32),
    };
    expect(
      configError(() => createQuarantineService({ ...base, encryption: { keyProvider } })),
    ).toMatchObject({
      field: 'encryption.tokenSecret',
    });
    expect(() =>
      createQuarantineService({
        ...base,
        encryption: { keyProvider, tokenSecret: randomBytes(32).toString('base64') },
      }),
    ).not.toThrow();
  });
});

describe('quarantineConfigFromEnv', () => {
  const env = {
    S3_ENDPOINT: 'http://minio:9000',
    S3_BUCKET: 'quarantine',
    S3_ACCESS_KEY: 'minioadmin',
    S3_SECRET_KEY: 'miniosecret',
    ENCRYPTION_MASTER_KEY: masterKey,
  };

  it('reads the documented variables with their defaults', () => {
    expect(quarantineConfigFromEnv(env)).toEqual({
      storage: {
        endpoint: 'http://minio:9000',
        bucket: 'quarantine',
        accessKey: 'minioadmin',
        secretKey: 'miniosecret',
        region: 'us-east-1',
      },
      encryption: { masterKey, masterKeyId: 'default' },
      expiryHours: 72,
    });
  });

  it('reads the optional variables, building a keyring from previous keys', () => {
    const older = randomBytes(32).toString('base64');
    const config = quarantineConfigFromEnv({
      ...env,
      S3_REGION: 'eu-west-1',
      QUARANTINE_EXPIRY_HOURS: '24',
      S3_FORCE_PATH_STYLE: 'false',
      QUARANTINE_SSE: 'aws:kms',
      QUARANTINE_SSE_KMS_KEY_ID: 'alias/q',
      ENCRYPTION_MASTER_KEY_ID: 'k2',
      ENCRYPTION_PREVIOUS_KEYS: `k1:${older}`,
    });
    expect(config.expiryHours).toBe(24);
    expect(config.storage).toMatchObject({
      region: 'eu-west-1',
      forcePathStyle: false,
      serverSideEncryption: { type: 'aws:kms', kmsKeyId: 'alias/q' },
    });
    expect(config.encryption).toEqual({
      keyring: { activeKeyId: 'k2', keys: { k1: older, k2: masterKey } },
    });
    expect(() => createQuarantineService({ ...config, database: fakeDb })).not.toThrow();
  });

  it.each([
    ['S3_BUCKET', { ...env, S3_BUCKET: '' }],
    ['ENCRYPTION_MASTER_KEY', { ...env, ENCRYPTION_MASTER_KEY: undefined }],
    ['QUARANTINE_EXPIRY_HOURS', { ...env, QUARANTINE_EXPIRY_HOURS: 'soon' }],
    ['S3_FORCE_PATH_STYLE', { ...env, S3_FORCE_PATH_STYLE: 'yes' }],
    ['QUARANTINE_SSE', { ...env, QUARANTINE_SSE: 'none' }],
    ['ENCRYPTION_PREVIOUS_KEYS', { ...env, ENCRYPTION_PREVIOUS_KEYS: 'nokey' }],
    ['ENCRYPTION_MASTER_KEY', { ...env, ENCRYPTION_MASTER_KEY: masterKey.slice(0, 32) }],
    ['ENCRYPTION_MASTER_KEY', { ...env, ENCRYPTION_MASTER_KEY: `${masterKey.slice(0, -2)}!=` }],
    ['ENCRYPTION_PREVIOUS_KEYS', { ...env, ENCRYPTION_PREVIOUS_KEYS: `k1:${masterKey.slice(4)}` }],
    // What the factory would refuse is refused here, naming the variable, not a config field.
    ['QUARANTINE_EXPIRY_HOURS', { ...env, QUARANTINE_EXPIRY_HOURS: '100000' }],
    ['QUARANTINE_EXPIRY_HOURS', { ...env, QUARANTINE_EXPIRY_HOURS: '0x10' }],
    ['S3_SECRET_KEY', { ...env, S3_SECRET_KEY: '' }],
    ['S3_ACCESS_KEY', { ...env, S3_ACCESS_KEY: undefined }],
    ['ENCRYPTION_MASTER_KEY_ID', { ...env, ENCRYPTION_MASTER_KEY_ID: 'key 2026' }],
    ['ENCRYPTION_PREVIOUS_KEYS', { ...env, ENCRYPTION_PREVIOUS_KEYS: `old key:${masterKey}` }],
  ])('refuses a bad %s', (field, vars) => {
    const e = configError(() => quarantineConfigFromEnv(vars));
    expect(e).toMatchObject({ code: 'QUARANTINE_INVALID_CONFIG', field });
    expect(JSON.stringify(e) + e.message).not.toContain(masterKey);
  });
});
