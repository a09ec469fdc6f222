/**
 * Work budgets for one scan: validation of `options.budget`, and the meter a
 * budgeted scan asks before each slice of the text. A synchronous scan cannot
 * be interrupted from outside, so a budgeted scan reads the text in slices
 * and stops between two of them once the budget is spent; what it found in
 * the slices it read is kept and reported with how far it got.
 */
import { DetectorError, DetectorErrorCode } from '../errors.js';
import type { ScanBudget } from '../types.js';
import { checkDetectorOptions } from './option-keys.js';

/**
 * Largest slice a budgeted scan reads between two checks: small enough that
 * one slice stays within a few milliseconds at the engine's speed, large
 * enough that a typical post is one slice (and scanned exactly as without a
 * budget).
 */
export const BUDGET_SLICE_CHARS = 65_536;

/** Smallest `budget.maxWorkChars`: one slice must hold a useful window. */
const MIN_WORK_CHARS = 1024;

/** A validated budget. */
export type ResolvedBudget = {
  readonly deadlineMs: number | undefined;
  readonly maxWorkChars: number | undefined;
  readonly now: () => number;
};

/** Asked before each slice; says whether the slice may be read. */
export type BudgetMeter = {
  /**
   * Whether a slice of `chars` characters may be read now; when it may, its
   * characters are counted as spent.
   */
  readonly allows: (chars: number) => boolean;
};

const BUDGET_KEYS: readonly string[] = ['deadlineMs', 'maxWorkChars', 'now'];

function invalid(field: string, what: string): DetectorError {
  return new DetectorError(
    DetectorErrorCode.INVALID_OPTIONS,
    `invalid option \`${field}\`: expected ${what}`,
    { field },
  );
}

const defaultNow = (): number => performance.now();

/**
 * Validates `options.budget`.
 * @param value - what the caller passed as `budget`
 * @returns the budget, or `undefined` when none was given
 * @throws {DetectorError} DETECTORS_INVALID_OPTIONS naming the field at fault
 */
export function resolveBudget(value: unknown): ResolvedBudget | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid('budget', 'an object');
  checkDetectorOptions(value, { name: 'scan options', path: 'budget', keys: BUDGET_KEYS });
  const b = value as ScanBudget;
  const { deadlineMs, maxWorkChars, now } = b;
  if (deadlineMs !== undefined && !(typeof deadlineMs === 'number' && deadlineMs > 0))
    throw invalid('budget.deadlineMs', 'a positive number of milliseconds');
  if (deadlineMs !== undefined && !Number.isFinite(deadlineMs))
    throw invalid('budget.deadlineMs', 'a finite number of milliseconds');
  if (
    maxWorkChars !== undefined &&
    !(Number.isSafeInteger(maxWorkChars) && maxWorkChars >= MIN_WORK_CHARS)
  )
    throw invalid('budget.maxWorkChars', `an integer ≥ ${MIN_WORK_CHARS}`);
  if (now !== undefined && typeof now !== 'function') throw invalid('budget.now', 'a function');
  // A clock with no deadline would be silently unused.
  if (now !== undefined && deadlineMs === undefined)
    throw invalid('budget.deadlineMs', 'a deadline when `budget.now` is given');
  return { deadlineMs, maxWorkChars, now: now ?? defaultNow };
}

/**
 * The slice size of a budgeted scan: at most the window size, at most
 * {@link BUDGET_SLICE_CHARS}, at most the work budget.
 * @param budget - the validated budget
 * @param maxInputChars - the scan's window size
 * @returns characters per slice
 */
export function sliceChars(budget: ResolvedBudget, maxInputChars: number): number {
  return Math.min(maxInputChars, BUDGET_SLICE_CHARS, budget.maxWorkChars ?? BUDGET_SLICE_CHARS);
}

/**
 * Starts metering one scan: the clock is read now, and before each slice.
 * @param budget - the validated budget
 * @returns the meter
 */
export function startMeter(budget: ResolvedBudget): BudgetMeter {
  const { deadlineMs, maxWorkChars, now } = budget;
  const startedMs = deadlineMs === undefined ? 0 : now();
  let spent = 0;
  return {
    allows(chars: number): boolean {
      if (maxWorkChars !== undefined && spent + chars > maxWorkChars) return false;
      if (deadlineMs !== undefined && now() - startedMs >= deadlineMs) return false;
      spent += chars;
      return true;
    },
  };
}
