import type { Sequelize } from 'sequelize';
import type { QuarantineStatus } from '../types.js';
import {
  inTransaction,
  RECORD_COLUMNS,
  type RecordRow,
  type StoredRecord,
  sql,
  toRecord,
  type WrittenMac,
} from './repository.js';

/** The key ids a record's MAC binds: the live key row's, or null once shredded. */
export type KeyIds = {
  readonly dataKeyId: string | null;
  readonly masterKeyId: string | null;
};

/** A status change guarded by the version the caller read. */
export type StatusChange = {
  /** The record as the caller read (and authenticated) it. */
  readonly record: StoredRecord;
  readonly status: QuarantineStatus;
  readonly reviewedBy: string | null;
  readonly notes: string | null;
  readonly now: Date;
  /** Final states destroy the data key in the same transaction. */
  readonly shred: boolean;
  /** MACs the record as it will be after the change. */
  readonly mac: (next: StoredRecord, keys: KeyIds) => WrittenMac;
};

/** The record after a status change (what the UPDATE writes). */
function changed(c: StatusChange): StoredRecord {
  return {
    ...c.record,
    status: c.status,
    version: c.record.version + 1,
    reviewedBy: c.reviewedBy ?? c.record.reviewedBy,
    reviewedAt: c.reviewedBy === null ? c.record.reviewedAt : c.now,
    notes: c.notes ?? c.record.notes,
  };
}

/**
 * Applies a status change if nobody changed the record since the caller
 * read it (optimistic concurrency), with a new MAC in the same statement.
 * The record row is locked first and the key row read under that lock (in
 * its own statement), so a key rotation (which locks both) can never change
 * the key ids the new MAC binds. For final states the key row is deleted in the same
 * transaction, so a committed final status always means shredded.
 *
 * @returns the updated record, or null when the version moved on (conflict)
 */
export async function changeStatus(db: Sequelize, c: StatusChange): Promise<StoredRecord | null> {
  return inTransaction(db, async (t) => {
    const locked = await sql<{ id: string }>(
      db,
      `SELECT id FROM quarantine_records
       WHERE id = $1 AND version = $2 AND status IN ('QUARANTINED', 'UNDER_REVIEW')
       FOR UPDATE`,
      [c.record.id, c.record.version],
      t,
    );
    if (locked[0] === undefined) return null;
    // A separate statement, after the lock: in READ COMMITTED it sees a
    // rotation that committed while we waited. (A join in the locking
    // statement would re-check only the locked row and return the key row as
    // of the statement's start — a stale master key id, a false tamper alarm.)
    const keyRows = await sql<{ id: string; master_key_id: string }>(
      db,
      'SELECT id, master_key_id FROM encryption_keys WHERE record_id = $1',
      [c.record.id],
      t,
    );
    const keys = keyRows[0];
    const next = changed(c);
    const mac = c.mac(
      next,
      c.shred
        ? { dataKeyId: null, masterKeyId: null }
        : { dataKeyId: keys?.id ?? null, masterKeyId: keys?.master_key_id ?? null },
    );
    const rows = await sql<RecordRow>(
      db,
      `UPDATE quarantine_records SET status = $3, version = $4, updated_at = $5, reviewed_by = $6,
         reviewed_at = $7, notes = $8, shredded_at = CASE WHEN $9::boolean THEN $5 ELSE shredded_at END,
         mac = $10, mac_key_id = $11
       WHERE id = $1 AND version = $2
       RETURNING ${RECORD_COLUMNS}`,
      [
        c.record.id,
        c.record.version,
        next.status,
        next.version,
        c.now,
        next.reviewedBy,
        next.reviewedAt,
        next.notes,
        c.shred,
        mac.mac,
        mac.keyId,
      ],
      t,
    );
    const row = rows[0];
    if (row === undefined) return null;
    if (c.shred)
      await sql(db, 'DELETE FROM encryption_keys WHERE record_id = $1', [c.record.id], t);
    return toRecord(row);
  });
}
