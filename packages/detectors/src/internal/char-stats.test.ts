import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charStats } from './char-stats.js';

/** The three statistics computed the plain way (entropy over a Map in insertion order). */
function reference(s: string): { entropy: number; longestRun: number; ascending: boolean } {
  const counts = new Map<string, number>();
  let longestRun = 0;
  let run = 0;
  let seq = 1;
  let ascending = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    run = i > 0 && s[i] === s[i - 1] ? run + 1 : 1;
    longestRun = Math.max(longestRun, run);
    if (i > 0) seq = s.charCodeAt(i) - s.charCodeAt(i - 1) === 1 ? seq + 1 : 1;
    if (seq >= 10) ascending = true;
  }
  let entropy = 0;
  for (const n of counts.values()) entropy -= (n / s.length) * Math.log2(n / s.length);
  return { entropy, longestRun, ascending };
}

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', '1', '2', '3'), maxLength: 40 }),
  fc.integer({ min: 0, max: 20 }).map((k) => 'abcdefghijklmnopqrstu'.slice(0, k)),
);

describe('charStats', () => {
  it('measures entropy, runs and ascending sequences', () => {
    expect(charStats('aaaa')).toEqual({ entropy: 0, longestRun: 4, ascending: false });
    expect(charStats('abab').entropy).toBe(1);
    expect(charStats('x0123456789').ascending).toBe(true);
    expect(charStats('012345678').ascending).toBe(false);
  });
  it('equals the plain definitions exactly, and leaves no state behind', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(charStats(s)).toEqual(reference(s));
        expect(charStats(s)).toEqual(reference(s));
      }),
      { numRuns: 3000 },
    );
  });
});
