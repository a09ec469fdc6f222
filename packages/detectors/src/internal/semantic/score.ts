/**
 * The model call at inference: the features of {@link featurize} summed into
 * the weight table as they are hashed, in one pass over the view, with no
 * feature list built. Gives exactly `bestWindow(featurize(view, bits),
 * weights, shape)` (the sums are integers, exact in float64, taken in the same
 * order); training keeps `featurize`, which it needs feature by feature.
 *
 * Per call it allocates nothing for views of up to {@link SCRATCH_TOKENS}
 * tokens: per-token prefix sums and token offsets live in module scratch
 * arrays (the call is synchronous, so no two calls share them at once).
 */
import {
  BOW,
  EOW,
  FNV_OFFSET,
  FNV_PRIME,
  isIdeographic,
  isWordUnit,
  MAX_SUBWORD_CHARS,
  SEED_BIGRAM,
  SEED_NGRAM,
  SEED_UNIGRAM,
  slot,
} from './features.js';
import { bestOfPrefix, type LinearShape, type WindowScore } from './window.js';

/** The strongest window of a view, with its offsets in the view. */
export type ViewScore = WindowScore & {
  /** Start offset of the window's first token in the view (0 for an empty view). */
  readonly viewStart: number;
  /** End offset of the window's last token in the view (0 for an empty view). */
  readonly viewEnd: number;
};

/** Token count up to which the scratch arrays are kept between calls (about 1.5 MB). */
const SCRATCH_TOKENS = 1 << 16;

type Scratch = {
  sum: Float64Array;
  count: Float64Array;
  starts: Int32Array;
  ends: Int32Array;
};

let kept: Scratch = alloc(1024);

function alloc(n: number): Scratch {
  return {
    sum: new Float64Array(n + 1),
    count: new Float64Array(n + 1),
    starts: new Int32Array(n),
    ends: new Int32Array(n),
  };
}

/** Arrays for `maxTokens` tokens: the kept ones, grown while small, else fresh ones for this call. */
function scratchFor(maxTokens: number): Scratch {
  if (maxTokens <= kept.starts.length) return kept;
  if (maxTokens > SCRATCH_TOKENS) return alloc(maxTokens);
  kept = alloc(Math.min(SCRATCH_TOKENS, Math.max(maxTokens, kept.starts.length * 2)));
  return kept;
}

/** Unit codes of the current word with boundary marks: `[BOW, c1, c2, …]`. */
const codes = new Int32Array(MAX_SUBWORD_CHARS + 3);

/** Summed weights of a word's character 3–4-grams, from `codes[0, len)`. */
function subwordSum(len: number, weights: Int8Array, shift: number): number {
  let s = 0;
  const start = FNV_OFFSET ^ SEED_NGRAM;
  for (let p = 0; p + 3 <= len; p++) {
    let h = Math.imul(start ^ (codes[p] as number), FNV_PRIME);
    h = Math.imul(h ^ (codes[p + 1] as number), FNV_PRIME);
    h = Math.imul(h ^ (codes[p + 2] as number), FNV_PRIME);
    s += weights[slot(h, shift)] as number;
    if (p + 4 <= len) {
      h = Math.imul(h ^ (codes[p + 3] as number), FNV_PRIME);
      s += weights[slot(h, shift)] as number;
    }
  }
  return s;
}

/** Number of character n-grams of a word whose marked length is `len` (≥ 3). */
const subwordCount = (len: number): number => 2 * len - 5;

/**
 * The strongest window of `view` under a linear model over its hashed features.
 *
 * @param view - the normalised text (as `normalize(text).text`)
 * @param bits - log2 of the feature table size
 * @param weights - the int8 weight table (`2 ** bits` entries)
 * @param shape - window, stride, scale, bias and length penalty
 * @returns the best window's logit and tokens, and its offsets in the view
 */
export function scoreView(
  view: string,
  bits: number,
  weights: Int8Array,
  shape: LinearShape,
): ViewScore {
  const shift = 32 - bits;
  const len = view.length;
  const { sum, count, starts, ends } = scratchFor(len);
  sum[0] = 0;
  count[0] = 0;
  let total = 0;
  let acc = 0;
  let tokens = 0;
  let prev = 0;
  let i = 0;
  codes[0] = BOW;
  while (i < len) {
    const c = view.charCodeAt(i);
    if (!isWordUnit(c)) {
      i++;
      continue;
    }
    let wh = Math.imul(FNV_OFFSET ^ (c >= 48 && c <= 57 ? 48 : c), FNV_PRIME);
    codes[1] = c >= 48 && c <= 57 ? 48 : c;
    let j = i + 1;
    if (!isIdeographic(c)) {
      while (j < len) {
        const d = view.charCodeAt(j);
        if (!isWordUnit(d) || isIdeographic(d)) break;
        const u = d >= 48 && d <= 57 ? 48 : d;
        wh = Math.imul(wh ^ u, FNV_PRIME);
        const q = j - i + 1;
        if (q <= MAX_SUBWORD_CHARS + 1) codes[q] = u;
        j++;
      }
    }
    let s = weights[slot(wh ^ SEED_UNIGRAM, shift)] as number;
    let n = 1;
    if (tokens > 0) {
      s += weights[slot(Math.imul(prev, SEED_BIGRAM) ^ wh, shift)] as number;
      n++;
    }
    const chars = j - i;
    if (chars > 1) {
      const marked = Math.min(chars, MAX_SUBWORD_CHARS) + 2;
      if (chars <= MAX_SUBWORD_CHARS) codes[marked - 1] = EOW;
      s += subwordSum(marked, weights, shift);
      n += subwordCount(marked);
    }
    starts[tokens] = i;
    ends[tokens] = j;
    acc += s;
    total += n;
    tokens++;
    sum[tokens] = acc;
    count[tokens] = total;
    prev = wh;
    i = j;
  }
  const best = bestOfPrefix(sum, count, tokens, shape);
  if (best.toToken === 0) return { ...best, viewStart: 0, viewEnd: 0 };
  return {
    ...best,
    viewStart: starts[best.fromToken] as number,
    viewEnd: ends[best.toToken - 1] as number,
  };
}
