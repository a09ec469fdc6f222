import { hkdfSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../src/internal/tokens.js';
import type { Quarantine } from '../../src/types.js';
import { codeOf, type Env, fakeClock, META, setupEnv } from './setup.js';

describe('access tokens', () => {
  let env: Env;
  let q: Quarantine;
  const clock = fakeClock();

  beforeAll(async () => {
    env = await setupEnv();
    q = env.make({ now: clock.now });
  });
  afterAll(async () => {
    await env.teardown();
  });

  /** regression: issue 4 (upstream's "signed URL" handed reviewers raw ciphertext; ours is an HMAC grant checked against the record) */
  it('issues access tokens bound to record and actor; expiry, tampering and replay fail', async () => {
    const id = await q.store('token content', META);
    const token = await q.createAccessToken(id, { expiresIn: 300, actor: 'mod-1' });
    expect(await q.verifyAccessToken(token)).toEqual({
      recordId: id,
      actor: 'mod-1',
      expiresAt: new Date(clock.now().getTime() + 300_000),
    });
    expect(await q.verifyAccessToken(token, { actor: 'mod-1' })).toMatchObject({ recordId: id });
    expect(await codeOf(q.verifyAccessToken(token, { actor: 'mod-2' }))).toBe(
      'QUARANTINE_TOKEN_INVALID',
    );
    expect(await q.verifyAccessToken(token, { recordId: id.toUpperCase() })).toMatchObject({
      actor: 'mod-1',
    });
    expect(
      await codeOf(
        q.verifyAccessToken(token, { recordId: '6f1c7f5e-3b0a-4c1e-9a43-2f1d2b3c4d5e' }),
      ),
    ).toBe('QUARANTINE_TOKEN_INVALID');
    const [p, body, sig] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, a: 'mod-evil' })).toString('base64url');
    expect(await codeOf(q.verifyAccessToken(`${p}.${forged}.${sig}`))).toBe(
      'QUARANTINE_TOKEN_INVALID',
    );
    const flippedSig = `${sig.slice(0, -2)}${sig.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(await codeOf(q.verifyAccessToken(`${p}.${body}.${flippedSig}`))).toBe(
      'QUARANTINE_TOKEN_INVALID',
    );
    expect(await codeOf(q.verifyAccessToken('garbage'))).toBe('QUARANTINE_TOKEN_INVALID');
    expect(await codeOf(q.verifyAccessToken(42 as unknown as string))).toBe(
      'QUARANTINE_TOKEN_INVALID',
    );
    // A different master key cannot mint tokens this service accepts. (A service
    // holding another key under the same id cannot even authenticate the record
    // since issue 16, so the foreign token is signed directly.)
    const foreignKey = Buffer.from(
      hkdfSync(
        'sha256',
        Buffer.alloc(32, 7),
        Buffer.alloc(0),
        'clawexchange-quarantine:access-token:v1',
        32,
      ),
    );
    const foreign = signToken(foreignKey, {
      r: id,
      a: 'mod-1',
      e: clock.now().getTime() + 60_000,
      k: 'default',
    });
    expect(await codeOf(q.verifyAccessToken(foreign))).toBe('QUARANTINE_TOKEN_INVALID');
    expect(await codeOf(q.createAccessToken(id, { actor: 'mod-1', expiresIn: 86_400 }))).toBe(
      'QUARANTINE_INVALID_INPUT',
    );
    expect(await codeOf(q.createAccessToken(id, { actor: '' }))).toBe('QUARANTINE_INVALID_INPUT');

    clock.advance(301_000);
    expect(await codeOf(q.verifyAccessToken(token))).toBe('QUARANTINE_TOKEN_EXPIRED');
    const fresh = await q.createAccessToken(id, { actor: 'mod-1' });
    await q.delete(id);
    expect(await codeOf(q.verifyAccessToken(fresh))).toBe('QUARANTINE_TOKEN_REVOKED');
    expect(await codeOf(q.createAccessToken(id, { actor: 'mod-1' }))).toBe(
      'QUARANTINE_CONTENT_UNAVAILABLE',
    );
  });

  it('a genuine token stops working once its record is released or past its expiry', async () => {
    const released = await q.store('released content', META);
    const t1 = await q.createAccessToken(released, { actor: 'mod-1' });
    await q.release(released);
    expect(await codeOf(q.verifyAccessToken(t1))).toBe('QUARANTINE_TOKEN_REVOKED');

    const short = env.make({ now: clock.now, expiryHours: 0.01 }); // 36 s
    const expiring = await short.store('expiring content', META);
    const t2 = await short.createAccessToken(expiring, { actor: 'mod-1', expiresIn: 300 });
    expect(await short.verifyAccessToken(t2)).toMatchObject({ recordId: expiring });
    clock.advance(37_000);
    // Not yet swept by cleanup(), but past expiresAt: no longer viewable.
    expect(await codeOf(short.verifyAccessToken(t2))).toBe('QUARANTINE_TOKEN_REVOKED');
  });
});
