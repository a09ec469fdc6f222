import {
  firstMissingColumn,
  migrationConnection,
  type OurColumns,
  readTableColumns,
} from '@clawexchange/ssg/common';
import type { QueryInterface, Sequelize } from 'sequelize';
import { QuarantineError, QuarantineErrorCode } from '../errors.js';

/**
 * The columns steps 0001 and 0002 give each table. Every later version of
 * this package keeps them (a step that ever drops or renames one must edit
 * this list in the same change), so a table of ours always has them all.
 */
const OUR_COLUMNS: OurColumns = {
  quarantine_records: [
    'id',
    'status',
    'tier',
    'labels',
    'matches',
    'plugin_results',
    'content_type',
    'source_id',
    'agent_id',
    's3_key',
    'size_bytes',
    'version',
    'created_at',
    'updated_at',
    'expires_at',
    'reviewed_by',
    'reviewed_at',
    'notes',
    'shredded_at',
    'object_deleted_at',
  ],
  encryption_keys: [
    'id',
    'record_id',
    'master_key_id',
    'wrapped_key',
    'content_iv',
    'content_tag',
    'algorithm',
    'created_at',
    'rotated_at',
  ],
};

const MESSAGE =
  '`quarantine_records` or `encryption_keys` exists without the columns ' +
  '@clawexchange/quarantine creates (`field` names the table and a missing column): most likely' +
  ' a security-pipeline 0.1.x schema. Nothing was changed. Move the old tables into another ' +
  'schema, run the migrations, then copy the rows you keep (docs/upgrading-from-upstream.md)';

/**
 * Refuses to run a step over tables this package did not create. Upstream
 * `security-pipeline` 0.1.x used the same table names with other columns;
 * `CREATE TABLE IF NOT EXISTS` would keep its table and the service would
 * fail later on every query, and a `down` would drop its data.
 *
 * @param queryInterface - the runner's query interface
 * @param sequelize - the connection, when the runner passes it
 * @throws {QuarantineError} QUARANTINE_UPSTREAM_SCHEMA_DETECTED when
 *   `quarantine_records` or `encryption_keys` exists and lacks a column of ours
 */
export async function assertNoForeignTables(
  queryInterface: QueryInterface,
  sequelize?: Sequelize,
): Promise<void> {
  const db = migrationConnection(queryInterface, sequelize);
  const rows = await readTableColumns(db, Object.keys(OUR_COLUMNS));
  const missing = firstMissingColumn(rows, OUR_COLUMNS);
  if (missing !== undefined) {
    throw new QuarantineError(QuarantineErrorCode.UPSTREAM_SCHEMA_DETECTED, MESSAGE, {
      field: `${missing.table}.${missing.column}`,
    });
  }
}
