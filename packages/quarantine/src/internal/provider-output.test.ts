import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createQuarantineService } from '../create-quarantine.js';
import type { GeneratedDataKey, KeyProvider } from '../types.js';
import { recordingDatabase } from './recording-database.js';

/** A custom provider that answers `generateDataKey` with `answer`. */
function provider(answer: unknown): KeyProvider {
  return {
    activeKeyId: 'custom',
    hasKey: () => true,
    generateDataKey: async () => answer as GeneratedDataKey,
    wrapDataKey: async () => ({ keyId: 'custom', wrappedKey: new Uint8Array(40) }),
    unwrapDataKey: async () => new Uint8Array(32),
  };
}

const good = { keyId: 'custom', wrappedKey: new Uint8Array(40), plaintextKey: randomBytes(32) };

describe('a custom key provider answering with a malformed data key', () => {
  it.each([
    ['a 16-byte data key', { ...good, plaintextKey: randomBytes(16) }],
    ['a data key that is not bytes', { ...good, plaintextKey: 'k'.repeat(32) }],
    ['a wrapped key that is not bytes', { ...good, wrappedKey: 'wrapped' }],
    ['a key id too long for the encryption_keys column', { ...good, keyId: 'k'.repeat(65) }],
    ['no answer at all', undefined],
  ])('fails store() with KEY_PROVIDER_FAILED before any write (%s)', async (_, answer) => {
    const { db, queries } = recordingDatabase();
    const q = createQuarantineService({
      storage: { endpoint: 'http://127.0.0.1:1', bucket: 'b', accessKey: 'a', secretKey: 's' },
      encryption: { keyProvider: provider(answer), tokenSecret: randomBytes(32) },
      database: db,
    });
    await expect(
      q.store('content', { tier: 'HIGH', labels: [], pluginResults: [] }),
    ).rejects.toMatchObject({
      name: 'QuarantineError',
      code: 'QUARANTINE_KEY_PROVIDER_FAILED',
    });
    expect(queries).toEqual([]);
  });
});
