/**
 * The shipped semantic model: weights decoded once, on first use (a
 * module-level cache of a constant, so two loaded copies stay harmless), and
 * the calibrated score of a text's strongest window.
 *
 * Determinism: the features and the per-window weight sums are integers
 * (exact in float64); the logit takes one multiply, one divide by a square
 * root and one add, and the probability one `Math.exp`; the result is rounded
 * to 4 decimals, so the last bits of `exp` cannot change a reported value.
 */
import { inflateRawSync } from 'node:zlib';
import { type Normalized, normalize } from '../normalize.js';
import { scoreView } from './score.js';
import type { SemanticModelSpec } from './spec.js';
import { SEMANTIC_MODEL, SEMANTIC_WEIGHTS } from './weights.generated.js';

/** The model's verdict on a text. */
export type SemanticScore = {
  /** Calibrated probability (0–1, 4 decimals) that the text directs the agent reading it. */
  readonly probability: number;
  /** Start of the strongest window in the original text. */
  readonly start: number;
  /** End (exclusive) of the strongest window in the original text. */
  readonly end: number;
};

let weightsCache: Int8Array | undefined;

/**
 * The int8 weight table of the shipped model, decoded on first call.
 *
 * @returns one weight per feature index (in units of `SEMANTIC_MODEL.scale`)
 */
export function shippedWeights(): Int8Array {
  if (weightsCache === undefined) {
    const raw = inflateRawSync(Buffer.from(SEMANTIC_WEIGHTS, 'base64'));
    weightsCache = new Int8Array(raw.buffer, raw.byteOffset, raw.length);
  }
  return weightsCache;
}

/**
 * Calibrated probability of a logit.
 *
 * @param logit - the window logit
 * @param spec - the model's Platt parameters
 * @returns σ(plattA · logit + plattB), rounded to 4 decimals
 */
export function calibrate(logit: number, spec: SemanticModelSpec): number {
  const p = 1 / (1 + Math.exp(-(spec.plattA * logit + spec.plattB)));
  return Math.round(p * 10_000) / 10_000;
}

/** The model's verdict, with the span computed only when asked for. */
export type SemanticVerdict = {
  /** Calibrated probability (0–1, 4 decimals) that the text directs the agent reading it. */
  readonly probability: number;
  /** `[start, end)` of the strongest window in the original text (maps offsets on demand). */
  readonly span: () => readonly [number, number];
};

/**
 * Scores `text` with the shipped model over the normalised view the rules see.
 *
 * @param text - the original text
 * @returns the calibrated probability, and the strongest window's span on demand
 */
export function semanticVerdict(text: string): SemanticVerdict {
  return semanticVerdictOf(normalize(text));
}

/**
 * Scores a text from its normalised view (as the rules computed it, so the
 * text is not normalised twice).
 *
 * @param n - `normalize(text)`
 * @returns the calibrated probability, and the strongest window's span in the text on demand
 */
export function semanticVerdictOf(n: Normalized): SemanticVerdict {
  const spec = SEMANTIC_MODEL;
  const best = scoreView(n.text, spec.bits, shippedWeights(), spec);
  const probability = calibrate(best.logit, spec);
  if (best.toToken === 0) return { probability, span: () => [0, 0] };
  const { viewStart, viewEnd } = best;
  // The offset map of the normalised view is built lazily: only for a finding.
  return { probability, span: () => [n.map[viewStart] as number, n.map[viewEnd] as number] };
}

/**
 * Scores `text` with the shipped model (see {@link semanticVerdict}).
 *
 * @param text - the original text
 * @returns the calibrated probability and the span of the strongest window
 */
export function semanticScore(text: string): SemanticScore {
  const v = semanticVerdict(text);
  const [start, end] = v.span();
  return { probability: v.probability, start, end };
}
