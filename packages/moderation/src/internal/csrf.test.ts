import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCsrfTokens } from './csrf.js';

describe('CSRF tokens', () => {
  it('bind to the admin and the secret', () => {
    const a = createCsrfTokens(randomBytes(32));
    const b = createCsrfTokens(randomBytes(32));
    const t = a.issue('alice');
    expect(a.verify('alice', t)).toBe(true);
    expect(a.verify('bob', t)).toBe(false);
    expect(b.verify('alice', t)).toBe(false);
    for (const bad of [undefined, '', `${t}x`, t.slice(1), ['x'], 'x'.repeat(500)]) {
      expect(a.verify('alice', bad)).toBe(false);
    }
  });
});
