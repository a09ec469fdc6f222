/**
 * The check behind each package's foreign-schema guard: read the columns of
 * the tables a package creates, and name the first column of ours that an
 * existing table lacks (a table of the same name made by someone else, such
 * as an upstream `security-pipeline` 0.1.x schema). The package keeps its
 * table and column list, its error code and its message.
 */
import type { SqlConnection } from './migrations.js';

/**
 * PostgreSQL catalog query: the columns of the relations named in `$1`
 * (a text array) in the schema where `CREATE TABLE` would put them
 * (`current_schema()`), one row per column, with the relation's kind
 * (`r` = table, `p` = partitioned); a relation without columns still yields
 * one row (column NULL) so its presence shows.
 */
export const TABLE_COLUMNS_SQL = `SELECT c.relname::text AS "table", c.relkind::text AS kind, a.attname::text AS "column"
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_attribute a
    ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  WHERE n.nspname = current_schema() AND c.relname = ANY($1::text[])`;

/** One row of {@link TABLE_COLUMNS_SQL}. */
export type TableColumnRow = {
  /** The relation's name. */
  readonly table: string;
  /** The relation's `pg_class.relkind` (`r` table, `p` partitioned, ...). */
  readonly kind: string;
  /** One of its columns; null for a relation without columns. */
  readonly column: string | null;
};

/** The columns a package creates, by table name. */
export type OurColumns = Readonly<Record<string, readonly string[]>>;

/** A column of ours that an existing table lacks. */
export type MissingColumn = {
  /** The table that exists without it. */
  readonly table: string;
  /** The first of our columns (in list order) it lacks. */
  readonly column: string;
};

/**
 * Reads the columns of `tables` with {@link TABLE_COLUMNS_SQL}.
 *
 * @param db - the connection the step runs on
 * @param tables - the table names to look up
 * @param transaction - the step's transaction, if it has one
 * @returns one row per column of each existing table (none for an absent table)
 */
export async function readTableColumns(
  db: SqlConnection,
  tables: readonly string[],
  transaction?: unknown,
): Promise<readonly TableColumnRow[]> {
  const result = await db.query(TABLE_COLUMNS_SQL, {
    bind: [tables],
    ...(transaction === undefined ? {} : { transaction }),
  });
  const [rows] = result as [readonly TableColumnRow[], unknown];
  return rows;
}

/**
 * The first column of ours an existing table lacks. Tables are taken in
 * the order of `ourColumns`, columns in list order; a table with no row in
 * `rows` does not exist and is skipped.
 *
 * @param rows - the catalog rows (as from {@link readTableColumns})
 * @param ourColumns - the columns the package creates, by table
 * @returns the table and its first missing column, or undefined when every
 *   existing table has all of ours
 * @example
 * firstMissingColumn([{ table: 't', kind: 'r', column: 'a' }], { t: ['a', 'b'] });
 * // => { table: 't', column: 'b' }
 */
export function firstMissingColumn(
  rows: readonly Pick<TableColumnRow, 'table' | 'column'>[],
  ourColumns: OurColumns,
): MissingColumn | undefined {
  const found = new Map<string, Set<string>>();
  for (const row of rows) {
    const columns = found.get(row.table) ?? new Set<string>();
    if (row.column !== null) columns.add(row.column);
    found.set(row.table, columns);
  }
  for (const [table, ours] of Object.entries(ourColumns)) {
    const present = found.get(table);
    if (present === undefined) continue;
    const column = ours.find((name) => !present.has(name));
    if (column !== undefined) return { table, column };
  }
  return undefined;
}
