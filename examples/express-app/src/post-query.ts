import { errorBody } from '@clawexchange/ssg/common';

/** Most posts one `GET /v1/posts` returns. */
export const MAX_POSTS_PER_READ = 1000;
/** Posts a `GET /v1/posts` without `limit` returns. */
export const DEFAULT_POSTS_PER_READ = 100;
/** Most characters of post text one `GET /v1/posts` returns (past its first post). */
export const MAX_CHARS_PER_READ = 1_000_000;

/** A read's limit, or the 400 body that refuses the query. */
export type PostQuery =
  | { readonly ok: true; readonly limit: number }
  | { readonly ok: false; readonly body: ReturnType<typeof errorBody> };

const refuse = (field: string, message: string): PostQuery => ({
  ok: false,
  body: errorBody('INVALID_QUERY', message, { field }),
});

/**
 * Reads the query of `GET /v1/posts` from the request URL itself (not the
 * framework's parsed query, which differs between Express 4's `qs` and
 * Express 5, and drops keys such as `__proto__`): only `limit`, once, an
 * integer from 1 to {@link MAX_POSTS_PER_READ}; anything else is refused,
 * never ignored.
 *
 * @param url - the request's URL (path and query, as `req.originalUrl`)
 * @returns the limit, or the error body to answer 400 with
 */
export function readPostQuery(url: string): PostQuery {
  const params = new URL(url, 'http://host.invalid').searchParams;
  const keys = [...params.keys()];
  if (keys.some((key) => key !== 'limit')) {
    return refuse('query', 'the only query parameter is `limit`');
  }
  if (keys.length === 0) return { ok: true, limit: DEFAULT_POSTS_PER_READ };
  const raw = keys.length === 1 ? (params.get('limit') ?? '') : '';
  const limit = /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(limit <= MAX_POSTS_PER_READ)) {
    return refuse('limit', `limit must be one integer from 1 to ${MAX_POSTS_PER_READ}`);
  }
  return { ok: true, limit };
}
