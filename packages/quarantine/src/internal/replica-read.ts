/**
 * Reads that may lag (`list()`, `storageStats()`): on the host's read
 * replica when it gave one. `type: 'SELECT'` is what Sequelize routes to its
 * read pool (a plain instance has only one pool), so a Sequelize configured
 * with `replication` works as `readReplica` too.
 */
import { QuarantineError, QuarantineErrorCode } from '../errors.js';
import type { Context } from './context.js';

/**
 * Runs one read-only statement with bound parameters on `ctx.readDb`.
 *
 * @param ctx - the service context
 * @param text - the SELECT
 * @param bind - bound values
 * @returns the rows
 * @throws {QuarantineError} QUARANTINE_DATABASE_FAILED (the driver error on `cause` only)
 */
export async function replicaRows<T>(
  ctx: Context,
  text: string,
  bind: readonly unknown[],
): Promise<T[]> {
  try {
    const rows = (await ctx.readDb.query(text, {
      bind: [...bind],
      raw: true,
      type: 'SELECT',
      // Never join a host transaction (CLS): it would run on the primary's connection.
      transaction: null,
    })) as unknown;
    return Array.isArray(rows) ? (rows as T[]) : [];
  } catch (cause) {
    throw new QuarantineError(QuarantineErrorCode.DATABASE_FAILED, 'database operation failed', {
      cause,
    });
  }
}
