/**
 * Streams the chain in `seq` order through a server-side cursor inside one
 * REPEATABLE READ, read-only transaction: one consistent snapshot (rows and
 * chain head agree even while writers append), no re-planning per page, and
 * duplicate sequence numbers are still seen (keyset paging would skip them).
 *
 * It borrows a raw driver connection from the host's Sequelize pool
 * (`connectionManager.getConnection`, public API) to fetch rows as arrays:
 * verify() is bound by row decoding, and this halves it.
 */
import type { Sequelize } from 'sequelize';
import type { AuditLogSink } from '../config.js';
import { AuditErrorCode } from '../errors.js';
import { TAIL_SKIPPED_EVENT } from '../migrations/append-guard-sql.js';
import type { SkippedRange, StoredChainRow } from '../verify-chain.js';
import type { PgClient } from './raw-connection.js';
import { SELECT_COLUMNS } from './rows.js';

/**
 * Rows fetched per round trip. Small enough that a page and the prefetched
 * next one die young in V8's nursery: with 10,000-row pages the rows
 * outlived it and garbage collection took a large share of verify()
 * (2,000 was 10-80% faster than 10,000 side by side, at lower CPU per row).
 */
const FETCH_SIZE = 2000;

/** What a snapshot reads per row, and how a fetched row (an array) becomes a value. */
export type ChainView<T> = {
  readonly columns: string;
  readonly map: (row: readonly (string | boolean | null)[]) => T;
};

/** Full rows; the caller hashes them (export and verify). */
export const RECORD_VIEW: ChainView<StoredChainRow> = {
  columns: SELECT_COLUMNS,
  map: (r) => ({
    seq: r[0] as string,
    createdAtMs: r[1] as string,
    eventType: r[2] as string,
    actorId: r[3] as string,
    actorType: r[4] as string,
    targetId: r[5] as string | null,
    targetType: r[6] as string | null,
    ipAddress: r[7] as string | null,
    metadata: r[8] as string | null,
    prevHash: r[9] as string,
    hash: r[10] as string,
  }),
};

const PREV_TIME = `SELECT (extract(epoch FROM created_at) * 1000)::int8::text
  FROM audit_logs WHERE seq = $1::int8 ORDER BY created_at DESC LIMIT 1`;
const MARKERS = `SELECT seq::text, metadata::text FROM audit_logs WHERE event_type = $1
  ORDER BY audit_logs.seq`;

/** A marker names its range; one that does not end right before it names none. */
function toRange(seq: string, metadata: string | null): SkippedRange | null {
  let parsed: unknown = null;
  try {
    parsed = metadata === null ? null : JSON.parse(metadata);
  } catch {
    // Unparseable: the marker names no range, so the walk meets the rows and breaks.
    return null;
  }
  const named = parsed as { skippedFrom?: unknown; skippedTo?: unknown } | null;
  const fromSeq = named?.skippedFrom;
  const toSeq = named?.skippedTo;
  if (typeof fromSeq !== 'number' || typeof toSeq !== 'number') return null;
  if (!Number.isSafeInteger(fromSeq) || toSeq < fromSeq || toSeq + 1 !== Number(seq)) return null;
  return { fromSeq, toSeq };
}

/** Reads, in the snapshot, the time of the row before `from` and the skip markers. */
async function readExtras(
  conn: PgClient,
  from: number,
): Promise<{ prevCreatedAtMs: number | null; skips: SkippedRange[] }> {
  let prevCreatedAtMs: number | null = null;
  if (from > 1) {
    const prev = await conn.query({ text: PREV_TIME, values: [from - 1], rowMode: 'array' });
    const ms = (prev.rows[0] as string[] | undefined)?.[0];
    prevCreatedAtMs = ms === undefined ? null : Number(ms);
  }
  const markers = await conn.query({
    text: MARKERS,
    values: [TAIL_SKIPPED_EVENT],
    rowMode: 'array',
  });
  const skips = (markers.rows as [string, string | null][])
    .map(([seq, metadata]) => toRange(seq, metadata))
    .filter((r): r is SkippedRange => r !== null);
  return { prevCreatedAtMs, skips };
}

/**
 * Where a snapshot reads: the primary (`'write'`: Sequelize's write pool,
 * like its transactions) or the host's read replica (`'read'`: Sequelize's
 * read pool when the instance is configured with `replication`, else its one
 * pool).
 */
export type ReadSource = { readonly db: Sequelize; readonly pool: 'write' | 'read' };

