import type { QueryInterface, Sequelize } from 'sequelize';

/**
 * The connection a step runs on: the second argument when it is a Sequelize
 * instance, else the query interface's own. sequelize-cli calls migration
 * files as `up(queryInterface, Sequelize)` with the Sequelize *class* (for
 * its DataTypes); a host file that passes that argument on must still work.
 *
 * @param queryInterface - the runner's query interface
 * @param sequelize - what the runner passed second, if anything
 * @returns the connection to run the step's statements on
 */
export function connectionOf(queryInterface: QueryInterface, sequelize?: unknown): Sequelize {
  const candidate = sequelize as { query?: unknown } | null | undefined;
  if (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.query === 'function'
  ) {
    return sequelize as Sequelize;
  }
  return queryInterface.sequelize;
}
