/**
 * The one error class of the audit package and its stable codes.
 */
import { ClawExchangeError, defineErrorGuard, type ErrorGuard } from '@clawexchange/ssg/common';

/** Stable error codes. Hosts branch on these; renaming one is a breaking change. */
export const AuditErrorCode = {
  /** A config field is missing or malformed (`field` names it). */
  INVALID_CONFIG: 'AUDIT_INVALID_CONFIG',
  /** `eventType` is not a string in the `UPPER_SNAKE` format. */
  INVALID_EVENT_TYPE: 'AUDIT_INVALID_EVENT_TYPE',
  /** `eventType` is well-formed but neither built in nor registered by the host. */
  UNKNOWN_EVENT_TYPE: 'AUDIT_UNKNOWN_EVENT_TYPE',
  /** `actorId` is missing or empty. */
  MISSING_ACTOR: 'AUDIT_MISSING_ACTOR',
  /** `actorType` is not one of agent, bot, human, system. */
  INVALID_ACTOR_TYPE: 'AUDIT_INVALID_ACTOR_TYPE',
  /** A string field (actorId, targetId, targetType) is too long or holds control characters or lone surrogates. */
  INVALID_FIELD: 'AUDIT_INVALID_FIELD',
  /** `ipAddress` is not an IPv4 or IPv6 address. */
  INVALID_IP_ADDRESS: 'AUDIT_INVALID_IP_ADDRESS',
  /** Metadata is larger than `limits.maxMetadataBytes` once encoded. */
  METADATA_TOO_LARGE: 'AUDIT_METADATA_TOO_LARGE',
  /** Metadata is not a plain JSON value (functions, bigint, NaN, cycles, class instances...). */
  METADATA_NOT_SERIALIZABLE: 'AUDIT_METADATA_NOT_SERIALIZABLE',
  /** Metadata looks like raw content (a forbidden key such as `content`, or an overlong string). */
  METADATA_RAW_CONTENT: 'AUDIT_METADATA_RAW_CONTENT',
  /** A date is not a valid `Date`, or `startDate` is after `endDate`. */
  INVALID_DATE: 'AUDIT_INVALID_DATE',
  /** `limit` is not an integer in range. */
  INVALID_LIMIT: 'AUDIT_INVALID_LIMIT',
  /** `cursor` was not produced by `query()`. */
  INVALID_CURSOR: 'AUDIT_INVALID_CURSOR',
  /** `verify`/`export` range (`from`, `to`) is not a positive integer range. */
  INVALID_RANGE: 'AUDIT_INVALID_RANGE',
  /** An exported record given to `verifyAuditRecords` is not shaped like one. */
  INVALID_RECORD: 'AUDIT_INVALID_RECORD',
  /** A checkpoint is malformed or its signature does not verify. */
  INVALID_CHECKPOINT: 'AUDIT_INVALID_CHECKPOINT',
  /** `head()` or a checkpoint check needs `checkpointKey`, which is not configured. */
  CHECKPOINT_KEY_MISSING: 'AUDIT_CHECKPOINT_KEY_MISSING',
  /** The write queue is full and `queue.whenFull` is `'reject'`. */
  QUEUE_FULL: 'AUDIT_QUEUE_FULL',
  /** The logger was closed. */
  CLOSED: 'AUDIT_CLOSED',
  /** The logger was created with `enabled: false` and this method needs the database. */
  DISABLED: 'AUDIT_DISABLED',
  /** The batch holding this event did not commit (database down, migrations missing...). */
  WRITE_FAILED: 'AUDIT_WRITE_FAILED',
  /** A read (query, verify, head, export) failed in the database. */
  READ_FAILED: 'AUDIT_READ_FAILED',
  /** The chain head table and the last stored row disagree; `head()` refuses to sign. */
  CHAIN_INCONSISTENT: 'AUDIT_CHAIN_INCONSISTENT',
  /** The database role can bypass the append-only triggers (superuser or table owner). */
  UNSAFE_DB_ROLE: 'AUDIT_UNSAFE_DB_ROLE',
  /** `anchorCheckpoint()` was called on a logger without an `anchor` store. */
  ANCHOR_NOT_CONFIGURED: 'AUDIT_ANCHOR_NOT_CONFIGURED',
  /** The anchor store (e.g. S3) could not be read or written; `cause` holds the client error. */
  ANCHOR_FAILED: 'AUDIT_ANCHOR_FAILED',
  /** The chain no longer matches the latest anchored checkpoint (or the store holds another hash for that sequence): nothing was published. */
  ANCHOR_MISMATCH: 'AUDIT_ANCHOR_MISMATCH',
  /** A migration found `audit_logs` or `audit_chain_head` with other columns (upstream security-pipeline 0.1.x); nothing was changed. */
  UPSTREAM_SCHEMA_DETECTED: 'AUDIT_UPSTREAM_SCHEMA_DETECTED',
} as const;
/** One of the {@link AuditErrorCode} values. */
export type AuditErrorCode = (typeof AuditErrorCode)[keyof typeof AuditErrorCode];

/**
 * Error thrown by every audit API, declared the family's one way
 * (`ClawExchangeError` from `@clawexchange/ssg/common`). Messages are
 * constant strings: they never echo the value that was given (which may be
 * raw content or a secret). `field` names the config or input field at
 * fault, e.g. `checkpointKey.secret` or `metadata`.
 */
export class AuditError extends ClawExchangeError<AuditErrorCode> {
  /** Always `'AuditError'`; checked by {@link isAuditError}. */
  override readonly name = 'AuditError';
}

/**
 * Tells whether `e` is an {@link AuditError}, by `name` and `code` (works
 * across two installed copies of the package, unlike `instanceof`).
 *
 * @param e - anything caught
 * @returns true when `e` is an audit error with a known code
 */
export const isAuditError: ErrorGuard<AuditError> = defineErrorGuard<AuditError>(
  'AuditError',
  AuditErrorCode,
);
