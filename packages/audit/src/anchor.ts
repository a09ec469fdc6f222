/**
 * Anchored checkpoints: signed chain heads published outside PostgreSQL,
 * to storage the database's users cannot write (e.g. an S3 bucket under
 * Object Lock, `createS3AnchorStore()` from `@clawexchange/audit/anchor-s3`).
 * `verify()` checks the chain against the latest one by default, so
 * truncating the tail, rewriting history or forging rows before it is
 * detected even by someone with full database access.
 */
import type { AuditCheckpoint } from './types.js';

/** Where a published checkpoint lives and whether this call created it. */
export type AuditAnchorReceipt = {
  /** The storage key (e.g. `audit-anchors/prod/0000000000001234.json`). */
  readonly key: string;
  /** False when a checkpoint for the same sequence and hash was already there. */
  readonly created: boolean;
  /** Whether the store applied a write-once retention (S3 Object Lock) to the object. */
  readonly locked: boolean;
  /**
   * Whether the write was sent as a conditional create (`If-None-Match: *`)
   * and accepted; false when the server does not support it (then only the
   * check before the write guards against overwriting) or nothing was written.
   */
  readonly conditional: boolean;
};

/**
 * Write-once storage of checkpoints, one object per chain sequence. An
 * implementation never overwrites an object: a second checkpoint for the
 * same sequence resolves `created: false` when it names the same hash, and
 * rejects with `AUDIT_ANCHOR_MISMATCH` when it names another.
 */
export type AuditAnchorStore = {
  /**
   * Publishes a signed checkpoint.
   * @throws {AuditError} AUDIT_ANCHOR_MISMATCH, AUDIT_ANCHOR_FAILED
   */
  put(checkpoint: AuditCheckpoint): Promise<AuditAnchorReceipt>;
  /**
   * The checkpoint with the highest sequence, as stored (unverified: the
   * logger checks its signature), or null when none was published.
   * @throws {AuditError} AUDIT_ANCHOR_FAILED
   */
  latest(): Promise<unknown>;
};

/** Result of `anchorCheckpoint()`. */
export type AuditAnchorResult = AuditAnchorReceipt & {
  /** The checkpoint that is now anchored. */
  readonly checkpoint: AuditCheckpoint;
};
