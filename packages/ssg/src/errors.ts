/**
 * The gate's one error class and its stable codes (STYLE.md §4).
 */

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
   * The request body was consumed before the gate without being parsed
   * (e.g. a raw-stream middleware ran first); the request fails closed (500).
   */
  BODY_UNAVAILABLE: 'SSG_BODY_UNAVAILABLE',
  /** The host's `extract` function threw or returned a wrong shape. */
  EXTRACT_FAILED: 'SSG_EXTRACT_FAILED',
} as const;
/** One of the {@link SSGErrorCode} values. */
export type SSGErrorCode = (typeof SSGErrorCode)[keyof typeof SSGErrorCode];

const CODES: ReadonlySet<string> = new Set(Object.values(SSGErrorCode));

/** Options of the {@link SSGError} constructor. */
export type SSGErrorOptions = {
  /** The underlying failure (kept as `cause`, never copied into the message). */
  readonly cause?: unknown;
  /** For `SSG_INVALID_CONFIG` / `SSG_INVALID_INPUT` / `SSG_INVALID_BODY`: the offending field path. */
  readonly field?: string;
};

/**
 * The error every `@clawexchange/ssg` failure is raised as. Messages are
 * constant text plus field names and counts; they never echo content.
 */
export class SSGError extends Error {
  /** Always `'SSGError'`; checked by {@link isSSGError}. */
  override readonly name = 'SSGError';
  /** The stable code; see {@link SSGErrorCode}. */
  readonly code: SSGErrorCode;
  /** The config or body field at fault, when there is one. */
  readonly field: string | undefined;

  /**
   * @param code - stable code
   * @param message - constant text; never raw content or secrets
   * @param opts - optional `cause` and `field`
   */
  constructor(code: SSGErrorCode, message: string, opts: SSGErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    this.field = opts.field;
  }
}

/**
 * Tells whether `value` is an {@link SSGError}, by `name` and `code` rather
 * than `instanceof`, so two installed copies of the package agree.
 *
 * @param value - anything caught
 * @returns `true` when `value` is an SSGError with a known code
 */
export function isSSGError(value: unknown): value is SSGError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; code?: unknown };
  return (
    candidate.name === 'SSGError' && typeof candidate.code === 'string' && CODES.has(candidate.code)
  );
}

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
