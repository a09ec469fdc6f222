import { describe, expect, it } from 'vitest';
import { backoffMs, isRetryableStatus, parseRetryAfter } from './retry.js';

const now = () => new Date('2026-12-01T00:00:00Z');

describe('retry policy', () => {
  it('retries 408, 429 and 5xx only', () => {
    expect([400, 401, 403, 404, 408, 422, 429, 500, 529].map(isRetryableStatus)).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
      true,
      true,
      true,
    ]);
  });

  it('parses Retry-After seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('full jitter under an exponential ceiling, capped; Retry-After capped too', () => {
    const o = { baseMs: 100, maxMs: 1000, random: () => 0.999, now };
    expect([0, 1, 2, 3, 4].map((a) => backoffMs(a, undefined, o))).toEqual([
      99, 199, 399, 799, 999,
    ]);
    expect(backoffMs(0, undefined, { ...o, random: () => 0 })).toBe(0);
    expect(backoffMs(0, 60_000, o)).toBe(1000);
  });
});
