import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shannon } from './checksums.js';

/** Entropy summed over a Map in insertion order: the definition the fast version must equal bit for bit. */
function reference(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

describe('shannon', () => {
  it('is 0 for one repeated character and 1 for two equally frequent ones', () => {
    expect(shannon('aaaa')).toBe(0);
    expect(shannon('abab')).toBe(1);
  });
  it('equals the Map-based definition exactly, and leaves no state behind', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        expect(shannon(s)).toBe(reference(s));
        expect(shannon(s)).toBe(reference(s));
      }),
      { numRuns: 2000 },
    );
  });
});
