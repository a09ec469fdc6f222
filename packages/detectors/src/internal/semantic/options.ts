/**
 * The `semantic` scan option: validated once, when the options are resolved.
 */
import { DetectorError, DetectorErrorCode } from '../../errors.js';
import type { SemanticOptions } from '../../types.js';
import { checkDetectorOptions, SEMANTIC_SPEC } from '../option-keys.js';
import type { ResolvedSemantic } from './combine.js';
import { SEMANTIC_MODEL } from './weights.generated.js';

function invalid(field: string, what: string): DetectorError {
  return new DetectorError(
    DetectorErrorCode.INVALID_OPTIONS,
    `invalid option \`${field}\`: expected ${what}`,
    { field },
  );
}

const DEFAULTS: ResolvedSemantic = {
  threshold: SEMANTIC_MODEL.threshold,
  holdThreshold: SEMANTIC_MODEL.holdThreshold,
  doubtThreshold: SEMANTIC_MODEL.doubtThreshold,
};

/**
 * Resolves the `semantic` option.
 *
 * @param value - what the caller passed as `semantic`
 * @returns the operating points, or undefined when the model is off (the default:
 *   it runs only with `enabled: true`)
 * @throws {DetectorError} DETECTORS_INVALID_OPTIONS naming the bad field
 */
export function resolveSemantic(value: unknown): ResolvedSemantic | undefined {
  // Off unless asked for: measured, it raises held false positives and costs throughput
  // (see the README) — a host opts in knowingly.
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid('semantic', 'an object');
  checkDetectorOptions(value, SEMANTIC_SPEC);
  const o = value as SemanticOptions;
  if (o.enabled !== undefined && typeof o.enabled !== 'boolean')
    throw invalid('semantic.enabled', 'a boolean');
  if (o.enabled !== true) {
    if (o.threshold !== undefined) {
      throw invalid('semantic.threshold', 'to be set only with `enabled: true`');
    }
    return undefined;
  }
  if (o.threshold === undefined) return DEFAULTS;
  if (typeof o.threshold !== 'number' || !(o.threshold > 0 && o.threshold < 1))
    throw invalid('semantic.threshold', 'a number in (0, 1)');
  return {
    threshold: o.threshold,
    holdThreshold: Math.max(o.threshold, SEMANTIC_MODEL.holdThreshold),
    doubtThreshold: Math.min(o.threshold, SEMANTIC_MODEL.doubtThreshold),
  };
}
