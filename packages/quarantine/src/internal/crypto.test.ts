import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLocalKeyProvider } from '../key-provider.js';
import { contentAad, open, pack, seal, unpack, wrapAad } from './crypto.js';

const key = randomBytes(32);

describe('AES-256-GCM seal/open', () => {
  it('open(seal(x)) = x for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.string(), (bytes, rid) => {
        const aad = contentAad(rid, 'dk');
        expect(open(key, seal(key, bytes, aad), aad)).toEqual(Buffer.from(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('any flipped bit in ciphertext, IV or tag fails authentication', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 256 }),
        fc.constantFrom('ciphertext', 'iv', 'tag'),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (bytes, part, at, bit) => {
          const aad = contentAad('r', 'd');
          const sealed = seal(key, bytes, aad);
          const target = Buffer.from(sealed[part as 'ciphertext' | 'iv' | 'tag']);
          const i = at % target.length;
          target[i] = (target[i] ?? 0) ^ (1 << bit);
          expect(() => open(key, { ...sealed, [part]: target }, aad)).toThrow(
            expect.objectContaining({ code: 'QUARANTINE_INTEGRITY_FAILED' }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a different record id or data key id in the AAD fails', () => {
    const sealed = seal(key, Buffer.from('x'), contentAad('r1', 'd1'));
    expect(() => open(key, sealed, contentAad('r2', 'd1'))).toThrow();
    expect(() => open(key, sealed, contentAad('r1', 'd2'))).toThrow();
    expect(() => open(key, unpack(pack(sealed)), contentAad('r1', 'd1'))).not.toThrow();
  });
});

describe('local key provider', () => {
  const ctx = { recordId: 'r1', dataKeyId: 'd1' };

  it('wraps under the active key and unwraps only with matching record, data key and key id', async () => {
    const provider = createLocalKeyProvider({
      activeKeyId: 'new',
      keys: { new: randomBytes(32).toString('base64'), old: randomBytes(32) },
    });
    const generated = await provider.generateDataKey(ctx);
    expect(generated.keyId).toBe('new');
    expect(generated.wrappedKey).toHaveLength(12 + 32 + 16);
    const plain = await provider.unwrapDataKey(generated, ctx);
    expect(Buffer.from(plain)).toEqual(Buffer.from(generated.plaintextKey));
    await expect(
      provider.unwrapDataKey(generated, { ...ctx, recordId: 'r2' }),
    ).rejects.toMatchObject({
      code: 'QUARANTINE_INTEGRITY_FAILED',
    });
    await expect(provider.unwrapDataKey({ ...generated, keyId: 'old' }, ctx)).rejects.toMatchObject(
      {
        code: 'QUARANTINE_INTEGRITY_FAILED',
      },
    );
    await expect(
      provider.unwrapDataKey({ ...generated, keyId: 'gone' }, ctx),
    ).rejects.toMatchObject({
      code: 'QUARANTINE_KEY_UNAVAILABLE',
    });
    await expect(
      provider.unwrapDataKey({ ...generated, wrappedKey: new Uint8Array(5) }, ctx),
    ).rejects.toMatchObject({ code: 'QUARANTINE_INTEGRITY_FAILED' });
    expect(wrapAad('r', 'd', 'k')).not.toEqual(wrapAad('r', 'd', 'k2'));
    expect(JSON.stringify(provider)).not.toMatch(/[A-Za-z0-9+/]{43}=/);
  });
});
