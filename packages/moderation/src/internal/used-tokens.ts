import type { UsedTokenStore } from '../types.js';

/**
 * The default {@link UsedTokenStore}: a map in this process's memory,
 * pruned of expired entries as it is used.
 *
 * @param now - clock
 * @returns a store
 */
export function memoryUsedTokenStore(now: () => Date): UsedTokenStore {
  const used = new Map<string, number>();
  const prune = (t: number): void => {
    for (const [id, expiresAt] of used) if (expiresAt <= t) used.delete(id);
  };
  return {
    claim(tokenId, expiresAt) {
      const t = now().getTime();
      prune(t);
      if (used.has(tokenId)) return false;
      used.set(tokenId, expiresAt.getTime());
      return true;
    },
  };
}
