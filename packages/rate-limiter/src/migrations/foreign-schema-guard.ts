import type { QueryInterface, Sequelize } from 'sequelize';
import { RateLimiterError, RateLimiterErrorCode } from '../errors.js';
import { connectionOf } from './connection.js';

/**
 * The columns step 0001 gives each table. Every later version of
 * this package keeps them (a step that ever drops or renames one must edit
 * this list in the same change), so a table of ours always has them all.
 */
const OUR_COLUMNS: Readonly<Record<string, readonly string[]>> = {
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

/**
 * Columns of the named relations in the schema where `CREATE TABLE` would
 * put them (`current_schema()`), one row per column; a relation without
 * columns still yields one row (column NULL) so its presence shows.
 */
const COLUMNS_SQL = `SELECT c.relname::text AS "table", a.attname::text AS "column"
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_attribute a
    ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  WHERE n.nspname = current_schema() AND c.relname = ANY($1::text[])`;

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
  const db = connectionOf(queryInterface, sequelize);
  const [rows] = await db.query(COLUMNS_SQL, { bind: [Object.keys(OUR_COLUMNS)] });
  const found = new Map<string, Set<string>>();
  for (const row of rows as { table: string; column: string | null }[]) {
    const columns = found.get(row.table) ?? new Set<string>();
    if (row.column !== null) columns.add(row.column);
    found.set(row.table, columns);
  }
  for (const [table, ours] of Object.entries(OUR_COLUMNS)) {
    const present = found.get(table);
    if (present === undefined) continue;
    const missing = ours.filter((column) => !present.has(column));
    if (missing.length > 0) {
      throw new RateLimiterError(RateLimiterErrorCode.UPSTREAM_SCHEMA_DETECTED, MESSAGE, {
        field: `${table}.${missing[0]}`,
      });
    }
  }
}
