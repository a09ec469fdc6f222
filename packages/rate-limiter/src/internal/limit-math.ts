import type { PenaltyName } from '../types.js';

/** Penalty names in the order their factors multiply (the Lua script uses the same order). */
export const PENALTY_ORDER: readonly PenaltyName[] = [
  'moderateContentLastHour',
  'quarantineLast24h',
  'multipleQuarantine7d',
];

/**
 * Guards `floor` against binary fractions such as 5 * 0.8 = 3.9999999999999996;
 * the Lua script adds the same epsilon so both sides agree.
 */
const EPSILON = 1e-9;

/**
 * Effective limit: `floor(base * trust * product(active factors))`, at least 1.
 * Factors multiply left to right in `PENALTY_ORDER`.
 *
 * @param base - the tier's configured limit
 * @param trust - the trust multiplier
 * @param factors - the factors of the active penalties, in order
 * @returns an integer >= 1
 */
export function effectiveLimit(base: number, trust: number, factors: readonly number[]): number {
  let value = base * trust;
  for (const f of factors) value *= f;
  return Math.max(1, Math.floor(value + EPSILON));
}
