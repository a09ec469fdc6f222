import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POSTS_PER_READ, MAX_POSTS_PER_READ, readPostQuery } from './post-query.js';

describe('readPostQuery', () => {
  /** regression: issue 16 — GET /v1/posts returned every post ever published */
  it('reads `limit` from 1 to the maximum, and the default without it', () => {
    expect(readPostQuery({})).toEqual({ ok: true, limit: DEFAULT_POSTS_PER_READ });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_POSTS_PER_READ }), (limit) => {
        expect(readPostQuery({ limit: String(limit) })).toEqual({ ok: true, limit });
      }),
    );
  });

  it('refuses a limit out of range, not an integer, repeated or not a string, naming `limit`', () => {
    for (const limit of ['0', '1001', '-1', '1.5', '1e3', ' 5', '05', '', 'abc', ['1', '2'], {}]) {
      const read = readPostQuery({ limit });
      expect(read.ok, JSON.stringify(limit)).toBe(false);
      if (!read.ok) {
        expect(read.body.error).toMatchObject({ code: 'INVALID_QUERY', field: 'limit' });
      }
    }
  });

  it('refuses any other parameter rather than ignoring it', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((key) => key !== 'limit'),
        (key) => {
          const read = readPostQuery(Object.fromEntries([[key, '1']]));
          expect(read.ok).toBe(false);
          if (!read.ok) expect(read.body.error).toMatchObject({ field: 'query' });
        },
      ),
    );
  });
});
