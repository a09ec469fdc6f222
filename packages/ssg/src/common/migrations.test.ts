import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrationConnection, type SqlConnection, type SqlQueryOptions } from './migrations.js';
import {
  firstMissingColumn,
  type OurColumns,
  readTableColumns,
  TABLE_COLUMNS_SQL,
  type TableColumnRow,
} from './schema-guard.js';

type Call = { readonly sql: string; readonly options: SqlQueryOptions | undefined };

function fakeConnection(rows: readonly TableColumnRow[] = []): SqlConnection & {
  readonly calls: Call[];
} {
  const calls: Call[] = [];
  return {
    calls,
    async query(sql, options) {
      calls.push({ sql, options });
      return [rows, { rowCount: rows.length }];
    },
  };
}

describe('migrationConnection', () => {
  const own = fakeConnection();
  const qi = { sequelize: own };

  it('takes the second argument when it has a query function', () => {
    const passed = fakeConnection();
    expect(migrationConnection(qi, passed)).toBe(passed);
  });

  it("falls back to the query interface's connection otherwise", () => {
    // sequelize-cli passes the Sequelize class: a function, no instance `query`.
    class SequelizeClass {}
    for (const second of [undefined, null, SequelizeClass, {}, { query: 'x' }, 'db', 1]) {
      expect(migrationConnection(qi, second)).toBe(own);
    }
  });
});

describe('readTableColumns', () => {
  const rows: TableColumnRow[] = [{ table: 't', kind: 'r', column: 'a' }];

  it('runs the catalog query with the table names bound as $1', async () => {
    const db = fakeConnection(rows);
    await expect(readTableColumns(db, ['t', 'u'])).resolves.toEqual(rows);
    expect(db.calls).toEqual([{ sql: TABLE_COLUMNS_SQL, options: { bind: [['t', 'u']] } }]);
  });

  it('passes the transaction through only when there is one', async () => {
    const db = fakeConnection(rows);
    const transaction = { id: 'tx' };
    await readTableColumns(db, ['t'], transaction);
    expect(db.calls[0]?.options).toEqual({ bind: [['t']], transaction });
    expect(db.calls[0]?.options?.transaction).toBe(transaction);
  });

  it('reads live columns of the current schema, with the relation kind', () => {
    expect(TABLE_COLUMNS_SQL).toContain('current_schema()');
    expect(TABLE_COLUMNS_SQL).toContain('NOT a.attisdropped');
    expect(TABLE_COLUMNS_SQL).toContain('AS kind');
    expect(TABLE_COLUMNS_SQL).toContain('ANY($1::text[])');
  });
});

describe('firstMissingColumn', () => {
  const ours: OurColumns = { a: ['x', 'y', 'z'], b: ['p', 'q'] };
  const row = (table: string, column: string | null) => ({ table, kind: 'r', column });

  it('skips absent tables and accepts complete ones (extra columns allowed)', () => {
    expect(firstMissingColumn([], ours)).toBeUndefined();
    expect(
      firstMissingColumn(
        [row('a', 'x'), row('a', 'y'), row('a', 'z'), row('a', 'extra'), row('other', null)],
        ours,
      ),
    ).toBeUndefined();
  });

  it('names the first missing column of the first incomplete table, in list order', () => {
    expect(firstMissingColumn([row('a', 'x'), row('b', 'q')], ours)).toEqual({
      table: 'a',
      column: 'y',
    });
    expect(
      firstMissingColumn([row('a', 'z'), row('a', 'y'), row('a', 'x'), row('b', 'q')], ours),
    ).toEqual({ table: 'b', column: 'p' });
  });

  it('treats a table without columns (column null) as present and lacking all', () => {
    expect(firstMissingColumn([row('b', null)], ours)).toEqual({ table: 'b', column: 'p' });
  });

  it('agrees with the definition for any tables and rows', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    const columns = fc.uniqueArray(name, { maxLength: 5 });
    const arb = fc.record({
      ours: fc.dictionary(fc.constantFrom('t1', 't2', 't3', 't4'), columns),
      rows: fc.array(
        fc.record({
          table: fc.constantFrom('t1', 't2', 't3', 't5'),
          column: fc.option(name, { nil: null }),
        }),
        { maxLength: 30 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ ours: tables, rows }) => {
        const has = (table: string, column: string) =>
          rows.some((r) => r.table === table && r.column === column);
        const exists = (table: string) => rows.some((r) => r.table === table);
        const incomplete = (table: string) =>
          exists(table) && (tables[table] ?? []).some((c) => !has(table, c));
        const names = Object.keys(tables);
        const result = firstMissingColumn(rows, tables);
        if (result === undefined) {
          expect(names.some(incomplete)).toBe(false);
          return;
        }
        const at = names.indexOf(result.table);
        expect(at).toBeGreaterThanOrEqual(0);
        expect(names.slice(0, at).some(incomplete)).toBe(false);
        const list: readonly string[] = tables[result.table] ?? [];
        const i = list.indexOf(result.column);
        expect(exists(result.table)).toBe(true);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(has(result.table, result.column)).toBe(false);
        expect(list.slice(0, i).every((c) => has(result.table, c))).toBe(true);
      }),
    );
  });
});
