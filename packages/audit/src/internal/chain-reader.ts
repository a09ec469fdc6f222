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
import type { CheckedLink, StoredChainRow } from '../verify-chain.js';
import type { PgClient } from './raw-connection.js';
import { SELECT_COLUMNS, SPLIT_COLUMNS } from './rows.js';

/** Rows fetched per round trip. */
const FETCH_SIZE = 10_000;

/** What a snapshot reads per row: the full record, or only the links (hash checked in SQL). */
export type ChainView<T> = {
  readonly columns: string;
  readonly map: (row: readonly (string | boolean | null)[]) => T;
};

/** Full rows; the caller hashes them (export, and verify's default). */
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

/** Half the rows checked in SQL, half returned whole (see `SPLIT_COLUMNS`); for verify(). */
export const SPLIT_VIEW: ChainView<CheckedLink | StoredChainRow> = {
  columns: SPLIT_COLUMNS,
  map: (r) =>
    r[3] === null
      ? {
          seq: r[0] as string,
          prevHash: r[1] as string,
          hash: r[2] as string,
          createdAtMs: r[4] as string,
          eventType: r[5] as string,
          actorId: r[6] as string,
          actorType: r[7] as string,
          targetId: r[8] as string | null,
          targetType: r[9] as string | null,
          ipAddress: r[10] as string | null,
          metadata: r[11] as string | null,
        }
      : {
          seq: r[0] as string,
          prevHash: r[1] as string,
          hash: r[2] as string,
          hashOk: r[3] === true,
        },
};

/** An open snapshot of the chain. */
export type ChainSnapshot<T> = {
  /** `audit_chain_head.last_seq` in the same snapshot. */
  readonly headSeq: number;
  /** Pages of rows with `from <= seq <= to`, in `seq` order. */
  readonly pages: AsyncGenerator<T[]>;
  /** Ends the transaction and returns the connection; call it in `finally`. */
  close(): Promise<void>;
};

/**
 * Opens a snapshot of the chain.
 *
 * @param db - the host's Sequelize
 * @param logger - where a failed transaction end is reported
 * @param range - validated safe integers
 * @param view - which columns to read and how to map them
 * @returns the snapshot
 */
export async function openChainSnapshot<T>(
  db: Sequelize,
  logger: AuditLogSink,
  range: { readonly from: number; readonly to: number | null },
  view: ChainView<T>,
): Promise<ChainSnapshot<T>> {
  // The primary ('write'), like Sequelize transactions: a lagging replica
  // would make a fresh checkpoint look truncated.
  const conn = (await db.connectionManager.getConnection({ type: 'write' })) as PgClient;
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
    const head = await conn.query({
      text: 'SELECT last_seq::text FROM audit_chain_head WHERE id = 1',
      rowMode: 'array',
    });
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
    // produces (and, in the split view, hashes) rows while JS hashes.
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
    const headSeq = Number((head.rows[0] as string[] | undefined)?.[0] ?? 0);
    return { headSeq, pages: pages(), close };
  } catch (error) {
    await close();
    throw error;
  }
}
