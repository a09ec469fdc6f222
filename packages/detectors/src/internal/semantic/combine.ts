/**
 * How the model's verdict combines with the rules' injection findings of one
 * window (the documented combination rule, see the package README):
 *
 * - no rule finding, probability ≥ `threshold`: an `injection` finding of
 *   type `semantic` over the strongest window, confidence = the probability,
 *   severity `high` from `holdThreshold` on (held), `medium` below (warned);
 * - rule findings, probability ≥ `threshold` (agreement): each finding's
 *   confidence becomes 1 − (1 − c)(1 − p), and from `holdThreshold` on a
 *   `low` or `medium` one becomes `high`;
 * - rule findings, probability < `doubtThreshold` (disagreement): a finding
 *   about wording (not smuggling, encodings, markup or flooding, which the
 *   model does not see) that is not `critical` and has confidence < 0.95
 *   keeps 60% of its confidence, and `high` becomes `medium`;
 * - in between, rule findings are left as they are.
 */
import type { Severity } from '../../types.js';
import type { Normalized } from '../normalize.js';
import type { RawFinding } from '../rule.js';
import type { SemanticVerdict } from './model.js';
import { semanticVerdictOf } from './model.js';

/** The operating points of the combination, resolved from the options and the shipped model. */
export type ResolvedSemantic = {
  /** Probability at or above which the model fires. */
  readonly threshold: number;
  /** Probability at or above which a model finding is `high` (held). */
  readonly holdThreshold: number;
  /** Probability below which the model disagrees with a rule finding. */
  readonly doubtThreshold: number;
};

/** Rule types about the text's form rather than its wording: the model cannot judge them. */
const FORM_TYPES = /smuggling|unicode-tag|encoded|obfuscated|reversed|flooding|markup|delimiter/;

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

function agree(f: RawFinding, p: number, s: ResolvedSemantic): void {
  f.confidence = round4(1 - (1 - f.confidence) * (1 - p));
  if (p >= s.holdThreshold && (f.severity === 'low' || f.severity === 'medium'))
    f.severity = 'high';
}

function doubt(f: RawFinding): void {
  if (f.severity === 'critical' || f.confidence >= 0.95 || FORM_TYPES.test(f.type)) return;
  f.confidence = round4(f.confidence * 0.6);
  if (f.severity === 'high') f.severity = 'medium';
}

function severityOf(p: number, s: ResolvedSemantic): Severity {
  return p >= s.holdThreshold ? 'high' : 'medium';
}

/**
 * Combines a model verdict with the injection findings in `raw` from index
 * `from` on (the rules' findings of the text the verdict is about).
 *
 * @param m - the model's verdict
 * @param raw - raw findings; changed in place, a model finding appended
 * @param from - index of the first injection finding of the text in `raw`
 * @param s - the operating points
 */
export function combineWith(
  m: SemanticVerdict,
  raw: RawFinding[],
  from: number,
  s: ResolvedSemantic,
): void {
  const p = m.probability;
  let rules = 0;
  for (let i = from; i < raw.length; i++) {
    const f = raw[i] as RawFinding;
    if (f.category !== 'injection') continue;
    rules++;
    if (p >= s.threshold) agree(f, p, s);
    else if (p < s.doubtThreshold) doubt(f);
  }
  if (rules > 0 || p < s.threshold) return;
  const [start, end] = m.span();
  if (end <= start) return;
  raw.push({
    category: 'injection',
    type: 'semantic',
    start,
    end,
    confidence: p,
    severity: severityOf(p, s),
  });
}

/**
 * Scores a text with the shipped model and combines the verdict with the
 * injection findings in `raw` from index `from` on (see {@link combineWith}).
 *
 * @param n - the text's normalised view (one scan window; the rules' own)
 * @param raw - raw findings; changed in place, a model finding appended
 * @param from - index of the first injection finding of `text` in `raw`
 * @param s - the operating points
 */
export function combineSemantic(
  n: Normalized,
  raw: RawFinding[],
  from: number,
  s: ResolvedSemantic,
): void {
  combineWith(semanticVerdictOf(n), raw, from, s);
}
