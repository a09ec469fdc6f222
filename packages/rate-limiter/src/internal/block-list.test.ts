import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RateLimitResult } from '../types.js';
import { createBlockList } from './block-list.js';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-23T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

function denied(
  retryAfterMs: number,
  deniedBy: RateLimitResult['deniedBy'] = 'burst',
): RateLimitResult {
  return {
    allowed: false,
    tier: 'POSTS',
    limit: 1,
    remaining: 0,
    resetAt: new Date(),
    retryAfterMs,
    failedOpen: false,
    source: 'redis',
    deniedBy,
    trustLevel: 'NEW',
    penalties: [],
    windows: [],
    decidedAt: new Date(),
  };
}

describe('block list', () => {
  it('replays a denial until its retry time, counting down', async () => {
    const b = createBlockList();
    await b.add('k', denied(5000));
    vi.advanceTimersByTime(2000);
    expect(await b.get('k')).toMatchObject({
      source: 'blocked',
      retryAfterMs: 3000,
      allowed: false,
    });
    vi.advanceTimersByTime(3000);
    expect(await b.get('k')).toBeNull();
  });

  it('ignores short denials and outage denials', async () => {
    const b = createBlockList();
    await b.add('short', denied(999));
    await b.add('outage', denied(60_000, 'outage'));
    expect(await b.get('short')).toBeNull();
    expect(await b.get('outage')).toBeNull();
  });

  it('clears by prefix and entirely, and stays bounded', async () => {
    const b = createBlockList();
    await b.add('a|1', denied(5000));
    await b.add('a|2', denied(5000));
    await b.add('b|1', denied(5000));
    await b.clear('a|');
    expect(await b.get('a|1')).toBeNull();
    expect(await b.get('b|1')).not.toBeNull();
    await b.clearAll();
    expect(await b.get('b|1')).toBeNull();
    for (let i = 0; i <= 10_000; i++) await b.add(`k${i}`, denied(5000));
    expect(await b.get('k0')).toBeNull(); // the oldest made room
    expect(await b.get('k10000')).not.toBeNull();
  });
});