/** What a hot standby said about itself in the snapshot's transaction. */
export type StandbyState = {
  /** `pg_last_wal_replay_lsn()`: how far it has replayed. */
  readonly replayLsn: string | null;
  /** `pg_last_xact_replay_timestamp()` in epoch ms; null before any replayed commit. */
  readonly replayedAtMs: number | null;
};

/** The head, and whether (and how far) this server is a standby replaying WAL. */
const HEAD_STATE = `SELECT last_seq::text, pg_is_in_recovery(), pg_last_wal_replay_lsn()::text,
  (extract(epoch FROM pg_last_xact_replay_timestamp()) * 1000)::int8::text
  FROM audit_chain_head WHERE id = 1`;

type HeadStateRow = readonly [string, boolean, string | null, string | null];

function toStandby(row: HeadStateRow | undefined): StandbyState | null {
  if (row === undefined || row[1] !== true) return null;
  return { replayLsn: row[2], replayedAtMs: row[3] === null ? null : Number(row[3]) };
}

/** An open snapshot of the chain. */
export type ChainSnapshot<T> = {
  /** `audit_chain_head.last_seq` in the same snapshot. */
  readonly headSeq: number;
  /** Set when the snapshot was read on a hot standby (`pg_is_in_recovery()`). */
  readonly standby: StandbyState | null;
  /** `created_at` (epoch ms) of the row at `from - 1`, when `from > 1` and it exists. */
  readonly prevCreatedAtMs: number | null;
  /** Ranges named by well-formed skip markers (`AUDIT_TAIL_SKIPPED` rows), in the snapshot. */
  readonly skips: readonly SkippedRange[];
  /** Pages of rows with `from <= seq <= to`, in `seq` order. */
  readonly pages: AsyncGenerator<T[]>;
  /** Ends the transaction and returns the connection; call it in `finally`. */
  close(): Promise<void>;
};

/**
 * Opens a snapshot of the chain.
 *
 * @param source - the primary or the read replica
 * @param logger - where a failed transaction end is reported
 * @param range - validated safe integers
 * @param view - which columns to read and how to map them
 * @returns the snapshot
 */
export async function openChainSnapshot<T>(
  source: ReadSource,
  logger: AuditLogSink,
  range: { readonly from: number; readonly to: number | null },
  view: ChainView<T>,
): Promise<ChainSnapshot<T>> {
  // Sequelize 6 sends `type: 'SELECT'` to its read pool and anything else
  // (its typings' 'read' included) to the write pool. A caller reading a
  // replica handles its lag (see `replica-verify.ts`).
  const db = source.db;
  const type = (source.pool === 'read' ? 'SELECT' : 'write') as 'write';
  const conn = (await db.connectionManager.getConnection({ type })) as PgClient;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    try {
      await conn.query({ text: 'ROLLBACK' });
    } catch (error) {
      // Read-only: nothing to undo; the pool validates the connection on next use.
      logger.warn(
        { code: AuditErrorCode.READ_FAILED, endFailed: error instanceof Error },
        'audit read transaction did not end cleanly',
      );
    }
    db.connectionManager.releaseConnection(conn as never);
  };
  try {
    await conn.query({ text: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' });
    const head = await conn.query({ text: HEAD_STATE, rowMode: 'array' });
    const upper = range.to === null ? '' : ` AND seq <= ${range.to}`;
    // Bounds are validated safe integers, interpolated because DECLARE takes no parameters.
    await conn.query({
      text: `DECLARE audit_chain_cursor NO SCROLL CURSOR FOR SELECT ${view.columns}
       FROM audit_logs WHERE seq >= ${range.from}${upper} ORDER BY audit_logs.seq`,
    });
    const fetchPage = async (): Promise<unknown[]> =>
      (await conn.query({ text: `FETCH ${FETCH_SIZE} FROM audit_chain_cursor`, rowMode: 'array' }))
        .rows;
    // Ask for page n+1 before the caller processes page n: PostgreSQL
    // produces rows while JS hashes.
    async function* pages(): AsyncGenerator<T[]> {
      let next: Promise<unknown[]> | null = fetchPage();
      while (next !== null) {
        const rows: unknown[] = await next;
        next = rows.length === FETCH_SIZE ? fetchPage() : null;
        // A prefetch that fails after the caller stopped must not go unhandled;
        // a caller that goes on still gets the error when it awaits the page.
        next?.catch(() => undefined);
        if (rows.length === 0) return;
        yield (rows as (string | boolean | null)[][]).map(view.map);
      }
    }
    const state = head.rows[0] as HeadStateRow | undefined;
    return {
      headSeq: Number(state?.[0] ?? 0),
      standby: toStandby(state),
      ...(await readExtras(conn, range.from)),
      pages: pages(),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
