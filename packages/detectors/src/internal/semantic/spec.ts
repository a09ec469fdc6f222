/**
 * What a trained semantic model is, besides its weights: the feature table
 * size, the window shape, the calibration and the operating points.
 */
import type { LinearShape } from './window.js';

/** The trained model's parameters, as `model/train.mjs` writes them. */
export type SemanticModelSpec = LinearShape & {
  /** Format version of this spec. */
  readonly version: number;
  /** log2 of the feature table size. */
  readonly bits: number;
  /** Platt scaling: probability = σ(plattA · logit + plattB), fit on a validation split. */
  readonly plattA: number;
  readonly plattB: number;
  /** Default operating point: calibrated probability at or above which the model fires. */
  readonly threshold: number;
  /** Calibrated probability at or above which a model-only finding is `high` (held). */
  readonly holdThreshold: number;
  /** Calibrated probability below which the model disagrees with a rule finding. */
  readonly doubtThreshold: number;
  /** SHA-256 (hex) of the int8 weight table, as the training script recorded it. */
  readonly sha256: string;
};
