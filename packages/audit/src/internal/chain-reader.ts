/**
 * Streams the chain in `seq` order through a server-side cursor inside one
 * REPEATABLE READ, read-only transaction: one consistent snapshot (rows and
 * chain head agree even while writers append), no re-planning per page, and
 * duplicate sequence numbers are still seen (keyset paging would skip them).
 */
import type { Sequelize, Transaction } from 'sequelize';
import type { AuditLogSink } from '../config.js';
import { AuditErrorCode } from '../errors.js';
import type { StoredChainRow } from '../verify-chain.js';
import { type RawRow, SELECT_COLUMNS, toChainRow } from './rows.js';

/** Rows fetched per round trip. */
const FETCH_SIZE = 10_000;

/** An open snapshot of the chain. */
export type ChainSnapshot = {
  /** `audit_chain_head.last_seq` in the same snapshot. */
  readonly headSeq: number;
  /** Pages of rows with `from <= seq <= to`, in `seq` order. */
  readonly pages: AsyncGenerator<StoredChainRow[]>;
  /** Ends the transaction; call it in `finally`. */
  close(): Promise<void>;
};

/**
 * Opens a snapshot of the chain.
 *
 * @param db - the host's Sequelize
 * @param logger - where a failed transaction end is reported
 * @param range - validated safe integers
 * @returns the snapshot
 */
export async function openChainSnapshot(
  db: Sequelize,
  logger: AuditLogSink,
  range: { readonly from: number; readonly to: number | null },
): Promise<ChainSnapshot> {
  const t: Transaction = await db.transaction({
    isolationLevel: 'REPEATABLE READ' as Transaction.ISOLATION_LEVELS,
    readOnly: true,
  });
  const close = async (): Promise<void> => {
    // Read-only: ending it either way is the same; a failure is only reported
    // (the pool discards a connection whose transaction cannot end).
    await t.rollback().catch((error: unknown) => {
      logger.warn(
        { code: AuditErrorCode.READ_FAILED, endFailed: error instanceof Error },
        'audit read transaction did not end cleanly',
      );
    });
  };
  try {
    const [heads] = (await db.query(
      'SELECT last_seq::text AS seq FROM audit_chain_head WHERE id = 1',
      { transaction: t },
    )) as [{ seq: string }[], unknown];
    const upper = range.to === null ? '' : ` AND seq <= ${range.to}`;
    // Bounds are validated safe integers, interpolated because DECLARE takes no parameters.
    await db.query(
      `DECLARE audit_chain_cursor NO SCROLL CURSOR FOR SELECT ${SELECT_COLUMNS}
       FROM audit_logs WHERE seq >= ${range.from}${upper} ORDER BY audit_logs.seq`,
      { transaction: t },
    );
    const fetchPage = async (): Promise<RawRow[]> => {
      const [rows] = (await db.query(`FETCH ${FETCH_SIZE} FROM audit_chain_cursor`, {
        transaction: t,
      })) as [RawRow[], unknown];
      return rows;
    };
    // Fetch page n+1 while the caller hashes page n: the database and the
    // hashing run on different cores.
    async function* pages(): AsyncGenerator<StoredChainRow[]> {
      let next: Promise<RawRow[]> | null = fetchPage();
      while (next !== null) {
        const rows: RawRow[] = await next;
        next = rows.length === FETCH_SIZE ? fetchPage() : null;
        // Keep a prefetch that fails after the caller stopped from going unhandled;
        // the caller still sees the error when it awaits that page.
        next?.catch(() => undefined);
        if (rows.length === 0) return;
        yield rows.map(toChainRow);
      }
    }
    return { headSeq: Number(heads[0]?.seq ?? 0), pages: pages(), close };
  } catch (error) {
    await close();
    throw error;
  }
}
