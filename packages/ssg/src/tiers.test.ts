import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSSGError } from './errors.js';
import {
  DEFAULT_TIER_THRESHOLDS,
  normalizeScore,
  scoreToTier,
  TIER_ORDER,
  type TierThreshold,
  tierToVerdict,
  validateTierThresholds,
} from './tiers.js';

const rank = (tier: string): number => TIER_ORDER.indexOf(tier as (typeof TIER_ORDER)[number]);

/** Arbitrary valid tier tables: four cut points 1 <= c1 < c2 < c3 < c4 <= 100. */
const validTables = fc
  .uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 4, maxLength: 4 })
  .map((cuts) => {
    const [a, b, c, d] = [...cuts].sort((x, y) => x - y) as [number, number, number, number];
    return [
      { tier: 'CLEAR', min: 0, max: a - 1 },
      { tier: 'LOW', min: a, max: b - 1 },
      { tier: 'MODERATE', min: b, max: c - 1 },
      { tier: 'HIGH', min: c, max: d - 1 },
      { tier: 'CRITICAL', min: d },
    ] as TierThreshold[];
  });

const anyNumber = fc.oneof(
  fc.double(),
  fc.double({ min: -200, max: 200 }),
  fc.integer({ min: -10, max: 110 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 29.5, 0.01),
);

describe('scoreToTier with the default table', () => {
  it.each([
    [0, 'CLEAR'],
    [1, 'LOW'],
    [29, 'LOW'],
    [30, 'MODERATE'],
    [59, 'MODERATE'],
    [60, 'HIGH'],
    [84, 'HIGH'],
    [85, 'CRITICAL'],
    [100, 'CRITICAL'],
    [1000, 'CRITICAL'],
  ])('maps %d to %s', (score, tier) => {
    expect(scoreToTier(score)).toBe(tier);
  });

  it('rounds fractions up toward more risk', () => {
    expect(scoreToTier(29.5)).toBe('MODERATE');
    expect(scoreToTier(0.01)).toBe('LOW');
    expect(scoreToTier(84.0001)).toBe('CRITICAL');
    expect(scoreToTier(29)).toBe('LOW');
  });

  it('clamps negatives and infinities, and fails closed on NaN', () => {
    expect(scoreToTier(-5)).toBe('CLEAR');
    expect(scoreToTier(-0.5)).toBe('CLEAR');
    expect(scoreToTier(Number.NEGATIVE_INFINITY)).toBe('CLEAR');
    expect(scoreToTier(Number.POSITIVE_INFINITY)).toBe('CRITICAL');
    expect(scoreToTier(Number.NaN)).toBe('CRITICAL');
  });

  it('maps tiers to verdicts', () => {
    expect(TIER_ORDER.map(tierToVerdict)).toEqual(['PASS', 'PASS', 'WARN', 'QUARANTINE', 'BLOCK']);
  });
});

describe('scoreToTier properties', () => {
  it('is total: every number maps to exactly one known tier, the one whose range holds it', () => {
    fc.assert(
      fc.property(validTables, anyNumber, (table, score) => {
        const tier = scoreToTier(score, table);
        expect(TIER_ORDER).toContain(tier);
        const n = normalizeScore(score);
        if (Number.isNaN(n)) {
          expect(tier).toBe('CRITICAL');
          return;
        }
        const holding = table.filter(
          (row) => n >= row.min && (row.max === undefined || n <= row.max),
        );
        expect(holding.map((row) => row.tier)).toEqual([tier]);
      }),
      { numRuns: 500 },
    );
  });

  it('is monotonic: a higher score never gives a lower tier', () => {
    const finiteOrInf = anyNumber.filter((n) => !Number.isNaN(n));
    fc.assert(
      fc.property(validTables, finiteOrInf, finiteOrInf, (table, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank(scoreToTier(lo, table))).toBeLessThanOrEqual(rank(scoreToTier(hi, table)));
      }),
      { numRuns: 500 },
    );
  });

  it('accepts every generated valid table', () => {
    fc.assert(
      fc.property(validTables, (table) => {
        expect(validateTierThresholds(table)).toEqual(table);
      }),
      { numRuns: 200 },
    );
  });
});

describe('validateTierThresholds', () => {
  const base = (): Record<string, unknown>[] => DEFAULT_TIER_THRESHOLDS.map((row) => ({ ...row }));
  const fieldOf = (value: unknown): string | undefined => {
    try {
      validateTierThresholds(value);
    } catch (error) {
      expect(isSSGError(error) && error.code).toBe('SSG_INVALID_CONFIG');
      return (error as { field?: string }).field;
    }
    return undefined;
  };

  it('accepts the default table and returns a frozen copy', () => {
    const out = validateTierThresholds(base());
    expect(out).toEqual(DEFAULT_TIER_THRESHOLDS);
    expect(Object.isFrozen(out)).toBe(true);
  });

  it('rejects tables that are not five rows', () => {
    expect(fieldOf('x')).toBe('tiers');
    expect(fieldOf(base().slice(1))).toBe('tiers');
  });

  it('rejects a table that does not start at 0', () => {
    const t = base();
    t[0] = { tier: 'CLEAR', min: 1, max: 1 };
    t[1] = { tier: 'LOW', min: 2, max: 29 };
    expect(fieldOf(t)).toBe('tiers[0].min');
  });

  it('rejects gaps and overlaps (not contiguous)', () => {
    const gap = base();
    gap[2] = { tier: 'MODERATE', min: 31, max: 59 };
    expect(fieldOf(gap)).toBe('tiers[2].min');
    const overlap = base();
    overlap[3] = { tier: 'HIGH', min: 50, max: 84 };
    expect(fieldOf(overlap)).toBe('tiers[3].min');
  });

  it('rejects tiers out of order, fractional bounds, max < min, and a closed top', () => {
    const order = base();
    order[1] = { ...order[1], tier: 'MODERATE' };
    expect(fieldOf(order)).toBe('tiers[1].tier');
    const fraction = base();
    fraction[1] = { tier: 'LOW', min: 1, max: 29.5 };
    expect(fieldOf(fraction)).toBe('tiers[1].max');
    const inverted = base();
    inverted[1] = { tier: 'LOW', min: 1, max: 0 };
    expect(fieldOf(inverted)).toBe('tiers[1].max');
    const closed = base();
    closed[4] = { tier: 'CRITICAL', min: 85, max: 100 };
    expect(fieldOf(closed)).toBe('tiers[4].max');
    const unreachable = base();
    unreachable[3] = { tier: 'HIGH', min: 60, max: 100 };
    unreachable[4] = { tier: 'CRITICAL', min: 101 };
    expect(fieldOf(unreachable)).toBe('tiers[4].min');
  });

  it('rejects any table with a random row mutated to break contiguity', () => {
    fc.assert(
      fc.property(
        validTables,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        (t, i, d) => {
          const rows = t.map((r) => ({ ...r }));
          const row = rows[i] as { min: number };
          row.min += d;
          expect(() => validateTierThresholds(rows)).toThrow(/invalid config/);
        },
      ),
      { numRuns: 200 },
    );
  });
});
