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
  return bestOfPrefix(sum, count, t, shape);
}

/**
 * The window with the highest logit, from per-token prefix sums (the windows
 * of {@link windowsOf}, walked without building the list).
 *
 * @param sum - `sum[i]`: total weight of the features of tokens `[0, i)`
 * @param count - `count[i]`: number of features of tokens `[0, i)`
 * @param t - number of tokens
 * @param shape - window, stride, scale and bias
 * @returns the best window and its logit, less the length penalty
 */
export function bestOfPrefix(
  sum: Float64Array,
  count: Float64Array,
  t: number,
  shape: LinearShape,
): WindowScore {
  let logit = shape.bias;
  let fromToken = 0;
  let toToken = 0;
  let windows = 0;
  const size = Math.min(t, shape.window);
  const step = Math.max(1, Math.min(shape.stride, shape.window));
  for (let a = 0; ; a += step) {
    const from = Math.min(a, t - size);
    const to = from + size;
    windows++;
    const n = (count[to] as number) - (count[from] as number);
    if (n > 0) {
      const z =
        shape.bias + (shape.scale * ((sum[to] as number) - (sum[from] as number))) / Math.sqrt(n);
      if (toToken === 0 || z > logit) {
        logit = z;
        fromToken = from;
        toToken = to;
      }
    }
    if (to >= t) break;
  }
  const c = shape.lengthPenalty ?? 0;
  if (c !== 0 && windows > 1) logit -= c * Math.log(windows);
  return { logit, fromToken, toToken };
}
