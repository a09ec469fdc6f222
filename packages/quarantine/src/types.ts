/**
 * Public types of the quarantine: records, statuses, results, ports.
 */

import type { QuarantineSink, QuarantineStoreMetadata } from '@clawexchange/ssg';
import type { Logger } from '@clawexchange/ssg/common';

/** Review states of a held record. */
export const QuarantineStatus = {
  /** Held, waiting for a decision. */
  QUARANTINED: 'QUARANTINED',
  /** A bot or a human is looking at it. */
  UNDER_REVIEW: 'UNDER_REVIEW',
  /** Final: handed back to the host; the content is destroyed here. */
  RELEASED: 'RELEASED',
  /** Final: destroyed by decision. */
  DELETED: 'DELETED',
  /** Final: destroyed because `expiresAt` passed. */
  EXPIRED: 'EXPIRED',
} as const;
/** One of the {@link QuarantineStatus} values. */
export type QuarantineStatus = (typeof QuarantineStatus)[keyof typeof QuarantineStatus];

/** A redacted match as stored with a record (never the raw text). */
export type StoredMatch = {
  readonly label: string;
  readonly redacted: string;
};

/** What {@link Quarantine.store} accepts: the ssg sink metadata plus nothing secret. */
export type StoreMetadata = QuarantineStoreMetadata;

/** The metadata of one held record, as a plain object. */
export type QuarantineRecord = {
  /** Record id (UUID v4). */
  readonly id: string;
  readonly status: QuarantineStatus;
  /** Risk tier the gate assigned. */
  readonly tier: string;
  readonly labels: readonly string[];
  /** Redacted matches only. */
  readonly matches: readonly StoredMatch[];
  /** Per-plugin summaries the gate passed in. */
  readonly pluginResults: readonly unknown[];
  /** `POST`, `COMMENT`, … or null when the host gave none. */
  readonly contentType: string | null;
  /** The host's id for the content, or null. */
  readonly sourceId: string | null;
  /** The agent that wrote it, or null. */
  readonly agentId: string | null;
  /**
   * Object key in the bucket: `<prefix><installationId>/YYYY/MM/DD/<id>`
   * (`<prefix>YYYY/MM/DD/<id>` for records stored before installation ids).
   */
  readonly s3Key: string;
  /** Plaintext size in UTF-8 bytes. */
  readonly sizeBytes: number;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly reviewedBy: string | null;
  readonly reviewedAt: Date | null;
  readonly notes: string | null;
  /** Optimistic-concurrency version; grows by one on every status change. */
  readonly version: number;
};

/** Filters and paging of {@link Quarantine.list}. */
export type ListOptions = {
  readonly status?: QuarantineStatus;
  readonly tier?: string;
  readonly sourceId?: string;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
  /**
   * Page size.
   * @default 50 (at most 500)
   */
  readonly limit?: number;
};

