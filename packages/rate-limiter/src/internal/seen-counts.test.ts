import { describe, expect, it } from 'vitest';
import { createSeenCounts } from './seen-counts.js';

const counts = (n: number) => ({ burstUsed: n, windowUsed: n, atMs: n });

describe('createSeenCounts', () => {
  it('keeps the latest counts per key and drops the least recently updated past the bound', () => {
    const seen = createSeenCounts(2);
    seen.remember('a', counts(1));
    seen.remember('b', counts(2));
    seen.remember('a', counts(3)); // a is now the most recent
    seen.remember('c', counts(4)); // evicts b, not a
    expect(seen.get('a')).toEqual(counts(3));
    expect(seen.get('b')).toBeUndefined();
    expect(seen.get('c')).toEqual(counts(4));
  });
});
