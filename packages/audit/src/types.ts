/**
 * Public types of the audit logger: records, queries, verification results
 * and checkpoints.
 */
import type { AuditActorType, AuditEventInput } from '@clawexchange/ssg';
import type { AuditLogDisabled } from '@clawexchange/ssg/common';
import type { AuditAnchorResult } from './anchor.js';

export type { AuditActorType, AuditEventInput };

/** One stored audit row, as returned by `log()`, `query()` and `exportRecords()`. */
export type AuditRecord = {
  /** Position in the chain, 1-based, gapless. */
  readonly seq: number;
  /** When the row was written (millisecond precision; non-decreasing along `seq`). */
  readonly createdAt: Date;
  readonly eventType: string;
  readonly actorId: string;
  readonly actorType: AuditActorType;
  readonly targetId: string | null;
  readonly targetType: string | null;
  /** The masked address (e.g. `203.0.113.0`), or null. */
  readonly ipAddress: string | null;
  readonly metadata: Readonly<Record<string, unknown>> | null;
  /** SHA-256 (hex) of the previous row's hash and this row's canonical encoding. */
  readonly hash: string;
  /** The previous row's `hash` (hex); 64 zeros for the first row. */
  readonly prevHash: string;
};

/** Filters and paging for `query()`. All filters combine with AND. */
export type AuditQuery = {
  /** One event type or several (OR). */
  readonly eventType?: string | readonly string[];
  readonly actorId?: string;
  readonly actorType?: AuditActorType;
  readonly targetId?: string;
  /** Inclusive lower bound on `createdAt`. */
  readonly startDate?: Date;
  /** Exclusive upper bound on `createdAt`. */
  readonly endDate?: Date;
  /**
   * Page size, 1–1000.
   * @default 100
   */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
};

/** One page of `query()` results, newest first (ties broken by `seq`, descending). */
export type AuditPage = {
  readonly records: readonly AuditRecord[];
  /** Pass as `cursor` to get the next (older) page; null on the last page. */
  readonly nextCursor: string | null;
};

/** Where a chain walk found the first broken link. */
export type AuditChainBreakKind =
  /** The row's content does not hash to its stored hash: a field was changed. */
  | 'hash_mismatch'
  /** The row's `prev_hash` is not the previous row's hash: a row was inserted, removed or reordered (with recomputed hashes). */
  | 'prev_hash_mismatch'
  /** Sequence numbers jump: rows were deleted. */
  | 'sequence_gap'
  /** A sequence number repeats or goes back: a row was inserted or reordered. */
  | 'sequence_out_of_order'
  /** The chain ends before the chain head, `to` or the checkpoint: the tail was truncated. */
  | 'tail_missing'
  /** The row at the checkpoint's sequence does not carry the checkpoint's hash (or a skipped range hides it). */
  | 'checkpoint_mismatch'
  /** A row is older than the row before it: a forged or back-dated row (timestamps never decrease). */
  | 'timestamp_decreased'
  /** Rows exist past the chain head (inserted without moving it); the writer adopts or skips them on its next batch. */
  | 'rows_beyond_head';

/** The first broken link of a chain. */
export type AuditChainBreak = {
  readonly kind: AuditChainBreakKind;
  /** The sequence number the walk expected at this point. */
  readonly expectedSeq: number;
  /** The sequence number found there (null when the chain ended). */
  readonly foundSeq: number | null;
  /** 0-based index of the offending row in the walk. */
  readonly position: number;
};

/**
 * How a `verify()` that read a hot standby (the `readReplica`) relates to
 * the primary. The replica checks what it has replayed: rows up to
 * `headSeq`, nothing newer.
 *
 * A checkpoint (given, or the latest anchored one) past `headSeq` cannot be
 * checked there. The primary's head decides what that means: when the
 * primary has reached the checkpoint (or could not be asked), the replica is
 * only behind: the walk checks up to `headSeq`, the result stays `ok` when
 * those rows hold, names the checkpoint in `checkpointNotReached` and has no
 * `anchoredSeq`. When the primary's head is below the checkpoint, the tail
 * it certified is gone from the primary itself: that is reported as
 * `tail_missing`, as on the primary.
 *
 * A primary whose head is below `headSeq` lost rows the replica had already
 * replayed (heads only move forward): an intact walk then still answers
 * `tail_missing`, with `expectedSeq` the first sequence gone from the primary.
 */
export type AuditReplicaReport = {
  /** The chain head in the replica's snapshot: the walk covered rows up to here. */
  readonly headSeq: number;
  /** The primary's chain head, read right after; null when the primary did not answer. */
  readonly primaryHeadSeq: number | null;
  /** WAL bytes the replica had not replayed yet (primary's current LSN minus its replay LSN); null when unknown. */
  readonly lagBytes: number | null;
  /** Commit time of the last transaction the replica replayed; null before any. */
  readonly replayedAt: Date | null;
  /** Sequence of a checkpoint past `headSeq` that this run could not check; present only then. */
  readonly checkpointNotReached?: number;
};

/** Result of `verify()`. */
export type AuditVerifyResult =
  | {
      readonly ok: true;
      /** Rows checked. */
      readonly checked: number;
      /** Last sequence checked (0 when the range is empty, e.g. starts past the chain head). */
      readonly lastSeq: number;
      /** Hash of the last row checked (hex). */
      readonly lastHash: string;
      /**
       * Ranges of rows the writer skipped (found past the head, not a valid
       * continuation), each closed by an `AUDIT_TAIL_SKIPPED` row; present only when any.
       */
      readonly skipped?: readonly { readonly fromSeq: number; readonly toSeq: number }[];
      /** The anchored checkpoint checked against, when an anchor store is configured. */
      readonly anchoredSeq?: number;
      /** Present when the walk read the read replica (a hot standby). */
      readonly replica?: AuditReplicaReport;
    }
  | {
      readonly ok: false;
      readonly checked: number;
      readonly break: AuditChainBreak;
      /** Present when the walk read the read replica (a hot standby). */
      readonly replica?: AuditReplicaReport;
    };

