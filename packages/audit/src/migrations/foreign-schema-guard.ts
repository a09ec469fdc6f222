import type { Sequelize, Transaction } from 'sequelize';
import { AuditError, AuditErrorCode } from '../errors.js';
import type { AuditPartitioning } from './schema-sql.js';

/**
 * The columns step 0001 gives each table. Every later version of this
 * package keeps them (a step that ever drops or renames one must edit this
 * list in the same change), so a table of ours always has them all.
 */
const OUR_COLUMNS: Readonly<Record<string, readonly string[]>> = {
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

/**
 * Columns of the named relations in the schema where `CREATE TABLE` would
 * put them (`current_schema()`), one row per column, with the relation's
 * kind (`p` = partitioned); a relation without columns still yields a row.
 */
const COLUMNS_SQL = `SELECT c.relname::text AS "table", c.relkind::text AS kind, a.attname::text AS "column"
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_attribute a
    ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  WHERE n.nspname = current_schema() AND c.relname = ANY($1::text[])`;

const MESSAGE =
  '`audit_logs` or `audit_chain_head` exists without the columns @clawexchange/audit creates ' +
  '(`field` names the table and a missing column): most likely a security-pipeline 0.1.x ' +
  'schema. Nothing was changed. Move the old table into another schema, run the migrations, ' +
  'then export or copy the old rows (docs/upgrading-from-upstream.md)';

type Row = { readonly table: string; readonly kind: string; readonly column: string | null };

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
  db: Sequelize,
  transaction?: Transaction,
): Promise<AuditPartitioning | undefined> {
  const [rows] = await db.query(COLUMNS_SQL, {
    bind: [Object.keys(OUR_COLUMNS)],
    ...(transaction === undefined ? {} : { transaction }),
  });
  const found = new Map<string, Set<string>>();
  let layout: AuditPartitioning | undefined;
  for (const row of rows as Row[]) {
    const columns = found.get(row.table) ?? new Set<string>();
    if (row.column !== null) columns.add(row.column);
    found.set(row.table, columns);
    if (row.table === 'audit_logs') layout = row.kind === 'p' ? 'monthly' : 'none';
  }
  for (const [table, ours] of Object.entries(OUR_COLUMNS)) {
    const present = found.get(table);
    if (present === undefined) continue;
    const missing = ours.filter((column) => !present.has(column));
    if (missing.length > 0) {
      throw new AuditError(AuditErrorCode.UPSTREAM_SCHEMA_DETECTED, MESSAGE, {
        field: `${table}.${missing[0]}`,
      });
    }
  }
  return layout;
}
