/**
 * The one HTTP error body of the family (ARCHITECTURE.md):
 * `{ "error": { "code", "message", ...fields } }`, JSON only, never a stack.
 */

/** The `error` member of an {@link ErrorBody}. */
export type ErrorBodyDetail = {
  /** Stable code, e.g. `RATE_LIMITED` or `SSG_BODY_TOO_LARGE`. */
  readonly code: string;
  /** Constant, human-readable text; never content or secrets. */
  readonly message: string;
  /** Further structured facts (e.g. `tier`, `labels`, `retryAfterSeconds`). */
  readonly [field: string]: unknown;
};

/** Every error answer of every `@clawexchange` HTTP surface. */
export type ErrorBody = { readonly error: ErrorBodyDetail };

/**
 * Builds the family's error body. `code` and `message` always win over
 * same-named `fields`.
 *
 * @param code - stable code
 * @param message - constant text
 * @param fields - extra structured facts, spread into `error`
 * @returns `{ error: { code, message, ...fields } }`
 */
export function errorBody(
  code: string,
  message: string,
  fields: Readonly<Record<string, unknown>> = {},
): ErrorBody {
  return { error: { ...fields, code, message } };
}

/**
 * Tells whether `value` has the family's error body shape.
 *
 * @param value - a parsed JSON body
 * @returns true for `{ error: { code: string, message: string, ... } }`
 */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return false;
  const detail = error as { code?: unknown; message?: unknown };
  return typeof detail.code === 'string' && typeof detail.message === 'string';
}

/**
 * Whether a body sent with this `Content-Encoding` can be read as sent: absent,
 * empty or `identity` (any case, spaces around). Our HTTP surfaces do not
 * inflate, so any other coding is answered 415 rather than read as bytes.
 *
 * @param header - the request's Content-Encoding header value, if any
 * @returns true when the body is not encoded
 */
export function isIdentityCoding(header: string | null | undefined): boolean {
  const coding = (header ?? '').trim().toLowerCase();
  return coding === '' || coding === 'identity';
}

/**
 * Headers of a 415 for a body's content coding: `Accept-Encoding: identity`,
 * the one coding our surfaces read (RFC 9110 §15.5.16).
 */
export const IDENTITY_ONLY_HEADERS: Readonly<Record<string, string>> = {
  'accept-encoding': 'identity',
};
