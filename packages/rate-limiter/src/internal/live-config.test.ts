import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../create-rate-limiter.js';

/** A database whose queries hang until `open()`; then it serves one POSTS row. */
function gatedDatabase() {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let queries = 0;
  return {
    open: () => open(),
    queries: () => queries,
    db: {
      async query(sql: string): Promise<unknown> {
        queries++;
        await gate;
        if (sql.includes('rate_limit_configs')) {
          return [
            {
              tier: 'POSTS',
              window_limit: 40,
              window_ms: 3_600_000,
              burst_limit: 8,
              burst_window_ms: 60_000,
              buckets: 60,
            },
          ];
        }
        return [];
      },
    },
  };
}

describe('live config', () => {
  /** regression: issue 6 */
  it('a hanging config read delays a decision by at most configTimeoutMs, then applies when it lands', async () => {
    const g = gatedDatabase();
    const limiter = createRateLimiter({ database: g.db, configTimeoutMs: 20 });
    const opts = { trustLevel: 'ESTABLISHED' } as const;
    // Without the bound this await would never settle (the test would time out).
    const first = await limiter.check('a', 'POSTS', opts);
    expect(first.windows.map((w) => w.limit)).toEqual([3, 10]); // code config
    await limiter.check('a', 'POSTS', opts);
    expect(g.queries()).toBe(1); // one read in flight, not one per decision
    g.open();
    await new Promise((r) => setTimeout(r, 0));
    const later = await limiter.check('a', 'POSTS', opts);
    expect(later.windows.map((w) => w.limit)).toEqual([8, 40]);
  });

  it('an older read that finishes last never replaces a newer one', async () => {
    let call = 0;
    const releases: (() => void)[] = [];
    const db = {
      async query(sql: string): Promise<unknown> {
        const n = call++;
        if (sql.includes('tier_threshold_configs')) return [];
        // read 0 (older) hangs until released; read 1 (newer) answers at once
        if (n === 0) await new Promise<void>((r) => releases.push(r));
        return [{ tier: 'X', window_limit: n === 0 ? 5 : 7, burst_limit: 1 }];
      },
    };
    const limiter = createRateLimiter({ database: db, configTimeoutMs: 10 });
    const older = limiter.reloadConfig();
    await limiter.reloadConfig();
    releases[0]?.();
    await older;
    const r = await limiter.check('a', 'X', { trustLevel: 'ESTABLISHED' });
    expect(r.windows.map((w) => w.limit)).toEqual([1, 7]);
  });
});