/** Options of `verify()`. */
export type AuditVerifyOptions = {
  /**
   * First sequence to check. Starting at 1 proves the chain from its genesis;
   * a later start trusts that row's stored `prevHash`.
   * @default 1
   */
  readonly from?: number;
  /**
   * Last sequence to check. Every row up to `to` (or up to the chain head, when
   * that is lower or `to` is absent) must be present: rows missing at the end
   * are reported as `tail_missing`.
   */
  readonly to?: number;
  /** An exported checkpoint the chain must still contain (detects truncation and rewrites before it). */
  readonly checkpoint?: AuditCheckpoint;
  /**
   * With an `anchor` store configured and no `checkpoint` given, check the
   * chain against the latest anchored checkpoint (when it lies in
   * `from - 1 .. to`; the result's `anchoredSeq` says it was used). False
   * skips the anchor.
   * @default true
   */
  readonly anchored?: boolean;
};

/** A signed statement of the chain head at one moment; export it to storage the database admins cannot write. */
export type AuditCheckpoint = {
  readonly version: 1;
  /** Sequence of the last row covered (0 for an empty chain). */
  readonly seq: number;
  /** That row's hash (hex). */
  readonly hash: string;
  /** When the checkpoint was taken (ISO 8601). */
  readonly createdAt: string;
  readonly algorithm: 'hmac-sha256' | 'ed25519';
  /** The host's key id, if configured. */
  readonly keyId: string | null;
  /** base64url signature over the canonical encoding of the fields above. */
  readonly signature: string;
};

/** Options of `exportRecords()`. */
export type AuditExportOptions = {
  /** @default 1 */
  readonly from?: number;
  /** @default the chain head */
  readonly to?: number;
};

/** The object `createAuditLogger()` returns. */
export interface AuditLogger {
  /**
   * Validates, masks, chains and stores one event; resolves once its batch is committed.
   * When the logger is disabled (`enabled: false`) it writes nothing and resolves with
   * `{ status: 'DISABLED' }` (`AUDIT_LOG_DISABLED`), which the gate reports as `audit: 'DISABLED'`.
   * @throws {AuditError} the input codes (nothing is written), AUDIT_QUEUE_FULL, AUDIT_CLOSED,
   *   AUDIT_WRITE_FAILED (the event is not stored)
   */
  log(event: AuditEventInput): Promise<AuditRecord | AuditLogDisabled>;
  /**
   * Reads events newest first with keyset pagination (on the `readReplica`
   * when configured: events appear there once replayed).
   * @throws {AuditError} AUDIT_INVALID_LIMIT, AUDIT_INVALID_DATE, AUDIT_INVALID_CURSOR,
   *   AUDIT_INVALID_EVENT_TYPE, AUDIT_INVALID_ACTOR_TYPE, AUDIT_INVALID_FIELD, AUDIT_READ_FAILED
   */
  query(query?: AuditQuery): Promise<AuditPage>;
  /**
   * Walks the hash chain and reports the first broken link (a result, not an error).
   * With a `readReplica`, it reads the replica and checks up to the head the
   * replica has replayed (`result.replica` says so; see `AuditReplicaReport`).
   * @throws {AuditError} AUDIT_INVALID_RANGE, AUDIT_INVALID_CHECKPOINT,
   *   AUDIT_CHECKPOINT_KEY_MISSING, AUDIT_ANCHOR_FAILED, AUDIT_READ_FAILED
   */
  verify(options?: AuditVerifyOptions): Promise<AuditVerifyResult>;
  /**
   * Returns a signed checkpoint of the current chain head.
   * @throws {AuditError} AUDIT_CHECKPOINT_KEY_MISSING, AUDIT_CHAIN_INCONSISTENT, AUDIT_READ_FAILED
   */
  head(): Promise<AuditCheckpoint>;
  /**
   * Streams stored rows in chain order (for JSONL archiving), from one snapshot
   * (of the `readReplica` when configured: it ends at the head the replica has).
   * @throws {AuditError} AUDIT_INVALID_RANGE, AUDIT_READ_FAILED
   */
  exportRecords(options?: AuditExportOptions): AsyncIterable<AuditRecord>;
  /**
   * Signs the current chain head and publishes it to the `anchor` store,
   * after checking that the chain still continues the latest anchored
   * checkpoint (a mismatch raises the `AUDIT_ANCHOR_MISMATCH` alarm and
   * publishes nothing). Run it often (e.g. every minute).
   * @throws {AuditError} AUDIT_ANCHOR_NOT_CONFIGURED, AUDIT_CHECKPOINT_KEY_MISSING,
   *   AUDIT_CHAIN_INCONSISTENT, AUDIT_ANCHOR_MISMATCH, AUDIT_INVALID_CHECKPOINT (a forged
   *   anchored object), AUDIT_ANCHOR_FAILED, AUDIT_READ_FAILED
   */
  anchorCheckpoint(): Promise<AuditAnchorResult>;
  /** Resolves when every event queued so far is committed (or failed). */
  flush(): Promise<void>;
  /** Flushes, then rejects further `log()` calls with `AUDIT_CLOSED`. Does not close the database. */
  close(): Promise<void>;
}
