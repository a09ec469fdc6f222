/**
 * Rows past the chain head: what the writer does instead of wedging.
 *
 * The writer appends rows and moves the head in one statement, so a row
 * past the head was written by someone else (before step 0002, the
 * application role could; after it, only the table owner or a superuser).
 * Appending at `head + 1` would then collide forever. Policy, under the head
 * lock of the slow path:
 *
 * - **adopt** when the extra rows are a valid continuation of the verified
 *   head (contiguous, each hash right, each linked to the previous, time
 *   never going back, at most {@link MAX_ADOPTED_ROWS}): they are exactly what
 *   an append could have written, so the head moves onto them (nothing is
 *   lost, nothing unverified is chained onto);
 * - **skip** otherwise: an `AUDIT_TAIL_SKIPPED` row at `max(seq) + 1` chains
 *   onward from the verified head and names the skipped range, and the
 *   batch follows it. `verify()` walks past the named range, and refuses a
 *   skip that would hide a row an anchored checkpoint covers.
 *
 * Either way an `AUDIT_TAIL_BEYOND_HEAD` alarm is raised.
 */
import { type ChainRow, computeRowHash } from '../canonical.js';
import { TAIL_SKIPPED_EVENT } from '../migrations/append-guard-sql.js';
import type { PreparedEvent } from '../validate-event.js';
import type { StoredChainRow } from '../verify-chain.js';
import type { PgClient } from './raw-connection.js';
import { SELECT_COLUMNS } from './rows.js';

/** Most rows past the head the writer will check and adopt; more are skipped. */
export const MAX_ADOPTED_ROWS = 1000;

/** The chain head as the writer reads it (text, as the driver returns it). */
export type Head = { seq: string; hash: string; ms: string | null };

/** What the writer found past the head and decided. */
export type TailDecision =
  | {
      readonly action: 'adopt';
      readonly head: Head;
      readonly headSeq: number;
      readonly fromSeq: number;
      readonly toSeq: number;
    }
  | {
      readonly action: 'skip';
      readonly headSeq: number;
      /** The head to chain the marker on: the verified hash, at the last skipped sequence. */
      readonly head: Head;
      readonly marker: PreparedEvent;
      readonly fromSeq: number;
      readonly toSeq: number;
    };

const READ_TAIL = `SELECT ${SELECT_COLUMNS} FROM audit_logs WHERE seq > $1::int8
  ORDER BY audit_logs.seq LIMIT ${MAX_ADOPTED_ROWS + 1}`;

const MAX_TAIL = 'SELECT max(seq)::text AS seq FROM audit_logs WHERE seq > $1::int8';

function toStored(r: Record<string, string | null>): StoredChainRow {
  return {
    seq: r.seq as string,
    createdAtMs: r.created_at_ms as string,
    eventType: r.event_type as string,
    actorId: r.actor_id as string,
    actorType: r.actor_type as string,
    targetId: r.target_id ?? null,
    targetType: r.target_type ?? null,
    ipAddress: r.ip_address ?? null,
    metadata: r.metadata ?? null,
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  };
}

/** True when `rows` continue the head exactly as the writer would have written them. */
function continuesHead(head: Head, rows: readonly StoredChainRow[]): boolean {
  if (rows.length === 0 || rows.length > MAX_ADOPTED_ROWS) return false;
  let seq = Number(head.seq);
  let prev = head.hash;
  let ms = head.ms === null ? 0 : Number(head.ms);
  for (const row of rows) {
    const rowMs = Number(row.createdAtMs);
    const ok =
      Number(row.seq) === seq + 1 &&
      row.prevHash === prev &&
      rowMs >= ms &&
      // A marker is only ever written by the writer itself, together with the head.
      row.eventType !== TAIL_SKIPPED_EVENT &&
      computeRowHash(row satisfies ChainRow) === row.hash;
    if (!ok) return false;
    seq += 1;
    prev = row.hash;
    ms = rowMs;
  }
  return true;
}

/**
 * The marker row's event: a system event naming the skipped range (ids and
 * numbers only). Metadata keys are in canonical (sorted) order.
 */
function markerEvent(headSeq: number, toSeq: number): PreparedEvent {
  return {
    eventType: TAIL_SKIPPED_EVENT,
    actorId: 'clawexchange-audit',
    actorType: 'system',
    targetId: null,
    targetType: null,
    ipAddress: null,
    metadata: JSON.stringify({ headSeq, skippedFrom: headSeq + 1, skippedTo: toSeq }),
  };
}

/**
 * Looks past the locked head. Cheap when nothing is there (one index probe).
 *
 * @param conn - the connection holding the head lock
 * @param head - the locked head
 * @returns null when no row is past the head, else what to do
 */
export async function inspectTail(conn: PgClient, head: Head): Promise<TailDecision | null> {
  const { rows } = await conn.query({ text: READ_TAIL, values: [head.seq] });
  if (rows.length === 0) return null;
  const tail = (rows as Record<string, string | null>[]).map(toStored);
  const headSeq = Number(head.seq);
  const first = Number((tail[0] as StoredChainRow).seq);
  if (continuesHead(head, tail)) {
    const last = tail[tail.length - 1] as StoredChainRow;
    return {
      action: 'adopt',
      head: { seq: last.seq, hash: last.hash, ms: last.createdAtMs },
      headSeq,
      fromSeq: first,
      toSeq: Number(last.seq),
    };
  }
  const { rows: max } = await conn.query({ text: MAX_TAIL, values: [head.seq] });
  const toSeq = Number((max[0] as { seq: string }).seq);
  return {
    action: 'skip',
    head: { seq: String(toSeq), hash: head.hash, ms: head.ms },
    marker: markerEvent(headSeq, toSeq),
    headSeq,
    fromSeq: first,
    toSeq,
  };
}

const ADOPT = `UPDATE audit_chain_head SET last_seq = $1::int8, last_hash = decode($2, 'hex'),
  last_created_at = (SELECT created_at FROM audit_logs WHERE seq = $1::int8 LIMIT 1)
  WHERE id = 1`;

/**
 * Moves the head onto adopted rows (inside the caller's transaction). The
 * step 0002 guard checks the same things again in the database.
 *
 * @param conn - the connection holding the head lock
 * @param head - the new head (the last adopted row)
 */
export async function adoptTail(conn: PgClient, head: Head): Promise<void> {
  await conn.query({ text: ADOPT, values: [head.seq, head.hash] });
}
