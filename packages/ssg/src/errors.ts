/**
 * The gate's one error class and its stable codes (STYLE.md §4), declared
 * the family's one way (`@clawexchange/ssg/common`).
 */
import {
  ClawExchangeError,
  type ClawExchangeErrorOptions,
  defineErrorGuard,
  type ErrorGuard,
} from './common/errors.js';

/** Stable error codes; hosts branch on these, never on messages. */
export const SSGErrorCode = {
  /** The config passed to `createSSG` is invalid; `field` names the culprit. */
  INVALID_CONFIG: 'SSG_INVALID_CONFIG',
  /** `inspect` was called with something that is not a valid envelope. */
  INVALID_INPUT: 'SSG_INVALID_INPUT',
  /** A QUARANTINE verdict could not be stored; the content must not pass. */
  QUARANTINE_FAILED: 'SSG_QUARANTINE_FAILED',
  /** The audit sink rejected or timed out (`auditTimeoutMs`) and `onAuditFailure` is `'reject'`. */
  AUDIT_FAILED: 'SSG_AUDIT_FAILED',
  /** An HTTP body exceeded `maxBodyBytes` (the middleware answers 413). */
  BODY_TOO_LARGE: 'SSG_BODY_TOO_LARGE',
  /** An HTTP body was not JSON, or an inspected field was not a string (400). */
  INVALID_BODY: 'SSG_INVALID_BODY',
  /**
   * An HTTP body the gate reads itself came with a `Content-Encoding` other
   * than `identity` (e.g. gzip); the middleware answers 415 instead of
   * reading compressed bytes as JSON, with `Accept-Encoding: identity`. A
   * body the host's parser already decoded (e.g. `express.json()`, which
   * inflates) is not affected.
   */
  UNSUPPORTED_ENCODING: 'SSG_UNSUPPORTED_ENCODING',
  /**
   * The request body was consumed before the gate without being parsed
   * (e.g. a raw-stream middleware ran first); the request fails closed (500).
   */
  BODY_UNAVAILABLE: 'SSG_BODY_UNAVAILABLE',
  /** The host's `extract` function threw or returned a wrong shape. */
  EXTRACT_FAILED: 'SSG_EXTRACT_FAILED',
} as const;
/** One of the {@link SSGErrorCode} values. */
export type SSGErrorCode = (typeof SSGErrorCode)[keyof typeof SSGErrorCode];

/** Options of the {@link SSGError} constructor. */
export type SSGErrorOptions = ClawExchangeErrorOptions;

/**
 * The error every `@clawexchange/ssg` failure is raised as. Messages are
 * constant text plus field names and counts; they never echo content.
 * `code` is one of {@link SSGErrorCode}; `field` names the config or body
 * field at fault (for `SSG_INVALID_CONFIG` / `SSG_INVALID_INPUT` / `SSG_INVALID_BODY`).
 */
export class SSGError extends ClawExchangeError<SSGErrorCode> {
  /** Always `'SSGError'`; checked by {@link isSSGError}. */
  override readonly name = 'SSGError';
}

/**
 * Tells whether `value` is an {@link SSGError}, by `name` and `code` rather
 * than `instanceof`, so two installed copies of the package agree.
 *
 * @param value - anything caught
 * @returns `true` when `value` is an SSGError with a known code
 */
export const isSSGError: ErrorGuard<SSGError> = defineErrorGuard<SSGError>(
  'SSGError',
  SSGErrorCode,
);

/**
 * Builds an `SSG_INVALID_CONFIG` error naming `field` and what was expected.
 *
 * @param field - dotted config path, e.g. `tiers[2].min`
 * @param expected - what a valid value looks like (never the value given)
 * @returns the error, to be thrown by the caller
 */
export function invalidConfig(field: string, expected: string): SSGError {
  return new SSGError(
    SSGErrorCode.INVALID_CONFIG,
    `invalid config \`${field}\`: expected ${expected}`,
    {
      field,
    },
  );
}
