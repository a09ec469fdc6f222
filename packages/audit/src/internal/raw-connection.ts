import type { Sequelize } from 'sequelize';

/** The part of a `pg` client this package uses. */
export type PgClient = {
  query(config: {
    readonly text: string;
    readonly name?: string;
    readonly values?: readonly unknown[];
    readonly rowMode?: 'array';
  }): Promise<{ rows: unknown[] }>;
};

/**
 * Runs `use` on a driver connection borrowed from the host's Sequelize pool
 * (`connectionManager.getConnection`, public API), on the primary. Used where
 * Sequelize's per-query work would dominate: named prepared statements for
 * the batch append (planned once per connection) and array-mode cursors for
 * verify().
 *
 * A connection whose work failed goes back marked invalid (the flag
 * Sequelize's postgres dialect sets itself on connection errors and on the
 * driver's "Query read timeout"), so the pool destroys it instead of handing
 * it out again: after a timeout the driver still waits on the unanswered
 * query, and a transaction may be left open, so every later batch on that
 * connection would hang or fail too (a wedged writer after a database
 * failover; issue 16). A failed batch costs one reconnect.
 *
 * @param db - the host's Sequelize
 * @param use - the work; the connection goes back to the pool afterwards
 * @returns what `use` returns
 */
export async function withRawConnection<T>(
  db: Sequelize,
  use: (conn: PgClient) => Promise<T>,
): Promise<T> {
  const conn = await db.connectionManager.getConnection({ type: 'write' });
  try {
    return await use(conn as PgClient);
  } catch (error) {
    (conn as { _invalid?: boolean })._invalid = true;
    throw error;
  } finally {
    db.connectionManager.releaseConnection(conn);
  }
}
