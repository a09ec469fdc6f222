import type { Sequelize, Transaction } from 'sequelize';
import { QuarantineError, QuarantineErrorCode } from '../errors.js';
import type { QuarantineRecord, QuarantineStatus, StoredMatch } from '../types.js';
import type { CleanMetadata } from './validate.js';

/** Row shape of `quarantine_records` as pg returns it. */
type RecordRow = {
  id: string;
  status: string;
  tier: string;
  labels: string[];
  matches: StoredMatch[];
  plugin_results: unknown[];
  content_type: string | null;
  source_id: string | null;
  agent_id: string | null;
  s3_key: string;
  size_bytes: number;
  version: number;
  created_at: Date;
  expires_at: Date;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  notes: string | null;
};

/** The crypto envelope of one record (an `encryption_keys` row). */
export type KeyRow = {
  readonly dataKeyId: string;
  readonly masterKeyId: string;
  readonly wrappedKey: Buffer;
  readonly contentIv: Buffer;
  readonly contentTag: Buffer;
};

/** A record including its internal PENDING state. */
export type StoredRecord = Omit<QuarantineRecord, 'status'> & {
  readonly status: QuarantineStatus | 'PENDING';
};

/** What `insertPending` writes: the validated metadata plus the record's placement and key. */
export type NewRecord = CleanMetadata &
  Pick<QuarantineRecord, 'id' | 's3Key' | 'sizeBytes' | 'createdAt' | 'expiresAt'> & {
    readonly key: KeyRow;
  };

const RECORD_COLUMNS =
  'id, status, tier, labels, matches, plugin_results, content_type, source_id, agent_id, s3_key, size_bytes, version, created_at, expires_at, reviewed_by, reviewed_at, notes';

/** Runs one statement with bound parameters; wraps failures as DATABASE_FAILED. */
export async function sql<T>(
  db: Sequelize,
  text: string,
  bind: readonly unknown[],
  transaction?: Transaction,
): Promise<T[]> {
  try {
    const [rows] = (await db.query(text, {
      bind: [...bind],
      raw: true,
      // Explicit null, never undefined: with Sequelize CLS enabled an undefined
      // transaction joins whatever transaction the host has open, so a store
      // could "commit" inside a host transaction that later rolls back (an id
      // acknowledged for a record that never existed, its object then swept).
      transaction: transaction ?? null,
    })) as [T[], unknown];
    return Array.isArray(rows) ? rows : [];
  } catch (cause) {
    // The Sequelize error keeps `sql` and bound `parameters` on cause only.
    throw new QuarantineError(QuarantineErrorCode.DATABASE_FAILED, 'database operation failed', {
      cause,
    });
  }
}

/** Runs `fn` in one transaction; wraps a failure to begin or commit as DATABASE_FAILED. */
export async function inTransaction<T>(
  db: Sequelize,
  fn: (t: Transaction) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction(fn);
  } catch (cause) {
    if (cause instanceof QuarantineError) throw cause;
    throw new QuarantineError(QuarantineErrorCode.DATABASE_FAILED, 'database operation failed', {
      cause,
    });
  }
}

/** Maps a row to a plain record (copies, never the driver's objects). */
export function toRecord(row: RecordRow): StoredRecord {
  return {
    id: row.id,
    status: row.status as QuarantineStatus,
    tier: row.tier,
    labels: [...(row.labels ?? [])],
    matches: (row.matches ?? []).map((m) => ({ label: m.label, redacted: m.redacted })),
    pluginResults: structuredClone(row.plugin_results ?? []),
    contentType: row.content_type,
    sourceId: row.source_id,
    agentId: row.agent_id,
    s3Key: row.s3_key,
    sizeBytes: Number(row.size_bytes),
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at === null ? null : new Date(row.reviewed_at),
    notes: row.notes,
    version: Number(row.version),
  };
}

/**
 * Step 1 of a store: the PENDING record and its wrapped key in ONE
 * statement (a data-modifying CTE), so both commit or neither does, in a
 * single round trip without BEGIN/COMMIT.
 */
