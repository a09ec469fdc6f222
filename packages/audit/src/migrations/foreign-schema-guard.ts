import {
  firstMissingColumn,
  type OurColumns,
  readTableColumns,
  type SqlConnection,
} from '@clawexchange/ssg/common';
import type { Transaction } from 'sequelize';
import { AuditError, AuditErrorCode } from '../errors.js';
import type { AuditPartitioning } from './schema-sql.js';

/**
 * The columns step 0001 gives each table. Every later version of this
 * package keeps them (a step that ever drops or renames one must edit this
 * list in the same change), so a table of ours always has them all.
 */
const OUR_COLUMNS: OurColumns = {
  audit_logs: [
    'seq',
    'created_at',
    'event_type',
    'actor_id',
    'actor_type',
    'target_id',
    'target_type',
    'ip_address',
    'metadata',
    'prev_hash',
    'hash',
  ],
  audit_chain_head: ['id', 'last_seq', 'last_hash', 'last_created_at'],
};

const MESSAGE =
  '`audit_logs` or `audit_chain_head` exists without the columns @clawexchange/audit creates ' +
  '(`field` names the table and a missing column): most likely a security-pipeline 0.1.x ' +
  'schema. Nothing was changed. Move the old table into another schema, run the migrations, ' +
  'then export or copy the old rows (docs/upgrading-from-upstream.md)';

/**
 * Refuses tables this package did not create, and tells the layout of an
 * existing `audit_logs`. Upstream `security-pipeline` 0.1.x used the same
 * table name with other columns: `CREATE TABLE IF NOT EXISTS` would keep
 * it, every write would then fail, and a `down` would drop its trail.
 *
 * @param db - the connection the step runs on
 * @param transaction - the step's transaction
 * @returns the layout of our existing `audit_logs`, or undefined when there is none
 * @throws {AuditError} AUDIT_UPSTREAM_SCHEMA_DETECTED when `audit_logs` or
 *   `audit_chain_head` exists and lacks a column of ours
 */
export async function inspectAuditTables(
  db: SqlConnection,
  transaction?: Transaction,
): Promise<AuditPartitioning | undefined> {
  const rows = await readTableColumns(db, Object.keys(OUR_COLUMNS), transaction);
  const missing = firstMissingColumn(rows, OUR_COLUMNS);
  if (missing !== undefined) {
    throw new AuditError(AuditErrorCode.UPSTREAM_SCHEMA_DETECTED, MESSAGE, {
      field: `${missing.table}.${missing.column}`,
    });
  }
  const logs = rows.find((row) => row.table === 'audit_logs');
  if (logs === undefined) return undefined;
  return logs.kind === 'p' ? 'monthly' : 'none';
}
