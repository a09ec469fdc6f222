import type { AuditActorType } from '@clawexchange/ssg';
import type { AuditRecord } from '../types.js';
import type { StoredChainRow } from '../verify-chain.js';

/** Columns every read selects, as text, in the shape of {@link RawRow}. */
export const SELECT_COLUMNS = `seq::text AS seq,
  (extract(epoch FROM created_at) * 1000)::int8::text AS created_at_ms,
  event_type, actor_id, actor_type, target_id, target_type, ip_address,
  metadata::text AS metadata, encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash`;

/** A row as the database returns it for {@link SELECT_COLUMNS}. */
export type RawRow = {
  readonly seq: string;
  readonly created_at_ms: string;
  readonly event_type: string;
  readonly actor_id: string;
  readonly actor_type: string;
  readonly target_id: string | null;
  readonly target_type: string | null;
  readonly ip_address: string | null;
  readonly metadata: string | null;
  readonly prev_hash: string;
  readonly hash: string;
};

/**
 * The canonical encoding of `computeRowHash()`, built in SQL, for checks
 * that re-hash rows where they are (tests, a DBA's query). verify() does not
 * use it: hashing in Node costs less CPU in total. Byte-identical to
 * `JSON.stringify` of the same array: `to_json(text)` escapes `"`, `\\` and
 * control characters exactly as JSON.stringify does (ids never hold control
 * characters, and canonical metadata text holds none raw), and neither
 * escapes other characters. An integration test compares both on random
 * strings.
 */
const CANONICAL_SQL = `'["audit.v1",' || to_json(seq::text)::text
  || ',' || to_json((extract(epoch FROM created_at) * 1000)::int8::text)::text
  || ',' || to_json(event_type)::text || ',' || to_json(actor_id)::text
  || ',' || to_json(actor_type)::text
  || ',' || coalesce(to_json(target_id)::text, 'null')
  || ',' || coalesce(to_json(target_type)::text, 'null')
  || ',' || coalesce(to_json(ip_address)::text, 'null')
  || ',' || coalesce(to_json(metadata::text)::text, 'null')
  || ',' || to_json(encode(prev_hash, 'hex'))::text || ']'`;

/** SQL expression: the row's canonical hash, as bytea. */
export const ROW_HASH_SQL: string = `sha256(convert_to(${CANONICAL_SQL}, 'UTF8'))`;

/** Maps a raw row to the hashed fields. */
export function toChainRow(r: RawRow): StoredChainRow {
  return {
    seq: r.seq,
    createdAtMs: r.created_at_ms,
    eventType: r.event_type,
    actorId: r.actor_id,
    actorType: r.actor_type,
    targetId: r.target_id,
    targetType: r.target_type,
    ipAddress: r.ip_address,
    metadata: r.metadata,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Maps hashed fields to a public record (a fresh object with parsed metadata). */
export function toRecord(r: StoredChainRow): AuditRecord {
  return {
    seq: Number(r.seq),
    createdAt: new Date(Number(r.createdAtMs)),
    eventType: r.eventType,
    actorId: r.actorId,
    actorType: r.actorType as AuditActorType,
    targetId: r.targetId,
    targetType: r.targetType,
    ipAddress: r.ipAddress,
    metadata: r.metadata === null ? null : (JSON.parse(r.metadata) as Record<string, unknown>),
    hash: r.hash,
    prevHash: r.prevHash,
  };
}
