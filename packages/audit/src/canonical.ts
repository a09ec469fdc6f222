/**
 * The canonical encoding of an audit row and its chained hash. This is the
 * format an auditor re-implements to check an exported trail offline:
 *
 *   hash = SHA-256( UTF-8( JSON.stringify([
 *     "audit.v1", seq, createdAtMs, eventType, actorId, actorType,
 *     targetId, targetType, ipAddress, metadata, prevHash ]) ) )
 *
 * where `seq` and `createdAtMs` are decimal strings, absent values are JSON
 * `null`, `metadata` is the stored canonical JSON text (keys sorted by UTF-16
 * code units, no whitespace) and `prevHash` is the previous row's hash in
 * lowercase hex (64 zeros for seq 1). A JSON array of strings is unambiguous,
 * so no two different rows share an encoding.
 */
import { hash } from 'node:crypto';

/** The `prevHash` of the first row. */
export const GENESIS_HASH: string = '0'.repeat(64);

/** The hashed fields of one row, as text. */
export type ChainRow = {
  readonly seq: string;
  readonly createdAtMs: string;
  readonly eventType: string;
  readonly actorId: string;
  readonly actorType: string;
  readonly targetId: string | null;
  readonly targetType: string | null;
  readonly ipAddress: string | null;
  /** Canonical JSON text, or null. */
  readonly metadata: string | null;
  /** Previous row's hash, lowercase hex. */
  readonly prevHash: string;
};

/**
 * Computes a row's chained hash.
 *
 * @param row - the hashed fields
 * @returns lowercase hex SHA-256
 */
export function computeRowHash(row: ChainRow): string {
  const encoded = JSON.stringify([
    'audit.v1',
    row.seq,
    row.createdAtMs,
    row.eventType,
    row.actorId,
    row.actorType,
    row.targetId,
    row.targetType,
    row.ipAddress,
    row.metadata,
    row.prevHash,
  ]);
  // One-shot hash (Node >= 20.12): no Hash object per row, about 3x cheaper
  // than createHash().update().digest(); strings are hashed as UTF-8.
  return hash('sha256', encoded, 'hex');
}