/** One page of {@link Quarantine.list}, newest first. */
export type ListPage = {
  /** Authenticated records (and legacy ones without a MAC yet, see the README). */
  readonly items: readonly QuarantineRecord[];
  /**
   * Ids of records on this page whose metadata failed authentication: left
   * out of `items`, logged and counted (`clawexchange.quarantine.tampered_records`).
   * Empty unless someone changed rows outside this package.
   */
  readonly refusedIds: readonly string[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
};

/** Options of {@link Quarantine.updateStatus}. */
export type UpdateStatusOptions = {
  /** Who decided (bot id or user id). */
  readonly reviewedBy?: string;
  readonly notes?: string;
  /**
   * The status the caller last saw. When given and the record is no longer
   * in it, the call fails with QUARANTINE_CONFLICT instead of applying.
   */
  readonly expectedStatus?: QuarantineStatus;
};

/** Options of {@link Quarantine.createAccessToken}. */
export type AccessTokenOptions = {
  /**
   * Lifetime in seconds.
   * @default 300 (at most 3600)
   */
  readonly expiresIn?: number;
  /** Who will use the token (reviewer id); bound into the signature. */
  readonly actor: string;
};

/** What a valid access token grants. */
export type AccessGrant = {
  readonly recordId: string;
  readonly actor: string;
  readonly expiresAt: Date;
};

/** Options of {@link Quarantine.verifyAccessToken}. */
export type VerifyAccessTokenOptions = {
  /** When given, the token must have been issued to this actor. */
  readonly actor?: string;
  /** When given, the token must have been issued for this record. */
  readonly recordId?: string;
};

/** What {@link Quarantine.cleanup} did. */
export type CleanupResult = {
  /** Held records whose `expiresAt` passed, now EXPIRED and shredded. */
  readonly expired: number;
  /** PENDING records of stores that never finished, removed with their keys and objects. */
  readonly abandonedStoresRemoved: number;
  /** Objects of final records that a crash had left behind, now deleted. */
  readonly leftoverObjectsDeleted: number;
  /**
   * Objects in this installation's key space (`<prefix><installationId>/`)
   * with no live record, now deleted: those of final records, and those with
   * no record at all once `cleanup.abandonedAfterMs` old.
   */
  readonly orphanObjectsDeleted: number;
  /**
   * Records that still hold a data key but whose metadata failed
   * authentication (changed outside this package), found in this run; each
   * is refused to every caller and alarmed.
   */
  readonly tamperedRecords: number;
  /**
   * Of those, the ones crypto-shredded in this run: at their real expiry
   * (sealed into the object at store time), or at once when it cannot be proven.
   */
  readonly tamperedRecordsShredded: number;
};

/** Count and plaintext bytes for one status. */
export type StatusStats = {
  readonly count: number;
  readonly sizeBytes: number;
};

/** What {@link Quarantine.storageStats} reports. */
export type StorageStats = {
  readonly byStatus: Readonly<Record<QuarantineStatus, StatusStats>>;
  /** Records currently held (QUARANTINED + UNDER_REVIEW). */
  readonly heldCount: number;
  /** Plaintext bytes currently held. */
  readonly heldBytes: number;
  /** Creation time of the oldest held record, or null. */
  readonly oldestHeldAt: Date | null;
  /** Stores in progress or abandoned (PENDING rows). */
  readonly pendingCount: number;
};

/** Options of {@link Quarantine.rotateKeys}. */
export type RotateKeysOptions = {
  /**
   * Data keys rewrapped per transaction.
   * @default 100
   */
  readonly batchSize?: number;
  /**
   * Stop after this many batches (resume by calling again).
   * @default unlimited
   */
  readonly maxBatches?: number;
};

/** What {@link Quarantine.rotateKeys} did. */
export type RotateKeysResult = {
  /** The master key everything rewrapped now uses. */
  readonly activeKeyId: string;
  /** Data keys rewrapped in this call (their records re-MACed with them). */
  readonly rewrapped: number;
  /**
   * Other records (re-)MACed under the active key in this call: final
   * records, and legacy records that had no MAC yet (the backfill).
   */
  readonly reauthenticated: number;
  /**
   * Records still needing a key that is not the active one: data key
   * wrapped by another master key, or MAC missing or made by another key
   * (0 when done). Records skipped as unreadable or forged stay counted.
   */
  readonly remaining: number;
};

/**
 * Records that still need each master key id (data key wrapped by it, or,
 * with a local keyring, MAC made by the key derived from it); a key with 0
 * (absent) may be retired.
 */
export type KeyUsage = Readonly<Record<string, number>>;

/** Context bound to every data-key operation (as AAD or KMS encryption context). */
export type DataKeyContext = {
  readonly recordId: string;
  /** Stable id of the data key (survives master-key rotation). */
  readonly dataKeyId: string;
};

/** A data key wrapped by a master key. */
export type WrappedDataKey = {
  /** Id of the master key that wrapped it. */
  readonly keyId: string;
  /** Opaque wrapped bytes (for the local provider: IV ‖ ciphertext ‖ tag). */
  readonly wrappedKey: Uint8Array;
};

/** A freshly generated data key: plaintext for one use, and its wrapped form to store. */
export type GeneratedDataKey = WrappedDataKey & {
  /** 32 bytes; wiped by the quarantine after use. */
  readonly plaintextKey: Uint8Array;
};

/**
 * Where master keys live. The built-in provider wraps with local AES-256-GCM
 * keys; an AWS KMS provider would map `generateDataKey` to GenerateDataKey
 * and `unwrapDataKey` to Decrypt with the context as encryption context.
 */
export interface KeyProvider {
  /** The master key new data keys are wrapped with. */
  readonly activeKeyId: string;
  /** Whether this provider can unwrap data keys wrapped by `keyId`. */
  hasKey(keyId: string): boolean;
  /** Generates a 32-byte data key and wraps it with the active master key. */
  generateDataKey(context: DataKeyContext): Promise<GeneratedDataKey>;
  /** Wraps an existing data key with the active master key (rotation). */
  wrapDataKey(plaintextKey: Uint8Array, context: DataKeyContext): Promise<WrappedDataKey>;
  /** Unwraps a data key; rejects when authentication of key or context fails. */
  unwrapDataKey(wrapped: WrappedDataKey, context: DataKeyContext): Promise<Uint8Array>;
}

/**
 * Structured logger; fields never carry content or secrets. The family's one
 * `Logger` type (`@clawexchange/ssg/common`).
 * @deprecated use `Logger` from `@clawexchange/ssg/common`; this alias stays until 1.0
 */
export type QuarantineLogger = Logger;

/**
 * The quarantine service. Satisfies the ssg `QuarantineSink` contract.
 */
export interface Quarantine extends QuarantineSink {
  /**
   * Encrypts and holds `content`; resolves with the record id once both the
   * object and its record are durable.
   * @throws {QuarantineError} QUARANTINE_INVALID_CONTENT, QUARANTINE_CONTENT_TOO_LARGE, QUARANTINE_INVALID_INPUT (metadata) before any write; QUARANTINE_STORE_FAILED or QUARANTINE_KEY_PROVIDER_FAILED when nothing was held
   */
  store(content: string, metadata: StoreMetadata): Promise<string>;
  /**
   * The record's metadata, or null when there is no visible record.
   * @throws {QuarantineError} QUARANTINE_INVALID_ID when `id` is not a UUID
   */
  getMetadata(id: string): Promise<QuarantineRecord | null>;
  /**
   * Records newest first, with keyset pagination.
   * @throws {QuarantineError} QUARANTINE_INVALID_INPUT for a bad filter, limit or cursor
   */
  list(options?: ListOptions): Promise<ListPage>;
  /**
   * Decrypts held content (for release and audited human viewing).
   * @throws {QuarantineError} QUARANTINE_NOT_FOUND, QUARANTINE_CONTENT_UNAVAILABLE (final or expired), QUARANTINE_INTEGRITY_FAILED (tampered), QUARANTINE_KEY_UNAVAILABLE
   */
  read(id: string): Promise<string>;
  /**
   * Moves a record through the state machine; final states shred the content.
   * Moving to RELEASED here records the decision and destroys the content
   * without returning it: call {@link Quarantine.release} when the host
   * needs the plaintext to publish.
   * @throws {QuarantineError} QUARANTINE_NOT_FOUND, QUARANTINE_INVALID_TRANSITION, QUARANTINE_CONFLICT (someone else changed it first)
   */
  updateStatus(
    id: string,
    status: QuarantineStatus,
    options?: UpdateStatusOptions,
  ): Promise<QuarantineRecord>;
  /**
   * Marks the record RELEASED, shreds it, and returns the plaintext (once).
   * @throws {QuarantineError} as `read` and `updateStatus`; QUARANTINE_CONFLICT for every caller but one
   */
  release(id: string, options?: UpdateStatusOptions): Promise<string>;
  /**
   * Marks the record DELETED and shreds it.
   * @throws {QuarantineError} as `updateStatus`
   */
  delete(id: string, options?: UpdateStatusOptions): Promise<QuarantineRecord>;
  /**
   * Issues a short-lived HMAC token for viewing one record.
   * @throws {QuarantineError} QUARANTINE_INVALID_INPUT (actor, expiresIn ≤ 3600 s), QUARANTINE_NOT_FOUND, QUARANTINE_CONTENT_UNAVAILABLE
   */
  createAccessToken(id: string, options: AccessTokenOptions): Promise<string>;
  /**
   * Checks a token's signature, expiry, actor/record binding and that its record is still held.
   * @throws {QuarantineError} QUARANTINE_TOKEN_INVALID, QUARANTINE_TOKEN_EXPIRED, QUARANTINE_TOKEN_REVOKED
   */
  verifyAccessToken(token: string, options?: VerifyAccessTokenOptions): Promise<AccessGrant>;
  /**
   * Expires due records and sweeps what crashes left behind.
   * @throws {QuarantineError} QUARANTINE_DATABASE_FAILED or QUARANTINE_STORAGE_FAILED; safe to rerun
   */
  cleanup(): Promise<CleanupResult>;
  /** Counts and bytes per status. */
  storageStats(): Promise<StorageStats>;
  /**
   * Rewraps data keys still wrapped by a non-active master key.
   * @throws {QuarantineError} QUARANTINE_INVALID_INPUT, QUARANTINE_DATABASE_FAILED; rows that cannot be unwrapped are skipped and counted in `remaining`
   */
  rotateKeys(options?: RotateKeysOptions): Promise<RotateKeysResult>;
  /** Live data keys per master key id. */
  keyUsage(): Promise<KeyUsage>;
}
