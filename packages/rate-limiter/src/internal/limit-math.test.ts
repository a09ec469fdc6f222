import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PENALTIES, DEFAULT_TRUST_MULTIPLIERS } from '../config.js';
import { effectiveLimit } from './limit-math.js';

const factorsArb = fc.subarray([
  DEFAULT_PENALTIES.moderateContentLastHour,
  DEFAULT_PENALTIES.quarantineLast24h,
  DEFAULT_PENALTIES.multipleQuarantine7d,
]);
const trustArb = fc.constantFrom(...Object.values(DEFAULT_TRUST_MULTIPLIERS));
const baseArb = fc.integer({ min: 1, max: 100_000 });

describe('effectiveLimit', () => {
  it('matches the documented defaults', () => {
    expect(effectiveLimit(10, 0.5, [])).toBe(5); // POSTS, NEW
    expect(effectiveLimit(3, 0.5, [])).toBe(1); // burst floors at 1
    expect(effectiveLimit(60, 2, [])).toBe(120);
    expect(effectiveLimit(300, 10, [0.8, 0.5, 0.1])).toBe(120);
    expect(effectiveLimit(10, 1, [0.8])).toBe(8);
    expect(effectiveLimit(5, 1, [0.8])).toBe(4); // 5 * 0.8 is 4 despite binary fractions
    expect(effectiveLimit(10, 1, [0.1])).toBe(1);
  });

  it('is an integer of at least 1', () => {
    fc.assert(
      fc.property(baseArb, trustArb, factorsArb, (b, t, f) => {
        const n = effectiveLimit(b, t, f);
        return Number.isInteger(n) && n >= 1;
      }),
      { numRuns: 300 },
    );
  });

  it('penalties are cumulative: adding one never raises the limit', () => {
    fc.assert(
      fc.property(
        baseArb,
        trustArb,
        factorsArb,
        fc.constantFrom(0.8, 0.5, 0.1),
        (b, t, f, extra) => {
          return effectiveLimit(b, t, [...f, extra]) <= effectiveLimit(b, t, f);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is monotonic in trust and in the base limit', () => {
    fc.assert(
      fc.property(baseArb, trustArb, trustArb, factorsArb, (b, t1, t2, f) => {
        const [lo, hi] = t1 <= t2 ? [t1, t2] : [t2, t1];
        return (
          effectiveLimit(b, lo, f) <= effectiveLimit(b, hi, f) &&
          effectiveLimit(b, lo, f) <= effectiveLimit(b + 1, lo, f)
        );
      }),
      { numRuns: 300 },
    );
  });

  it('equals floor(base * trust * product) up to float noise, floored at 1', () => {
    fc.assert(
      fc.property(baseArb, trustArb, factorsArb, (b, t, f) => {
        const exact = f.reduce((acc, x) => acc * x, b * t);
        const n = effectiveLimit(b, t, f);
        return n === Math.max(1, Math.floor(exact)) || Math.abs(n - exact) < 1e-6;
      }),
      { numRuns: 300 },
    );
  });
});
