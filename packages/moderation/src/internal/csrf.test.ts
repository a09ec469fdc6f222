import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsrfTokens } from './csrf.js';

function clock(start = Date.UTC(2026, 0, 1)) {
  let t = start;
  return {
    now: () => new Date(t),
    advance(ms: number): void {
      t += ms;
    },
  };
}

const TTL = 3_600_000;

describe('CSRF tokens', () => {
  it('bind to the admin and the secret', () => {
    const c = clock();
    const a = createCsrfTokens({ secret: randomBytes(32), ttlMs: TTL, now: c.now });
    const b = createCsrfTokens({ secret: randomBytes(32), ttlMs: TTL, now: c.now });
    const t = a.issue({ adminId: 'alice' });
    expect(a.check({ adminId: 'alice' }, t)).toBe('ok');
    expect(a.check({ adminId: 'bob' }, t)).toBe('invalid');
    expect(b.check({ adminId: 'alice' }, t)).toBe('invalid');
    for (const bad of [undefined, '', `${t}x`, t.slice(1), ['x'], 'x'.repeat(500)]) {
      expect(a.check({ adminId: 'alice' }, bad)).toBe('invalid');
    }
  });

  /** regression: issue 15 */
  it('expire after the lifetime on the injected clock, and only then', () => {
    const c = clock();
    const a = createCsrfTokens({ secret: randomBytes(32), ttlMs: TTL, now: c.now });
    const t = a.issue({ adminId: 'alice', sessionId: 's1' });
    c.advance(TTL);
    expect(a.check({ adminId: 'alice', sessionId: 's1' }, t)).toBe('ok');
    c.advance(1);
    expect(a.check({ adminId: 'alice', sessionId: 's1' }, t)).toBe('expired');
    expect(
      a.check(
        { adminId: 'alice', sessionId: 's1' },
        a.issue({ adminId: 'alice', sessionId: 's1' }),
      ),
    ).toBe('ok');
  });

  /** regression: issue 15 */
  it('bind to the session when one is given; a session-less token is not a session token', () => {
    const c = clock();
    const a = createCsrfTokens({ secret: randomBytes(32), ttlMs: TTL, now: c.now });
    const t = a.issue({ adminId: 'alice', sessionId: 's1' });
    expect(a.check({ adminId: 'alice', sessionId: 's2' }, t)).toBe('invalid');
    expect(a.check({ adminId: 'alice' }, t)).toBe('invalid');
    expect(a.check({ adminId: 'alice', sessionId: 's1' }, a.issue({ adminId: 'alice' }))).toBe(
      'invalid',
    );
    expect(a.check({ adminId: 'alice', sessionId: '' }, a.issue({ adminId: 'alice' }))).toBe(
      'invalid',
    );
  });

  /** regression: issue 15 */
  it('refuse a moved issue time and a token from the future', () => {
    const c = clock();
    const a = createCsrfTokens({ secret: randomBytes(32), ttlMs: TTL, now: c.now });
    const t = a.issue({ adminId: 'alice' });
    c.advance(TTL + 1);
    const [, digest] = t.split('.');
    const moved = `${c.now().getTime().toString(36)}.${digest}`;
    expect(a.check({ adminId: 'alice' }, moved)).toBe('invalid');
    c.advance(-(TTL + 1) - 120_000);
    expect(a.check({ adminId: 'alice' }, t)).toBe('invalid');
  });

  it('no other (admin, session) pair accepts a token', () => {
    const c = clock();
    const a = createCsrfTokens({ secret: randomBytes(32), ttlMs: TTL, now: c.now });
    const binding = fc.record(
      { adminId: fc.string({ maxLength: 8 }), sessionId: fc.string({ maxLength: 8 }) },
      { requiredKeys: ['adminId'] },
    );
    fc.assert(
      fc.property(binding, binding, (x, y) => {
        const same = x.adminId === y.adminId && x.sessionId === y.sessionId;
        expect(a.check(y, a.issue(x)) === 'ok').toBe(same);
      }),
    );
  });
});
