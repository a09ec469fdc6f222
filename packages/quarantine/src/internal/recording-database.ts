/**
 * Test helper: a stand-in Sequelize that answers every query with no rows and
 * records the SQL it was sent, for unit tests asserting that bad input is
 * refused before the database is touched. Not exported by the package.
 */
import type { Sequelize } from 'sequelize';

/** A stand-in database and the SQL it has been sent. */
export type RecordingDatabase = { readonly db: Sequelize; readonly queries: string[] };

/** Creates a {@link RecordingDatabase}. */
export function recordingDatabase(): RecordingDatabase {
  const queries: string[] = [];
  const db = {
    query: async (sql: string) => {
      queries.push(sql);
      return [[], 0];
    },
  } as unknown as Sequelize;
  return { db, queries };
}
