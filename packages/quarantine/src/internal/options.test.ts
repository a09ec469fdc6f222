import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { quarantineConfigFromEnv } from '../config.js';
import { createQuarantineService } from '../create-quarantine.js';
import { isQuarantineError } from '../errors.js';
import { createLocalKeyProvider } from '../key-provider.js';
import { createKmsKeyProvider } from '../kms-key-provider.js';
import { recordingDatabase } from './recording-database.js';

const masterKey = randomBytes(32).toString('base64');
const ID = '00000000-0000-4000-8000-000000000000';
const base = {
  storage: { endpoint: 'http://127.0.0.1:1', bucket: 'b', accessKey: 'a', secretKey: 's' },
  encryption: { masterKey },
  database: recordingDatabase().db,
};

/** Builds a service whose database records queries, so a test can prove none ran. */
function service() {
  const { db, queries } = recordingDatabase();
  return { q: createQuarantineService({ ...base, database: db }), queries };
}

/** Runs `fn` and returns the QUARANTINE_INVALID_CONFIG error it throws or rejects with. */
async function configError(fn: () => unknown): Promise<{ field?: string; message: string }> {
  try {
    await fn();
  } catch (e) {
    if (isQuarantineError(e) && e.code === 'QUARANTINE_INVALID_CONFIG') {
      return { message: e.message, ...(e.field === undefined ? {} : { field: e.field }) };
    }
    throw e;
  }
  throw new Error('expected QUARANTINE_INVALID_CONFIG');
}

const held = { tier: 'HIGH', labels: [], pluginResults: [] };

/** Every factory and method of the package that takes an options object, given an unknown key. */
const CASES: readonly {
  readonly call: string;
  readonly run: (key: string) => unknown;
  readonly field: (key: string) => string;
}[] = [
  {
    call: 'createQuarantineService(config)',
    run: (k) => createQuarantineService({ ...base, [k]: 1 }),
    field: (k) => k,
  },
  ...(['storage', 'encryption'] as const).map((nested) => ({
    call: `createQuarantineService({ ${nested}: … })`,
    run: (k: string) => createQuarantineService({ ...base, [nested]: { ...base[nested], [k]: 1 } }),
    field: (k: string) => `${nested}.${k}`,
  })),
  ...(['limits', 'cleanup', 'integrity'] as const).map((nested) => ({
    call: `createQuarantineService({ ${nested}: … })`,
    run: (k: string) => createQuarantineService({ ...base, [nested]: { [k]: 1 } }),
    field: (k: string) => `${nested}.${k}`,
  })),
  {
    call: 'store(content, metadata)',
    run: (k) => service().q.store('x', { ...held, [k]: 1 }),
    field: (k) => `metadata.${k}`,
  },
  { call: 'list(options)', run: (k) => service().q.list({ [k]: 1 }), field: (k) => k },
  {
    call: 'updateStatus(id, status, options)',
    run: (k) => service().q.updateStatus(ID, 'UNDER_REVIEW', { [k]: 1 }),
    field: (k) => k,
  },
  {
    call: 'release(id, options)',
    run: (k) => service().q.release(ID, { [k]: 1 }),
    field: (k) => k,
  },
  { call: 'delete(id, options)', run: (k) => service().q.delete(ID, { [k]: 1 }), field: (k) => k },
  {
    call: 'createAccessToken(id, options)',
    run: (k) => service().q.createAccessToken(ID, { actor: 'm', [k]: 1 }),
    field: (k) => k,
  },
  {
    call: 'verifyAccessToken(token, options)',
    run: (k) => service().q.verifyAccessToken('t', { [k]: 1 }),
    field: (k) => k,
  },
  { call: 'rotateKeys(options)', run: (k) => service().q.rotateKeys({ [k]: 1 }), field: (k) => k },
  {
    call: 'createLocalKeyProvider(keyring)',
    run: (k) =>
      createLocalKeyProvider({ activeKeyId: 'k1', keys: { k1: masterKey }, [k]: 1 } as never),
    field: (k) => `encryption.keyring.${k}`,
  },
  {
    call: 'createKmsKeyProvider(options)',
    run: (k) =>
      createKmsKeyProvider({
        client: { send: async () => ({}) },
        keys: { k1: 'alias/x' },
        activeKeyId: 'k1',
        [k]: 1,
      } as never),
    field: (k) => `encryption.keyProvider.${k}`,
  },
];

describe('nothing silently ignored', () => {
  /** regression: issue 11 */
  it.each(CASES)('$call rejects an unknown key, naming it', async (c) => {
    const e = await configError(() => c.run('notAnOption'));
    expect(e.field).toBe(c.field('notAnOption'));
    expect(e.message).toContain('`notAnOption`');
  });

  it('checks options before touching the database', async () => {
    const { q, queries } = service();
    await configError(() => q.list({ offset: 20 } as never));
    await configError(() => q.store('x', { ...held, score: 0.9 } as never));
    expect(queries).toHaveLength(0);
  });

  it('gives hints for foreign names', async () => {
    const { q } = service();
    expect((await configError(() => q.list({ offset: 20 } as never))).message).toContain(
      '`nextCursor` as `cursor`',
    );
    expect(
      (
        await configError(() =>
          createQuarantineService({ ...base, forcePathStyle: false } as never),
        )
      ).message,
    ).toContain('`storage.forcePathStyle`');
    const storage = { ...base.storage, accessKeyId: 'a' };
    expect(
      (await configError(() => createQuarantineService({ ...base, storage } as never))).message,
    ).toContain('`accessKey`');
  });

  it('accepts the deployment guide and env helper shapes unchanged', () => {
    expect(() =>
      createQuarantineService({
        ...base,
        storage: { ...base.storage, forcePathStyle: false, region: 'us-east-1' },
        expiryHours: 72,
      }),
    ).not.toThrow();
    const fromEnv = quarantineConfigFromEnv({
      S3_ENDPOINT: 'http://127.0.0.1:1',
      S3_BUCKET: 'b',
      S3_ACCESS_KEY: 'a',
      S3_SECRET_KEY: 's',
      ENCRYPTION_MASTER_KEY: masterKey,
    });
    expect(() => createQuarantineService({ ...fromEnv, database: base.database })).not.toThrow();
  });
});
