import { errorBody } from '@clawexchange/ssg/common';

/** Most posts one `GET /v1/posts` returns. */
export const MAX_POSTS_PER_READ = 1000;
/** Posts a `GET /v1/posts` without `limit` returns. */
export const DEFAULT_POSTS_PER_READ = 100;

/** A read's limit, or the 400 body that refuses the query. */
export type PostQuery =
  | { readonly ok: true; readonly limit: number }
  | { readonly ok: false; readonly body: ReturnType<typeof errorBody> };

const refuse = (field: string, message: string): PostQuery => ({
  ok: false,
  body: errorBody('INVALID_QUERY', message, { field }),
});

/**
 * Reads the query of `GET /v1/posts`: only `limit`, one integer from 1 to
 * {@link MAX_POSTS_PER_READ}; anything else is refused, never ignored.
 *
 * @param query - Express's parsed query
 * @returns the limit, or the error body to answer 400 with
 */
export function readPostQuery(query: Readonly<Record<string, unknown>>): PostQuery {
  const unknown = Object.keys(query).find((key) => key !== 'limit');
  if (unknown !== undefined) return refuse('query', 'the only query parameter is `limit`');
  const raw = query.limit;
  if (raw === undefined) return { ok: true, limit: DEFAULT_POSTS_PER_READ };
  const limit = typeof raw === 'string' && /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(limit <= MAX_POSTS_PER_READ)) {
    return refuse('limit', `limit must be one integer from 1 to ${MAX_POSTS_PER_READ}`);
  }
  return { ok: true, limit };
}
