/**
 * The one error class of `@clawexchange/quarantine` and its stable codes.
 */
import {
  ClawExchangeError,
  type ClawExchangeErrorOptions,
  defineErrorGuard,
  type ErrorGuard,
} from '@clawexchange/ssg/common';

/** Stable error codes; hosts branch on these, never on messages. */
export const QuarantineErrorCode = {
  /** The config is invalid; `field` names the offending field. */
  INVALID_CONFIG: 'QUARANTINE_INVALID_CONFIG',
  /** An argument is invalid; `field` names it. */
  INVALID_INPUT: 'QUARANTINE_INVALID_INPUT',
  /** An id is not a well-formed UUID. */
  INVALID_ID: 'QUARANTINE_INVALID_ID',
  /** `store` was given content that is not a string. */
  INVALID_CONTENT: 'QUARANTINE_INVALID_CONTENT',
  /** The content is larger than `limits.maxContentBytes`. */
  CONTENT_TOO_LARGE: 'QUARANTINE_CONTENT_TOO_LARGE',
  /** No held record has this id. */
  NOT_FOUND: 'QUARANTINE_NOT_FOUND',
  /** The record is final (released, deleted, expired): its content no longer exists. */
  CONTENT_UNAVAILABLE: 'QUARANTINE_CONTENT_UNAVAILABLE',
  /** The requested status change is not allowed by the state machine. */
  INVALID_TRANSITION: 'QUARANTINE_INVALID_TRANSITION',
  /** Someone else changed the record first (optimistic concurrency). */
  CONFLICT: 'QUARANTINE_CONFLICT',
  /** Ciphertext, wrapped key or their bindings failed authentication. */
  INTEGRITY_FAILED: 'QUARANTINE_INTEGRITY_FAILED',
  /** The data key is wrapped by a master key the keyring no longer holds. */
  KEY_UNAVAILABLE: 'QUARANTINE_KEY_UNAVAILABLE',
  /** The access token is malformed, forged, or bound to something else. */
  TOKEN_INVALID: 'QUARANTINE_TOKEN_INVALID',
  /** The access token has expired. */
  TOKEN_EXPIRED: 'QUARANTINE_TOKEN_EXPIRED',
  /** The token is genuine but its record is no longer held (released, deleted, expired). */
  TOKEN_REVOKED: 'QUARANTINE_TOKEN_REVOKED',
  /** Content could not be stored; nothing was acknowledged. */
  STORE_FAILED: 'QUARANTINE_STORE_FAILED',
  /** The object store (S3) failed. */
  STORAGE_FAILED: 'QUARANTINE_STORAGE_FAILED',
  /** An S3 operation did not finish within `storage.timeoutMs` (retries included) and was aborted. */
  STORAGE_TIMEOUT: 'QUARANTINE_STORAGE_TIMEOUT',
  /**
   * A record's metadata (tier, labels, status, expiry, key ids, object key, …)
   * failed authentication: someone changed it outside this package. The record
   * is refused (never served), logged and counted; treat it as a security incident.
   */
  RECORD_TAMPERED: 'QUARANTINE_RECORD_TAMPERED',
  /** The database failed. */
  DATABASE_FAILED: 'QUARANTINE_DATABASE_FAILED',
  /** The key provider failed to generate, wrap or unwrap a data key. */
  KEY_PROVIDER_FAILED: 'QUARANTINE_KEY_PROVIDER_FAILED',
  /** A migration found `quarantine_records` or `encryption_keys` with other columns (upstream security-pipeline 0.1.x); nothing was changed. */
  UPSTREAM_SCHEMA_DETECTED: 'QUARANTINE_UPSTREAM_SCHEMA_DETECTED',
} as const;
/** One of the {@link QuarantineErrorCode} values. */
export type QuarantineErrorCode = (typeof QuarantineErrorCode)[keyof typeof QuarantineErrorCode];

/** Options of the {@link QuarantineError} constructor. */
export type QuarantineErrorOptions = ClawExchangeErrorOptions & {
  /** The record concerned, when there is one. */
  readonly recordId?: string;
};

/**
 * Every failure this package throws, declared the family's one way
 * (`ClawExchangeError` from `@clawexchange/ssg/common`). Messages are
 * constant text; the variable facts are in `code`, `field` and `recordId`.
 * Never contains content, keys, tokens or credentials.
 */
export class QuarantineError extends ClawExchangeError<QuarantineErrorCode> {
  /** Always `'QuarantineError'`; checked by {@link isQuarantineError}. */
  override readonly name = 'QuarantineError';
  /** The record concerned, when there is one. */
  readonly recordId: string | undefined;

  /**
   * @param code - stable code
   * @param message - constant text, never user input or secrets
   * @param opts - cause, field, recordId
   */
  constructor(code: QuarantineErrorCode, message: string, opts: QuarantineErrorOptions = {}) {
    super(code, message, opts);
    this.recordId = opts.recordId;
  }
}

/**
 * Whether `e` is a {@link QuarantineError}, by `name` and `code` (works
 * across two installed copies of the package, unlike `instanceof`).
 *
 * @param e - anything caught
 * @returns true when `e` is a QuarantineError
 */
export const isQuarantineError: ErrorGuard<QuarantineError> = defineErrorGuard<QuarantineError>(
  'QuarantineError',
  QuarantineErrorCode,
);
