/**
 * Calibrated confidence of injection findings: each rule group (finding
 * type) maps its rule weight to the precision estimated at that weight on the
 * package's own labelled calibration set (bench/calibration/, fitted by
 * isotonic regression with the two classes weighted equally). A type the
 * table does not hold keeps its weight. The severity follows from the
 * calibrated confidence: `high` (held by the plugin's default tiers) from the
 * hold point on, `medium` from 0.5, `low` below.
 */
import type { Severity } from '../types.js';
import {
  INJECTION_CALIBRATION,
  INJECTION_HOLD_CONFIDENCE,
} from './injection-calibration.generated.js';

/** The calibrated confidence of a finding of `type` whose rule weight is `weight`. */
export function calibrate(type: string, weight: number): number {
  const w = Math.min(1, weight);
  const knots = INJECTION_CALIBRATION[type];
  if (knots === undefined || knots.length === 0) return w;
  const first = knots[0] as readonly [number, number];
  // Below the weakest weight seen in fitting: scale down, so the map stays monotone.
  if (w < first[0]) return Math.round(((first[1] * w) / first[0]) * 1000) / 1000;
  let p = first[1];
  for (const [from, precision] of knots) {
    if (w < from) break;
    p = precision;
  }
  return p;
}

/** Severity of an injection finding with calibrated confidence `c`. */
export function severityOfConfidence(c: number): Severity {
  return c >= INJECTION_HOLD_CONFIDENCE ? 'high' : c >= 0.5 ? 'medium' : 'low';
}
