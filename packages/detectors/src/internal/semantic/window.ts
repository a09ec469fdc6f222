/**
 * The linear model's score over the strongest window of a text: per-token
 * sums of feature weights, prefix sums, then one O(1) score per window of
 * `window` tokens every `stride` tokens (a text of at most `window` tokens is
 * one window), less `lengthPenalty · ln(windows)`. A window's logit is `bias + scale · Σw / √n` over its `n`
 * features, so an attack buried in honest text is scored on its own window,
 * not diluted by the rest. Linear in the number of features.
 */
import type { Featurized } from './features.js';

/** The shape parameters of a trained linear model. */
export type LinearShape = {
  /** Tokens per window. */
  readonly window: number;
  /** Tokens between window starts. */
  readonly stride: number;
  /** Weight unit: a stored weight `q` means `q · scale`. */
  readonly scale: number;
  /** Intercept of the logit. */
  readonly bias: number;
  /**
   * Subtracted from the best window's logit per unit of ln(number of
   * windows): the best of many windows of honest text scores higher than one
   * window by chance alone. 0 when omitted.
   */
  readonly lengthPenalty?: number;
};

/** The strongest window of a text. */
export type WindowScore = {
  /** Uncalibrated logit of the window. */
  readonly logit: number;
  /** First token of the window. */
  readonly fromToken: number;
  /** Token after the window. */
  readonly toToken: number;
};

/**
 * Token windows `[from, to)` a text of `tokens` tokens is scored over, as flat
 * pairs; consecutive windows overlap or touch, so every token is in one.
 */
export function windowsOf(tokens: number, shape: LinearShape): number[] {
  if (tokens <= shape.window) return [0, tokens];
  const out: number[] = [];
  const step = Math.max(1, Math.min(shape.stride, shape.window));
  for (let a = 0; ; a += step) {
    const from = Math.min(a, tokens - shape.window);
    out.push(from, from + shape.window);
    if (from + shape.window >= tokens) break;
  }
  return out;
}

/**
 * The window with the highest logit (the first of equals).
 *
 * @param f - the text's features
 * @param weights - one weight per feature index (stored units)
 * @param shape - window, stride, scale and bias
 * @returns the best window and its logit; an empty text scores `bias`
 */
export function bestWindow(
  f: Featurized,
  weights: ArrayLike<number>,
  shape: LinearShape,
): WindowScore {
  const t = f.tokens;
  const sum = new Float64Array(t + 1);
  const count = new Float64Array(t + 1);
  let k = 0;
  for (let i = 0; i < t; i++) {
    const end = f.featEnd[i] as number;
    let s = 0;
    for (; k < end; k++) s += weights[f.feats[k] as number] as number;
    sum[i + 1] = (sum[i] as number) + s;
    count[i + 1] = end;
  }
  const w = windowsOf(t, shape);
  let best: WindowScore = { logit: shape.bias, fromToken: 0, toToken: 0 };
  for (let i = 0; i < w.length; i += 2) {
    const a = w[i] as number;
    const b = w[i + 1] as number;
    const n = (count[b] as number) - (count[a] as number);
    if (n <= 0) continue;
    const z = shape.bias + (shape.scale * ((sum[b] as number) - (sum[a] as number))) / Math.sqrt(n);
    if (best.toToken === 0 || z > best.logit) best = { logit: z, fromToken: a, toToken: b };
  }
  const c = shape.lengthPenalty ?? 0;
  if (c === 0 || w.length <= 2) return best;
  return { ...best, logit: best.logit - c * Math.log(w.length / 2) };
}
