import type { AuditActorType } from '@clawexchange/ssg';
import type { StoredChainRow } from '../verify-chain.js';
import type { AuditRecord } from '../types.js';

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
