/**
 * The moderation package's one error class, its stable codes and the HTTP
 * status each code answers with.
 */
import { ClawExchangeError, defineErrorGuard, type ErrorGuard } from '@clawexchange/ssg/common';

/** Stable error codes; hosts branch on these (renaming one is a breaking change). */
export const ModerationErrorCode = {
  /** A factory option is missing, unknown or of the wrong shape. */
  INVALID_CONFIG: 'MODERATION_INVALID_CONFIG',
  /** A request body, query or parameter is malformed (unknown key, bad enum, out of range). */
  INVALID_INPUT: 'MODERATION_INVALID_INPUT',
  /** The body is not JSON, or not `application/json`. */
  MALFORMED_BODY: 'MODERATION_MALFORMED_BODY',
  /**
   * A body the router reads itself came with a `Content-Encoding` other than
   * `identity` (answered with `Accept-Encoding: identity`): send it
   * uncompressed, or let the host's `express.json()` inflate it first.
   */
  UNSUPPORTED_ENCODING: 'MODERATION_UNSUPPORTED_ENCODING',
  /** The body is larger than the router accepts. */
  BODY_TOO_LARGE: 'MODERATION_BODY_TOO_LARGE',
  /** No quarantine record has this id. */
  NOT_FOUND: 'MODERATION_NOT_FOUND',
  /** The path is one of the router's, but not with this method (`Allow` lists the methods). */
  METHOD_NOT_ALLOWED: 'MODERATION_METHOD_NOT_ALLOWED',
  /** The record is no longer in the state the caller saw (another reviewer acted first). */
  CONFLICT: 'MODERATION_CONFLICT',
  /** The content was released, deleted or expired: there is nothing left to view. */
  CONTENT_GONE: 'MODERATION_CONTENT_GONE',
  /** The content-access token is malformed, forged, or bound to another admin or record. */
  TOKEN_INVALID: 'MODERATION_TOKEN_INVALID',
  /** The content-access token has expired. */
  TOKEN_EXPIRED: 'MODERATION_TOKEN_EXPIRED',
  /** The content-access token was already used once. */
  TOKEN_USED: 'MODERATION_TOKEN_USED',
  /** The token's record was released, deleted or expired since the token was issued. */
  TOKEN_REVOKED: 'MODERATION_TOKEN_REVOKED',
  /** No credentials, or credentials that identify nobody. */
  UNAUTHENTICATED: 'MODERATION_UNAUTHENTICATED',
  /** A known identity without the role or scope this route needs. */
  FORBIDDEN: 'MODERATION_FORBIDDEN',
  /** A console action without a valid CSRF token (missing, forged, or for another admin or session). */
  CSRF_FAILED: 'MODERATION_CSRF_FAILED',
  /** A console action with a CSRF token past its lifetime; fetch a fresh one and retry. */
  CSRF_EXPIRED: 'MODERATION_CSRF_EXPIRED',
  /** The host's `onRelease` failed; the content was put back into quarantine (see `requeuedAs`). */
  PUBLISH_FAILED: 'MODERATION_PUBLISH_FAILED',
  /** The quarantine or audit service failed; see `cause`. */
  UPSTREAM_FAILED: 'MODERATION_UPSTREAM_FAILED',
  /**
   * The record failed the quarantine's integrity check (its metadata, content
   * or key bindings were changed outside the package): refused. Not
   * transient: a retry fails the same way.
   */
  RECORD_TAMPERED: 'MODERATION_RECORD_TAMPERED',
  /**
   * The record is sealed by a master key that is not in the quarantine's
   * keyring (retired while records still used it, or a forged key id):
   * refused. Not transient: restore the key or investigate the row.
   */
  KEY_UNAVAILABLE: 'MODERATION_KEY_UNAVAILABLE',
  /** The decision was applied but its audit row could not be written. */
  AUDIT_FAILED: 'MODERATION_AUDIT_FAILED',
} as const;
/** One of the {@link ModerationErrorCode} values. */
export type ModerationErrorCode = (typeof ModerationErrorCode)[keyof typeof ModerationErrorCode];

/** HTTP status per code (the router's answer). */
export const MODERATION_HTTP_STATUS: Readonly<Record<ModerationErrorCode, number>> = {
  MODERATION_INVALID_CONFIG: 500,
  MODERATION_INVALID_INPUT: 400,
  MODERATION_MALFORMED_BODY: 400,
  MODERATION_UNSUPPORTED_ENCODING: 415,
  MODERATION_BODY_TOO_LARGE: 413,
  MODERATION_NOT_FOUND: 404,
  MODERATION_METHOD_NOT_ALLOWED: 405,
  MODERATION_CONFLICT: 409,
  MODERATION_CONTENT_GONE: 410,
  MODERATION_TOKEN_INVALID: 400,
  MODERATION_TOKEN_EXPIRED: 410,
  MODERATION_TOKEN_USED: 410,
  MODERATION_TOKEN_REVOKED: 410,
  MODERATION_UNAUTHENTICATED: 401,
  MODERATION_FORBIDDEN: 403,
  MODERATION_CSRF_FAILED: 403,
  MODERATION_CSRF_EXPIRED: 403,
  MODERATION_PUBLISH_FAILED: 502,
  MODERATION_UPSTREAM_FAILED: 503,
  MODERATION_RECORD_TAMPERED: 500,
  MODERATION_KEY_UNAVAILABLE: 500,
  MODERATION_AUDIT_FAILED: 500,
};

/** Options of the {@link ModerationError} constructor. */
export type ModerationErrorOptions = {
  /** The underlying failure (kept as `cause`, never copied into the message). */
  readonly cause?: unknown;
  /** The option, body field or parameter at fault, e.g. `confidence`. */
  readonly field?: string;
  /** Structured facts for the HTTP error body (ids, statuses, versions); never content. */
  readonly details?: Readonly<Record<string, unknown>>;
};

/**
 * Raised for bad config, bad input, missing records, stale state, bad
 * tokens and upstream failures. Hosts branch on `code`.
 */
export class ModerationError extends ClawExchangeError<ModerationErrorCode> {
  override readonly name = 'ModerationError';
  /** Structured facts safe to send to the client (ids, statuses, versions). */
  readonly details: Readonly<Record<string, unknown>>;

  /**
   * @param code - the stable code
   * @param message - constant text that never echoes input
   * @param opts - `cause`, `field` and `details`
   */
  constructor(code: ModerationErrorCode, message: string, opts: ModerationErrorOptions = {}) {
    super(code, message, {
      ...(opts.cause === undefined ? {} : { cause: opts.cause }),
      ...(opts.field === undefined ? {} : { field: opts.field }),
    });
    this.details = opts.details ?? {};
  }
}

/**
 * Tells whether a value is a {@link ModerationError}, by `name` and `code`
 * (not `instanceof`, so two installed copies of the package still agree).
 */
export const isModerationError: ErrorGuard<ModerationError> = defineErrorGuard<ModerationError>(
  'ModerationError',
  ModerationErrorCode,
);
