import { randomBytes } from 'node:crypto';
import { KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKmsKeyProvider } from '../../src/kms-key-provider.js';
import { type FakeKms, startFakeKms } from './fake-kms.js';
import { codeOf, type Env, META, setupEnv } from './setup.js';

describe('AWS KMS key provider against a local server speaking the KMS JSON protocol', () => {
  let env: Env;
  let kms: FakeKms;
  let client: KMSClient;
  const tokenSecret = randomBytes(32).toString('base64');

  beforeAll(async () => {
    [env, kms] = await Promise.all([setupEnv(), startFakeKms(['key-a', 'key-b'])]);
    client = new KMSClient({
      endpoint: kms.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDFAKEKMS', secretAccessKey: 'fake-kms-secret' },
    });
  });
  afterAll(async () => {
    client.destroy();
    await Promise.all([env.teardown(), kms.close()]);
  });

  function make(activeKeyId: string) {
    const keyProvider = createKmsKeyProvider({
      client,
      keys: { a: 'alias/key-a', b: 'alias/key-b' },
      activeKeyId,
    });
    return env.make({ encryption: { keyProvider, tokenSecret } });
  }

  it('wraps with GenerateDataKey and unwraps with Decrypt, binding the record as encryption context', async () => {
    const q = make('a');
    kms.requests.length = 0;
    const id = await q.store('held under KMS', META);
    expect(await q.read(id)).toBe('held under KMS');
    const [gen, dec] = kms.requests;
    expect(gen?.target).toBe('TrentService.GenerateDataKey');
    expect(gen?.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(String(gen?.headers.authorization)).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDFAKEKMS\/\d{8}\/us-east-1\/kms\/aws4_request/,
    );
    expect(gen?.body).toMatchObject({
      KeyId: 'alias/key-a',
      KeySpec: 'AES_256',
      EncryptionContext: { 'clawexchange:quarantine:recordId': id },
    });
    expect(dec?.target).toBe('TrentService.Decrypt');
    const [rows] = await env.db.sequelize.query(
      'SELECT master_key_id, wrapped_key FROM encryption_keys WHERE record_id = $1',
      { bind: [id] },
    );
    const row = rows[0] as { master_key_id: string; wrapped_key: Buffer };
    expect(row.master_key_id).toBe('a');
    expect(dec?.body.CiphertextBlob).toBe(row.wrapped_key.toString('base64'));
    expect(JSON.stringify(kms.requests.map((r) => r.body))).not.toContain('held under KMS');
  });

  it('a wrapped key moved to another record is refused by KMS (INTEGRITY_FAILED)', async () => {
    const q = make('a');
    const x = await q.store('record x', META);
    const y = await q.store('record y', META);
    await env.db.sequelize.query(
      'UPDATE encryption_keys SET wrapped_key = (SELECT wrapped_key FROM encryption_keys WHERE record_id = $2) WHERE record_id = $1',
      { bind: [x, y] },
    );
    expect(await codeOf(q.read(x))).toBe('QUARANTINE_INTEGRITY_FAILED');
    expect(kms.requests.at(-1)?.target).toBe('TrentService.Decrypt');
    expect(await q.read(y)).toBe('record y');
  });

  it('rotates from one KMS key to another with Encrypt, without touching S3', async () => {
    const q = make('a');
    const id = await q.store('rotate under KMS', META);
    const qb = make('b');
    kms.requests.length = 0;
    const result = await qb.rotateKeys();
    // The record whose wrapped key was swapped in the previous test cannot be unwrapped: skipped.
    expect(result.remaining).toBe(1);
    expect(result.rewrapped).toBeGreaterThanOrEqual(1);
    expect(
      kms.requests.some(
        (r) => r.target === 'TrentService.Encrypt' && r.body.KeyId === 'alias/key-b',
      ),
    ).toBe(true);
    expect(await qb.keyUsage()).toMatchObject({ b: expect.any(Number) });
    expect(await qb.read(id)).toBe('rotate under KMS');
  });

  it('when KMS is unreachable, store fails with KEY_PROVIDER_FAILED and writes nothing', async () => {
    const dead = new KMSClient({
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDFAKEKMS', secretAccessKey: 'fake-kms-secret' },
      maxAttempts: 1,
    });
    const q = env.make({
      encryption: {
        keyProvider: createKmsKeyProvider({
          client: dead,
          keys: { a: 'alias/key-a' },
          activeKeyId: 'a',
        }),
        tokenSecret,
      },
    });
    const [before] = await env.db.sequelize.query(
      'SELECT count(*)::int AS n FROM quarantine_records',
    );
    expect(await codeOf(q.store('never held', META))).toBe('QUARANTINE_KEY_PROVIDER_FAILED');
    const [after] = await env.db.sequelize.query(
      'SELECT count(*)::int AS n FROM quarantine_records',
    );
    expect(after).toEqual(before);
    dead.destroy();
  });

  it('refuses a bad KMS provider config', () => {
    expect(() =>
      createKmsKeyProvider({ client, keys: { a: 'alias/key-a' }, activeKeyId: 'z' }),
    ).toThrow(
      expect.objectContaining({
        code: 'QUARANTINE_INVALID_CONFIG',
        field: 'encryption.keyProvider.activeKeyId',
      }),
    );
    expect(() =>
      createKmsKeyProvider({ client: {} as never, keys: { a: 'alias/key-a' }, activeKeyId: 'a' }),
    ).toThrow(expect.objectContaining({ field: 'encryption.keyProvider.client' }));
  });
});
