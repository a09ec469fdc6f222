import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { longestRun } from './placeholder.js';

/** The longest run of one repeated unit, read the plain way (two reads per unit). */
function reference(s: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    run = i > 0 && s[i] === s[i - 1] ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

describe('longestRun', () => {
  it('measures runs', () => {
    expect(longestRun('')).toBe(0);
    expect(longestRun('a')).toBe(1);
    expect(longestRun('abbbcc')).toBe(3);
  });
  it('equals the plain definition', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 80 }),
          fc.string({ unit: fc.constantFrom('a', 'b', '\uffff', '\ud800'), maxLength: 60 }),
        ),
        (s) => {
          expect(longestRun(s)).toBe(reference(s));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
