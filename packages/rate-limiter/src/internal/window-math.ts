/**
 * The bucketed sliding window, in TypeScript. The Redis Lua script mirrors
 * it line for line; the memory store runs it directly.
 *
 * A window of length W is split into k buckets of g = W / k. At time t in
 * bucket b (bg <= t < (b+1)g) the window counts buckets b-k .. b, which
 * cover [(b-k)g, t]; since (b-k)g = bg - W <= t - W, that includes every
 * request in the closed span [t-W, t]. A request is admitted only if that
 * count plus its cost stays within the limit N. Hence no closed span of
 * length W ever admits more than N requests: take the last admission in the
 * span, at t; every other admission in it lies in [t-W, t] and was counted
 * then. (Both windows are checked before either is written, in one script
 * or under one per-key lock, so this holds for each window separately.) The
 * price is on the safe side: a request keeps counting for up to g after it
 * left the window.
 */

/** One window's parameters and its bucket counts. */
export type WindowInput = {
  readonly limit: number;
  readonly windowMs: number;
  readonly bucketMs: number;
  /** Bucket index -> count. */
  readonly counts: ReadonlyMap<number, number>;
};

/** One window's evaluation. */
export type WindowEval = {
  /** Count in the window before this request. */
  readonly used: number;
  /** Whether `cost` more fits. */
  readonly fits: boolean;
  /** Time (ms) at which `cost` more would fit; `nowMs` when it fits now. */
  readonly retryAtMs: number;
  /** Time (ms) at which every counted bucket has left the window. */
  readonly resetAtMs: number;
  /** The current bucket index. */
  readonly bucket: number;
};

/**
 * Evaluates one window at `nowMs` for a request of `cost`.
 *
 * @param w - limit, sizes and counts
 * @param nowMs - the decision time (ms since epoch)
 * @param cost - points the request would take (>= 1)
 * @returns the evaluation; pure
 */
export function evaluateWindow(w: WindowInput, nowMs: number, cost: number): WindowEval {
  const k = Math.round(w.windowMs / w.bucketMs);
  const bucket = Math.floor(nowMs / w.bucketMs);
  const oldest = bucket - k;
  let used = 0;
  let newest = -1;
  const live: [number, number][] = [];
  for (const [idx, n] of w.counts) {
    // Buckets older than the window are skipped; the memory store lets its TTL drop them.
    if (idx >= oldest && n > 0) {
      used += n;
      live.push([idx, n]);
      if (idx > newest) newest = idx;
    }
  }
  live.sort((a, b) => a[0] - b[0]);
  const resetAtMs = newest < 0 ? nowMs : (newest + k + 1) * w.bucketMs;
  const fits = used + cost <= w.limit;
  let retryAtMs = nowMs;
  if (!fits) {
    retryAtMs = resetAtMs;
    let left = used;
    for (const [idx, n] of live) {
      left -= n;
      if (left + cost <= w.limit) {
        retryAtMs = (idx + k + 1) * w.bucketMs;
        break;
      }
    }
  }
  return { used, fits, retryAtMs, resetAtMs, bucket };
}
