import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POSTS_PER_READ, MAX_POSTS_PER_READ, readPostQuery } from './post-query.js';

describe('readPostQuery', () => {
  /** regression: issue 16 — GET /v1/posts returned every post ever published */
  it('reads `limit` from 1 to the maximum, and the default without a query', () => {
    expect(readPostQuery('/v1/posts')).toEqual({ ok: true, limit: DEFAULT_POSTS_PER_READ });
    expect(readPostQuery('/v1/posts?')).toEqual({ ok: true, limit: DEFAULT_POSTS_PER_READ });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_POSTS_PER_READ }), (limit) => {
        expect(readPostQuery(`/v1/posts?limit=${limit}`)).toEqual({ ok: true, limit });
      }),
    );
  });

  it('refuses a limit out of range, not a plain integer, empty or repeated, naming `limit`', () => {
    for (const query of ['0', '1001', '-1', '1.5', '1e3', '%205', '05', '', '0x10', '5&limit=6']) {
      const read = readPostQuery(`/v1/posts?limit=${query}`);
      expect(read.ok, query).toBe(false);
      if (!read.ok)
        expect(read.body.error).toMatchObject({ code: 'INVALID_QUERY', field: 'limit' });
    }
  });

  it('refuses any other parameter, whatever a framework parser would make of it', () => {
    const named = [
      '__proto__=1',
      '__proto__[limit]=5',
      '%5F%5Fproto%5F%5F=1',
      '=1',
      'limit[]=5',
      'offset=10',
    ];
    const others = fc.string({ minLength: 1 }).filter((key) => key !== 'limit');
    for (const query of named) {
      expect(readPostQuery(`/v1/posts?${query}`).ok, query).toBe(false);
    }
    fc.assert(
      fc.property(others, (key) => {
        const read = readPostQuery(`/v1/posts?${encodeURIComponent(key)}=1`);
        expect(read.ok).toBe(false);
        if (!read.ok) expect(read.body.error).toMatchObject({ field: 'query' });
      }),
    );
  });
});
