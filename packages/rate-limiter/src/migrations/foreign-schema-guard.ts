import {
  firstMissingColumn,
  migrationConnection,
  type OurColumns,
  readTableColumns,
} from '@clawexchange/ssg/common';
import type { QueryInterface, Sequelize } from 'sequelize';
import { RateLimiterError, RateLimiterErrorCode } from '../errors.js';

/**
 * The columns step 0001 gives each table. Every later version of
 * this package keeps them (a step that ever drops or renames one must edit
 * this list in the same change), so a table of ours always has them all.
 */
const OUR_COLUMNS: OurColumns = {
  rate_limit_configs: [
    'tier',
    'window_limit',
    'window_ms',
    'burst_limit',
    'burst_window_ms',
    'buckets',
    'enabled',
    'created_at',
    'updated_at',
  ],
  tier_threshold_configs: ['trust_level', 'multiplier', 'enabled', 'created_at', 'updated_at'],
};

const MESSAGE =
  '`rate_limit_configs` or `tier_threshold_configs` exists without the columns ' +
  '@clawexchange/rate-limiter creates (`field` names the table and a missing column): most ' +
  'likely a security-pipeline 0.1.x schema. Nothing was changed. Move the old tables into ' +
  'another schema, run the migrations, then copy the rows you keep (docs/upgrading-from-' +
  'upstream.md)';

/**
 * Refuses to run a step over tables this package did not create. Upstream
 * `security-pipeline` 0.1.x used the same table names with other columns;
 * `CREATE TABLE IF NOT EXISTS` would keep its table and the service would
 * fail later on every query, and a `down` would drop its data.
 *
 * @param queryInterface - the runner's query interface
 * @param sequelize - the connection, when the runner passes it
 * @throws {RateLimiterError} RATE_LIMITER_UPSTREAM_SCHEMA_DETECTED when
 *   `rate_limit_configs` or `tier_threshold_configs` exists and lacks a column of ours
 */
export async function assertNoForeignTables(
  queryInterface: QueryInterface,
  sequelize?: Sequelize,
): Promise<void> {
  const db = migrationConnection(queryInterface, sequelize);
  const rows = await readTableColumns(db, Object.keys(OUR_COLUMNS));
  const missing = firstMissingColumn(rows, OUR_COLUMNS);
  if (missing !== undefined) {
    throw new RateLimiterError(RateLimiterErrorCode.UPSTREAM_SCHEMA_DETECTED, MESSAGE, {
      field: `${missing.table}.${missing.column}`,
    });
  }
}