export async function insertPending(db: Sequelize, r: NewRecord): Promise<void> {
  await sql(
    db,
    `WITH rec AS (
       INSERT INTO quarantine_records (id, status, tier, labels, matches, plugin_results, content_type,
         source_id, agent_id, s3_key, size_bytes, version, created_at, updated_at, expires_at)
       VALUES ($1, 'PENDING', $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, $7, $8, $9, $10, 0, $11, $11, $12)
       RETURNING id)
     INSERT INTO encryption_keys (id, record_id, master_key_id, wrapped_key, content_iv, content_tag, created_at)
     SELECT $13, rec.id, $14, $15, $16, $17, $11 FROM rec`,
    [
      r.id,
      r.tier,
      JSON.stringify(r.labels),
      JSON.stringify(r.matches),
      JSON.stringify(r.pluginResults),
      r.contentType,
      r.sourceId,
      r.agentId,
      r.s3Key,
      r.sizeBytes,
      r.createdAt,
      r.expiresAt,
      r.key.dataKeyId,
      r.key.masterKeyId,
      r.key.wrappedKey,
      r.key.contentIv,
      r.key.contentTag,
    ],
  );
}

/** Step 3 of a store: PENDING → QUARANTINED. Returns whether the row was still PENDING. */
export async function markQuarantined(db: Sequelize, id: string, now: Date): Promise<boolean> {
  const rows = await sql(
    db,
    `UPDATE quarantine_records SET status = 'QUARANTINED', updated_at = $2
     WHERE id = $1 AND status = 'PENDING' RETURNING id`,
    [id, now],
  );
  return rows.length === 1;
}

/** Removes a PENDING record (its key row goes with it by cascade). Returns whether it existed. */
export async function deletePending(db: Sequelize, id: string): Promise<boolean> {
  const rows = await sql(
    db,
    `DELETE FROM quarantine_records WHERE id = $1 AND status = 'PENDING' RETURNING id`,
    [id],
  );
  return rows.length === 1;
}

/** One record, PENDING included, or null. */
export async function findRecord(db: Sequelize, id: string): Promise<StoredRecord | null> {
  const rows = await sql<RecordRow>(
    db,
    `SELECT ${RECORD_COLUMNS} FROM quarantine_records WHERE id = $1`,
    [id],
  );
  return rows[0] === undefined ? null : toRecord(rows[0]);
}

type KeyDbRow = {
  id: string;
  master_key_id: string;
  wrapped_key: Buffer;
  content_iv: Buffer;
  content_tag: Buffer;
};

/** The envelope of a record, or null once shredded. */
export async function findKey(db: Sequelize, recordId: string): Promise<KeyRow | null> {
  const rows = await sql<KeyDbRow>(
    db,
    'SELECT id, master_key_id, wrapped_key, content_iv, content_tag FROM encryption_keys WHERE record_id = $1',
    [recordId],
  );
  const row = rows[0];
  if (row === undefined) return null;
  return {
    dataKeyId: row.id,
    masterKeyId: row.master_key_id,
    wrappedKey: Buffer.from(row.wrapped_key),
    contentIv: Buffer.from(row.content_iv),
    contentTag: Buffer.from(row.content_tag),
  };
}

/** A status change guarded by the version the caller read. */
export type StatusChange = {
  readonly id: string;
  readonly fromVersion: number;
  readonly status: QuarantineStatus;
  readonly reviewedBy: string | null;
  readonly notes: string | null;
  readonly now: Date;
  /** Final states destroy the data key in the same transaction. */
  readonly shred: boolean;
};

/**
 * Applies a status change if nobody changed the record since `fromVersion`
 * (optimistic concurrency). For final states the key row is deleted in the
 * same transaction, so a committed final status always means shredded.
 *
 * @returns the updated record, or null when the version moved on (conflict)
 */
export async function changeStatus(db: Sequelize, c: StatusChange): Promise<StoredRecord | null> {
  return inTransaction(db, async (t) => {
    const rows = await sql<RecordRow>(
      db,
      `UPDATE quarantine_records SET status = $3, version = version + 1, updated_at = $4,
         reviewed_by = COALESCE($5::varchar, reviewed_by), reviewed_at = CASE WHEN $5::varchar IS NULL THEN reviewed_at ELSE $4 END,
         notes = COALESCE($6::text, notes), shredded_at = CASE WHEN $7::boolean THEN $4 ELSE shredded_at END
       WHERE id = $1 AND version = $2 AND status IN ('QUARANTINED', 'UNDER_REVIEW')
       RETURNING ${RECORD_COLUMNS}`,
      [c.id, c.fromVersion, c.status, c.now, c.reviewedBy, c.notes, c.shred],
      t,
    );
    const row = rows[0];
    if (row === undefined) return null;
    if (c.shred) await sql(db, 'DELETE FROM encryption_keys WHERE record_id = $1', [c.id], t);
    return toRecord(row);
  });
}

/** Notes that a final record's object is gone. */
export async function markObjectDeleted(db: Sequelize, id: string, now: Date): Promise<void> {
  await sql(db, 'UPDATE quarantine_records SET object_deleted_at = $2 WHERE id = $1', [id, now]);
}
