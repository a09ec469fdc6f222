import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { RateLimitResult } from '../types.js';

/** Most denied results remembered at once; the oldest go first. */
const MAX_ENTRIES = 10_000;

/** Shortest denial worth remembering (ms): below this a Redis call is cheaper than the bookkeeping. */
const MIN_BLOCK_MS = 1000;

/** In-process block list for keys Redis has denied. */
export type BlockList = {
  /** The remembered denial, with `retryAfterMs` counted down, or null. */
  get(key: string): Promise<RateLimitResult | null>;
  /** Remembers a denial until its `retryAfterMs` has passed. */
  add(key: string, result: RateLimitResult): Promise<void>;
  /** Forgets the denials of keys starting with `prefix` (after reset/reward). */
  clear(prefix: string): Promise<void>;
  /** Forgets every denial (after a config reload). */
  clearAll(): Promise<void>;
};

/**
 * rate-limiter-flexible's in-memory block: a denied key is blocked in
 * process memory (its `RateLimiterMemory#block`) until the denial's
 * `retryAfterMs` has passed, so a client hammering while denied costs no
 * Redis call. Safe because only an admin `reward`/`reset` or a config
 * change can free capacity before then; those clear the block here (other
 * processes keep theirs until it runs out, at most `retryAfterMs`).
 *
 * @returns the block list
 */
export function createBlockList(): BlockList {
  const blocker = new RateLimiterMemory({ points: 0, duration: 1, keyPrefix: 'blk' });
  const denied = new Map<string, RateLimitResult>();
  return {
    async get(key) {
      const snapshot = denied.get(key);
      if (snapshot === undefined) return null;
      const res = await blocker.get(key);
      if (res === null || res.msBeforeNext <= 0) {
        denied.delete(key);
        return null;
      }
      return { ...snapshot, retryAfterMs: res.msBeforeNext, source: 'blocked' };
    },
    async add(key, result) {
      if (result.deniedBy === 'outage' || result.retryAfterMs < MIN_BLOCK_MS) return;
      if (denied.size >= MAX_ENTRIES) {
        const oldest = denied.keys().next().value;
        if (oldest !== undefined) denied.delete(oldest);
      }
      denied.set(key, result);
      await blocker.block(key, result.retryAfterMs / 1000);
    },
    async clear(prefix) {
      for (const key of [...denied.keys()]) {
        if (key.startsWith(prefix)) {
          denied.delete(key);
          await blocker.delete(key);
        }
      }
    },
    async clearAll() {
      for (const key of [...denied.keys()]) await blocker.delete(key);
      denied.clear();
    },
  };
}
