import { RateLimiterMemory } from 'rate-limiter-flexible';
import { effectiveLimit } from './limit-math.js';
import type { SeenCounts } from './seen-counts.js';
import type { Store, StoreReply, StoreRequest, VerdictKind, WindowReply } from './store.js';
import { PENALTY_SPANS_MS } from './store.js';
import { evaluateWindow } from './window-math.js';

/** How long a bucket's counter must live (s): it counts until it has left its window. */
function bucketTtlSec(windowMs: number, bucketMs: number): number {
  return Math.ceil((windowMs + bucketMs) / 1000) + 1;
}

/** The memory store, which can also be raised to counts seen elsewhere. */
export type MemoryStore = Store & {
  /**
   * Raises the counts of `req`'s key to at least `seen` (placed in the
   * current bucket, so they leave the window no earlier than in Redis);
   * counts already at or above it are left alone, so repeating it is harmless.
   */
  raiseTo(req: StoreRequest, seen: SeenCounts): Promise<void>;
};

/**
 * The store used without Redis and as the insurance store while Redis is
 * down. Bucket counters and verdict times live in rate-limiter-flexible's
 * `RateLimiterMemory` (its storage expires keys by TTL, so idle agents cost
 * nothing); the window logic is the same as the Lua script's. Decisions on
 * one key are serialised, so check-then-consume is atomic as in Redis.
 *
 * @param now - the clock (memory mode has no server clock)
 * @returns the store
 */
