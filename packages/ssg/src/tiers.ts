/**
 * Score → tier → verdict mapping, and validation of custom tier thresholds.
 *
 * The rule, total over every JavaScript number:
 * 1. `NaN` maps to the highest tier (fail closed). The runner never gets
 *    here with NaN: a plugin that returns a NaN score is treated as a failed
 *    plugin (`PLUGIN_ERROR:<id>`), see `onPluginError`.
 * 2. Otherwise the score is rounded UP to an integer (toward more risk, so
 *    29.5 is MODERATE and 0.01 is LOW: CLEAR means exactly nothing found),
 *    then clamped to [0, 100] (negative and -Infinity → 0, +Infinity → 100).
 * 3. The tier is the one whose inclusive range `[min, max]` holds that
 *    integer; the top tier has no `max`.
 */
import { invalidConfig } from './errors.js';
import { checkSSGOptions, tierRowSpec } from './internal/options.js';
import { RiskTier, Verdict } from './types.js';

/** One row of the tier table: an inclusive integer range of scores. */
export type TierThreshold = {
  /** The tier this row defines. */
  readonly tier: RiskTier;
  /** Lowest score (inclusive, integer) in this tier. */
  readonly min: number;
  /** Highest score (inclusive, integer); omitted on the top tier only. */
  readonly max?: number;
};

/** Tier order, lowest risk first; custom thresholds must list tiers in this order. */
export const TIER_ORDER: readonly RiskTier[] = [
  RiskTier.CLEAR,
  RiskTier.LOW,
  RiskTier.MODERATE,
  RiskTier.HIGH,
  RiskTier.CRITICAL,
];

/** The default tier table: CLEAR 0, LOW 1–29, MODERATE 30–59, HIGH 60–84, CRITICAL 85+. */
export const DEFAULT_TIER_THRESHOLDS: readonly TierThreshold[] = [
  { tier: RiskTier.CLEAR, min: 0, max: 0 },
  { tier: RiskTier.LOW, min: 1, max: 29 },
  { tier: RiskTier.MODERATE, min: 30, max: 59 },
  { tier: RiskTier.HIGH, min: 60, max: 84 },
  { tier: RiskTier.CRITICAL, min: 85 },
];

/** Highest score a plugin can contribute; larger scores are clamped to it. */
const MAX_SCORE = 100;

const VERDICT_BY_TIER: Readonly<Record<RiskTier, Verdict>> = {
  CLEAR: Verdict.PASS,
  LOW: Verdict.PASS,
  MODERATE: Verdict.WARN,
  HIGH: Verdict.QUARANTINE,
  CRITICAL: Verdict.BLOCK,
};

/**
 * The verdict a tier leads to: CLEAR and LOW → PASS, MODERATE → WARN,
 * HIGH → QUARANTINE, CRITICAL → BLOCK.
 *
 * @param tier - a risk tier
 * @returns its verdict
 */
export function tierToVerdict(tier: RiskTier): Verdict {
  return VERDICT_BY_TIER[tier];
}

/**
 * Normalises a plugin score to the integer the tier table is read with
 * (rounded up, clamped to [0, 100]). NaN stays NaN.
 *
 * @param score - any number
 * @returns an integer in [0, 100], or NaN
 */
export function normalizeScore(score: number): number {
  if (Number.isNaN(score)) return Number.NaN;
  const up = Math.ceil(score);
  if (up <= 0) return 0;
  return Math.min(up, MAX_SCORE);
}

/**
 * Maps any number to exactly one tier (see the module rule above).
 *
 * @param score - a combined score (any number, including NaN and ±Infinity)
 * @param thresholds - a validated tier table
 * @returns the tier
 */
export function scoreToTier(
  score: number,
  thresholds: readonly TierThreshold[] = DEFAULT_TIER_THRESHOLDS,
): RiskTier {
  const normalized = normalizeScore(score);
  const top = thresholds[thresholds.length - 1] as TierThreshold;
  if (Number.isNaN(normalized)) return top.tier;
  for (let i = thresholds.length - 1; i > 0; i--) {
    const row = thresholds[i] as TierThreshold;
    if (normalized >= row.min) return row.tier;
  }
  return (thresholds[0] as TierThreshold).tier;
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function validateRow(row: unknown, index: number, isTop: boolean): TierThreshold {
  const field = `tiers[${index}]`;
  if (typeof row !== 'object' || row === null) throw invalidConfig(field, 'an object');
  checkSSGOptions(row, tierRowSpec(index));
  const { tier, min, max } = row as Record<string, unknown>;
  if (tier !== TIER_ORDER[index]) {
    throw invalidConfig(`${field}.tier`, `'${TIER_ORDER[index]}' (tiers CLEAR..CRITICAL in order)`);
  }
  if (!isInteger(min) || min < 0 || min > MAX_SCORE) {
    throw invalidConfig(`${field}.min`, `an integer from 0 to ${MAX_SCORE}`);
  }
  if (isTop) {
    if (max !== undefined)
      throw invalidConfig(`${field}.max`, 'no max on the top tier (open-ended)');
    return { tier: tier as RiskTier, min };
  }
  if (!isInteger(max) || max < min) {
    throw invalidConfig(`${field}.max`, 'an integer greater than or equal to min');
  }
  return { tier: tier as RiskTier, min, max };
}

/**
 * Validates a custom tier table: all five tiers in order CLEAR..CRITICAL,
 * integer bounds, starting at 0, contiguous (each `min` is the previous
 * `max + 1`), and an open-ended top tier (no `max`).
 *
 * @param value - the `tiers` config field
 * @returns a frozen copy of the table
 * @throws {SSGError} SSG_INVALID_CONFIG naming the offending field
 */
export function validateTierThresholds(value: unknown): readonly TierThreshold[] {
  if (!Array.isArray(value) || value.length !== TIER_ORDER.length) {
    throw invalidConfig('tiers', `an array of ${TIER_ORDER.length} rows, CLEAR..CRITICAL`);
  }
  const rows = value.map((row: unknown, i) => validateRow(row, i, i === value.length - 1));
  if ((rows[0] as TierThreshold).min !== 0) throw invalidConfig('tiers[0].min', '0');
  for (let i = 1; i < rows.length; i++) {
    const prev = rows[i - 1] as TierThreshold;
    if ((rows[i] as TierThreshold).min !== (prev.max as number) + 1) {
      throw invalidConfig(`tiers[${i}].min`, `tiers[${i - 1}].max + 1 (contiguous ranges)`);
    }
  }
  return Object.freeze(rows.map((row) => Object.freeze(row)));
}
