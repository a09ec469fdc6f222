import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../create-rate-limiter.js';
import { neverBackwards } from './monotonic-clock.js';

describe('neverBackwards', () => {
  it('property: readings never decrease, and move by the source’s steps forward', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 2 }), (times) => {
        let i = 0;
        const clock = neverBackwards(() => new Date(times[i++] as number));
        let previous = clock().getTime();
        for (let k = 1; k < times.length; k++) {
          const read = clock().getTime();
          const step = (times[k] as number) - (times[k - 1] as number);
          expect(read).toBe(previous + Math.max(0, step));
          previous = read;
        }
      }),
    );
  });
});

/** regression: issue 16 — the memory store admitted again when the clock stepped back. */
describe('memory limiter under a clock that steps back', () => {
  it('keeps an agent limited when the clock jumps back an hour, then lets the window pass', async () => {
    let nowMs = Date.UTC(2026, 11, 3, 12, 0, 0);
    const limiter = createRateLimiter({
      limits: { T: { limit: 2, windowMs: 60_000, burst: 2, burstWindowMs: 60_000 } },
      now: () => new Date(nowMs),
    });
    const opts = { trustLevel: 'VERIFIED' } as const;
    const allowed = async () => (await limiter.consume('a1', 'T', opts)).allowed;
    const filled = [];
    for (let i = 0; i < 5; i++) filled.push(await allowed());
    expect(filled.at(-1)).toBe(false);
    nowMs -= 3_600_000;
    expect(await allowed()).toBe(false);
    // Time goes on from the last reading: a window and a bucket later the agent is admitted.
    nowMs += 62_000;
    expect(await allowed()).toBe(true);
  });
});
