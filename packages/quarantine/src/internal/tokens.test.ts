import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signToken, verifyTokenSignature } from './tokens.js';

const key = randomBytes(32);
const keyFor = (k: string) => (k === 'k' ? key : undefined);
const claims = {
  r: '6f1c7f5e-3b0a-4c1e-9a43-2f1d2b3c4d5e',
  a: 'mod-1',
  e: 1_900_000_000_000,
  k: 'k',
};

describe('access token signatures', () => {
  it('verifies what it signed, and two tokens for the same claims differ', () => {
    const t1 = signToken(key, claims);
    const t2 = signToken(key, claims);
    expect(t1).not.toBe(t2);
    expect(verifyTokenSignature(t1, keyFor)).toMatchObject(claims);
  });

  it('rejects any single-character change anywhere in the token', () => {
    const token = signToken(key, claims);
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...'ABCxyz019-_.'), (at, ch) => {
        const i = at % token.length;
        fc.pre(token[i] !== ch);
        const tampered = `${token.slice(0, i)}${ch}${token.slice(i + 1)}`;
        expect(() => verifyTokenSignature(tampered, keyFor)).toThrow(
          expect.objectContaining({ code: 'QUARANTINE_TOKEN_INVALID' }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('answers any malformed input with TOKEN_INVALID, never another error', () => {
    const b64 = (v: string) => Buffer.from(v, 'utf8').toString('base64url');
    const body = fc.oneof(
      fc.string(),
      fc.json().map(b64),
      fc.anything().map((v) => b64(JSON.stringify(v) ?? 'undefined')),
      fc
        .record({ r: fc.anything(), a: fc.anything(), e: fc.anything(), k: fc.constant('k') })
        .map((v) => b64(JSON.stringify(v))),
    );
    const token = fc.oneof(
      fc.anything(),
      fc.string(),
      fc.tuple(fc.constantFrom('qt1', 'qt2', ''), body, fc.string()).map((p) => p.join('.')),
    );
    fc.assert(
      fc.property(token, (t) => {
        let thrown: unknown;
        try {
          verifyTokenSignature(t, keyFor);
        } catch (e) {
          thrown = e;
        }
        expect(thrown).toMatchObject({ name: 'QuarantineError', code: 'QUARANTINE_TOKEN_INVALID' });
      }),
      { numRuns: 500 },
    );
  });

  it('rejects unknown key ids and non-string or oversized input', () => {
    expect(() => verifyTokenSignature(signToken(key, { ...claims, k: 'x' }), keyFor)).toThrow();
    for (const bad of [undefined, 1, {}, 'a.b', 'x'.repeat(5000), 'qt1..']) {
      expect(() => verifyTokenSignature(bad, keyFor)).toThrow(
        expect.objectContaining({ code: 'QUARANTINE_TOKEN_INVALID' }),
      );
    }
  });
});
