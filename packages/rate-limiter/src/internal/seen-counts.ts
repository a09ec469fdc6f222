/**
 * The last counts Redis reported for each key, so the insurance store can
 * start from them when Redis goes away instead of from zero (an agent already
 * at its limit in Redis stays limited through an outage).
 */

/** The counts of one key as Redis last reported them. */
export type SeenCounts = {
  readonly burstUsed: number;
  readonly windowUsed: number;
  /** Local time (ms) the reply arrived. */
  readonly atMs: number;
};

/** Remembers the latest counts per key, keeping at most `maxKeys` (oldest dropped first). */
export type SeenCountsMap = {
  remember(counterKey: string, counts: SeenCounts): void;
  get(counterKey: string): SeenCounts | undefined;
};

/** Keys remembered by default: about 100 bytes each, so a few MB at most. */
export const DEFAULT_MAX_SEEN_KEYS = 50_000;

/**
 * Creates the bounded map of last-seen counts.
 *
 * @param maxKeys - how many keys to keep; the least recently updated go first
 * @returns the map
 */
export function createSeenCounts(maxKeys: number = DEFAULT_MAX_SEEN_KEYS): SeenCountsMap {
  const seen = new Map<string, SeenCounts>();
  return {
    remember(counterKey, counts) {
      // Re-insert so Map order is least recently updated first.
      seen.delete(counterKey);
      seen.set(counterKey, counts);
      if (seen.size > maxKeys) {
        const oldest = seen.keys().next();
        if (oldest.done !== true) seen.delete(oldest.value);
      }
    },
    get: (counterKey) => seen.get(counterKey),
  };
}
