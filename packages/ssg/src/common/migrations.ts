/**
 * The package-neutral parts of the family's schema steps (`./migrations`
 * subpaths of audit, quarantine and rate-limiter): which connection a step
 * runs on, and the check that a table of ours really is ours. Structural
 * types only: nothing here loads Sequelize.
 */

/**
 * Options the shared helpers pass to {@link SqlConnection.query}. Loose on
 * purpose, so that Sequelize's own (wider) options type fits.
 */
export type SqlQueryOptions = {
  /** Bind parameters: positional (`$1`, `$2`, ...) or by name. */
  readonly bind?: readonly unknown[] | Readonly<Record<string, unknown>>;
  /** The runner's transaction, passed through untouched. */
  readonly transaction?: unknown;
};

/**
 * The least of a SQL connection the shared helpers use; a Sequelize
 * instance fits (its raw `query` resolves `[rows, metadata]`).
 */
export type SqlConnection = {
  /** Runs one statement; a raw query resolves `[rows, metadata]`. */
  query(sql: string, options?: SqlQueryOptions): Promise<unknown>;
};

/** The least of a migration runner's query interface: its own connection. */
export type MigrationQueryInterface<C extends SqlConnection> = {
  /** The connection the query interface was made from. */
  readonly sequelize: C;
};

/**
 * The connection a schema step runs on: the second argument when it has a
 * `query` function (a Sequelize instance), else the query interface's own.
 * sequelize-cli calls migration files as `up(queryInterface, Sequelize)`
 * with the Sequelize *class* (for its DataTypes); a host file that passes
 * that argument on must still work, so anything without `query` is ignored.
 *
 * @param queryInterface - the runner's query interface
 * @param second - what the runner passed second, if anything
 * @returns the connection to run the step's statements on
 * @example
 * const db = migrationConnection(queryInterface, sequelize);
 */
export function migrationConnection<C extends SqlConnection>(
  queryInterface: MigrationQueryInterface<C>,
  second?: unknown,
): C {
  const candidate = second as { query?: unknown } | null | undefined;
  if (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.query === 'function'
  ) {
    return second as C;
  }
  return queryInterface.sequelize;
}
