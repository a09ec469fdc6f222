import type { Sequelize, Transaction } from 'sequelize';
import { QuarantineError, QuarantineErrorCode } from '../errors.js';
import type { QuarantineRecord, QuarantineStatus, StoredMatch } from '../types.js';
import type { CleanMetadata } from './validate.js';

/** Row shape of `quarantine_records` as pg returns it. */
export type RecordRow = {
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

/** A record row with what authenticates it: its MAC and the key row it binds. */
export type AuthRow = RecordRow & {
  mac: Buffer | null;
  mac_key_id: string | null;
  data_key_id: string | null;
  master_key_id: string | null;
};

/** What authenticates a record (issue 16); never part of a public record. */
export type RecordAuth = {
  /** Null for a legacy row, written before the `0004-add-record-mac` step. */
  readonly mac: Buffer | null;
  readonly macKeyId: string | null;
  /** The data key row's id and master key id; null once shredded. */
  readonly dataKeyId: string | null;
  readonly masterKeyId: string | null;
};

/** A record as read, with its authentication; check it before use (`integrity.ts`). */
export type LoadedRecord = {
  readonly record: StoredRecord;
  readonly auth: RecordAuth;
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

export const RECORD_COLUMNS: string =
  'id, status, tier, labels, matches, plugin_results, content_type, source_id, agent_id, s3_key, size_bytes, version, created_at, expires_at, reviewed_by, reviewed_at, notes';

/**
 * The columns of a record (alias `r`) with its MAC and key row (alias `k`:
 * LEFT JOIN, gone once shredded), read in one statement so record and key
 * row come from one snapshot. Append a WHERE over `r.`/`k.` columns.
 */
export const AUTH_COLUMNS: string = `${RECORD_COLUMNS.split(', ')
  .map((c) => `r.${c}`)
  .join(', ')}, r.mac, r.mac_key_id, k.id AS data_key_id, k.master_key_id`;

/** See {@link AUTH_COLUMNS}: records with their MAC and key row (LEFT JOIN). */
export const AUTH_SELECT: string = `SELECT ${AUTH_COLUMNS}
  FROM quarantine_records r LEFT JOIN encryption_keys k ON k.record_id = r.id`;

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

/** Maps an {@link AUTH_SELECT} row to the record and its authentication. */
export function toLoaded(row: AuthRow): LoadedRecord {
  return {
    record: toRecord(row),
    auth: {
      mac: row.mac === null ? null : Buffer.from(row.mac),
      macKeyId: row.mac_key_id,
      dataKeyId: row.data_key_id,
      masterKeyId: row.master_key_id,
    },
  };
}

/** A MAC and the id of the key that made it. */
export type WrittenMac = { readonly mac: Buffer; readonly keyId: string };

/**
 * Step 1 of a store: the PENDING record and its wrapped key in ONE
 * statement (a data-modifying CTE), so both commit or neither does, in a
 * single round trip without BEGIN/COMMIT.
 */
export async function insertPending(db: Sequelize, r: NewRecord, mac: WrittenMac): Promise<void> {
  await sql(
    db,
    `WITH rec AS (
       INSERT INTO quarantine_records (id, status, tier, labels, matches, plugin_results, content_type,
         source_id, agent_id, s3_key, size_bytes, version, created_at, updated_at, expires_at, mac, mac_key_id)
       VALUES ($1, 'PENDING', $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, $7, $8, $9, $10, 0, $11, $11, $12, $18, $19)
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
      mac.mac,
      mac.keyId,
    ],
  );
}

/**
 * Step 3 of a store: PENDING → QUARANTINED, with the MAC of the
 * QUARANTINED record. Returns whether the row was still PENDING.
 */
export async function markQuarantined(
  db: Sequelize,
  id: string,
  now: Date,
  mac: WrittenMac,
): Promise<boolean> {
  const rows = await sql(
    db,
    `UPDATE quarantine_records SET status = 'QUARANTINED', updated_at = $2, mac = $3, mac_key_id = $4
     WHERE id = $1 AND status = 'PENDING' RETURNING id`,
    [id, now, mac.mac, mac.keyId],
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

/** One record, PENDING included, or null (not authenticated: for existence and version checks). */
export async function findRecord(db: Sequelize, id: string): Promise<StoredRecord | null> {
  const rows = await sql<RecordRow>(
    db,
    `SELECT ${RECORD_COLUMNS} FROM quarantine_records WHERE id = $1`,
    [id],
  );
  return rows[0] === undefined ? null : toRecord(rows[0]);
}

/** One record with its authentication, PENDING included, or null. */
export async function findLoaded(db: Sequelize, id: string): Promise<LoadedRecord | null> {
  const rows = await sql<AuthRow>(db, `${AUTH_SELECT} WHERE r.id = $1`, [id]);
  return rows[0] === undefined ? null : toLoaded(rows[0]);
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

/** Notes that a final record's object is gone. */
export async function markObjectDeleted(db: Sequelize, id: string, now: Date): Promise<void> {
  await sql(db, 'UPDATE quarantine_records SET object_deleted_at = $2 WHERE id = $1', [id, now]);
}