export function createMemoryStore(now: () => Date): MemoryStore {
  const counters = new RateLimiterMemory({ points: 1, duration: 1, keyPrefix: 'c' });
  const verdicts = new RateLimiterMemory({ points: 1, duration: 1, keyPrefix: 'v' });
  const tails = new Map<string, Promise<unknown>>();

  /** Runs `fn` after every earlier call on the same key has finished. */
  async function serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = tails.get(key) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  }

  async function readCounts(
    key: string,
    prefix: string,
    bucket: number,
    buckets: number,
  ): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    const reads = [];
    for (let idx = bucket - buckets; idx <= bucket; idx++) {
      reads.push(counters.get(`${key}|${prefix}${idx}`).then((r) => [idx, r] as const));
    }
    for (const [idx, r] of await Promise.all(reads)) {
      if (r !== null && r.consumedPoints > 0) counts.set(idx, r.consumedPoints);
    }
    return counts;
  }

  async function readMask(verdictKey: string, nowMs: number): Promise<number> {
    const [w, q1, q2] = await Promise.all(
      ['w', 'q1', 'q2'].map((f) => verdicts.get(`${verdictKey}|${f}`)),
    );
    const recent = (r: typeof w, span: number): boolean =>
      r !== null && r !== undefined && nowMs - r.consumedPoints < span;
    return (
      (recent(w, PENALTY_SPANS_MS.moderate) ? 1 : 0) |
      (recent(q1, PENALTY_SPANS_MS.quarantine) ? 2 : 0) |
      (recent(q2, PENALTY_SPANS_MS.multiple) ? 4 : 0)
    );
  }

  async function decideLocked(req: StoreRequest): Promise<StoreReply> {
    const nowMs = now().getTime();
    const mask = req.penaltyMask | (await readMask(req.verdictKey, nowMs));
    const factors = req.factors.filter((_, i) => (mask & (1 << i)) !== 0);
    const specs = [['b', req.burst] as const, ['w', req.window] as const].map(([prefix, w]) => ({
      prefix,
      windowMs: w.windowMs,
      bucketMs: w.windowMs / req.buckets,
      limit: effectiveLimit(w.base, 1, factors),
    }));
    const evals = [];
    for (const s of specs) {
      const bucket = Math.floor(nowMs / s.bucketMs);
      const counts = await readCounts(req.counterKey, s.prefix, bucket, req.buckets);
      evals.push({ s, counts, e: evaluateWindow({ ...s, counts }, nowMs, req.cost) });
    }
    const allowed = evals.every((x) => x.e.fits);
    const replies: WindowReply[] = [];
    for (const { s, counts, e } of evals) {
      let used = e.used;
      let resetAtMs = e.resetAtMs;
      if (req.mode === 'consume' && allowed) {
        await counters.penalty(`${req.counterKey}|${s.prefix}${e.bucket}`, req.cost, {
          customDuration: bucketTtlSec(s.windowMs, s.bucketMs),
        });
        used += req.cost;
        resetAtMs = Math.max(resetAtMs, (e.bucket + req.buckets + 1) * s.bucketMs);
      } else if (req.mode === 'reward') {
        let left = req.cost;
        for (const idx of [...counts.keys()].sort((a, b) => b - a)) {
          if (left <= 0) break;
          const take = Math.min(left, counts.get(idx) ?? 0);
          await counters.reward(`${req.counterKey}|${s.prefix}${idx}`, take);
          left -= take;
          used -= take;
        }
      }
      replies.push({ limit: s.limit, used, retryAtMs: e.retryAtMs, resetAtMs });
    }
    const [burst, window] = replies as [WindowReply, WindowReply];
    return { allowed, nowMs, penaltyMask: mask, burst, window };
  }

  async function raiseLocked(req: StoreRequest, seen: SeenCounts): Promise<void> {
    const nowMs = now().getTime();
    for (const [prefix, w, floor] of [
      ['b', req.burst, seen.burstUsed],
      ['w', req.window, seen.windowUsed],
    ] as const) {
      // A count seen longer than one window ago has left the window in Redis too.
      if (floor <= 0 || nowMs - seen.atMs >= w.windowMs) continue;
      const bucketMs = w.windowMs / req.buckets;
      const bucket = Math.floor(nowMs / bucketMs);
      const counts = await readCounts(req.counterKey, prefix, bucket, req.buckets);
      const { used } = evaluateWindow(
        { limit: 0, windowMs: w.windowMs, bucketMs, counts },
        nowMs,
        0,
      );
      if (used >= floor) continue;
      await counters.penalty(`${req.counterKey}|${prefix}${bucket}`, floor - used, {
        customDuration: bucketTtlSec(w.windowMs, bucketMs),
      });
    }
  }

  return {
    decide: (req) => serial(req.counterKey, () => decideLocked(req)),
    raiseTo: (req, seen) => serial(req.counterKey, () => raiseLocked(req, seen)),
    async recordVerdict(verdictKey: string, kind: VerdictKind): Promise<void> {
      const nowMs = now().getTime();
      const ttlSec = PENALTY_SPANS_MS.multiple / 1000;
      await serial(verdictKey, async () => {
        if (kind === 'WARN') {
          await verdicts.set(`${verdictKey}|w`, nowMs, ttlSec);
          return;
        }
        const q1 = await verdicts.get(`${verdictKey}|q1`);
        if (q1 !== null) await verdicts.set(`${verdictKey}|q2`, q1.consumedPoints, ttlSec);
        await verdicts.set(`${verdictKey}|q1`, nowMs, ttlSec);
      });
    },
    async resetCounters(req: StoreRequest): Promise<void> {
      const nowMs = now().getTime();
      await serial(req.counterKey, async () => {
        for (const [prefix, w] of [
          ['b', req.burst],
          ['w', req.window],
        ] as const) {
          const bucketMs = w.windowMs / req.buckets;
          const bucket = Math.floor(nowMs / bucketMs);
          for (let idx = bucket - req.buckets; idx <= bucket; idx++) {
            await counters.delete(`${req.counterKey}|${prefix}${idx}`);
          }
        }
      });
    },
    async clearVerdicts(verdictKey: string): Promise<void> {
      await serial(verdictKey, async () => {
        for (const f of ['w', 'q1', 'q2']) await verdicts.delete(`${verdictKey}|${f}`);
      });
    },
  };
}
