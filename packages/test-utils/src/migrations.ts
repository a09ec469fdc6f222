/**
 * Harness for the migration tests of audit, quarantine and rate-limiter:
 * their steps through umzug as a host wires them, and the reads those tests
 * share (recorded names, a table's columns, the documented rename SQL).
 */
import { readFile } from 'node:fs/promises';
import type { QueryInterface, Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import type { TestDatabase } from './isolation.js';

/** A schema step as each package's `./migrations` subpath exports it. */
export type SchemaStep = {
  /** The name umzug records in `SequelizeMeta`. */
  readonly name: string;
  /** Applies the step. */
  up(queryInterface: QueryInterface, sequelize?: Sequelize): Promise<void>;
  /** Reverses the step. */
  down(queryInterface: QueryInterface, sequelize?: Sequelize): Promise<void>;
};

/**
 * The steps through umzug with its Sequelize storage, as a host wires them:
 * umzug passes the query interface as `context`, nothing else.
 *
 * @param db - the test database
 * @param steps - the steps, in order
 * @param calls - receives `up <name>` / `down <name>` for every step umzug runs
 * @returns the runner
 */
export function umzugRunner(
  db: TestDatabase,
  steps: readonly SchemaStep[],
  calls: string[] = [],
): Umzug<QueryInterface> {
  return new Umzug<QueryInterface>({
    migrations: steps.map((m) => ({
      name: m.name,
      up: async ({ context }) => {
        calls.push(`up ${m.name}`);
        await m.up(context);
      },
      down: async ({ context }) => {
        calls.push(`down ${m.name}`);
        await m.down(context);
      },
    })),
    context: db.sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize: db.sequelize }),
    logger: undefined,
  });
}

/**
 * The names umzug recorded, sorted.
 *
 * @param db - the test database
 * @returns the `SequelizeMeta` names in ascending order
 */
export async function recordedMigrations(db: TestDatabase): Promise<string[]> {
  const [rows] = await db.sequelize.query('SELECT name FROM "SequelizeMeta" ORDER BY name');
  return (rows as { name: string }[]).map((r) => r.name);
}

/**
 * The columns of a table in `public`, in their order.
 *
 * @param db - the test database
 * @param table - the table name
 * @returns its column names (empty when there is no such table)
 */
export async function publicColumns(db: TestDatabase, table: string): Promise<string[]> {
  const [rows] = await db.sequelize.query(
    "SELECT column_name::text AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
    { bind: [table] },
  );
  return (rows as { c: string }[]).map((r) => r.c);
}

/**
 * The SQL block of docs/upgrading-from-upstream.md that renames the names
 * 0.1.0 recorded (the block after `<!-- rename-sql -->`).
 *
 * @returns the SQL, as the doc gives it
 * @throws {Error} when the doc has no such block
 */
export async function documentedRenameSql(): Promise<string> {
  const doc = await readFile(
    new URL('../../../docs/upgrading-from-upstream.md', import.meta.url),
    'utf8',
  );
  const block = /<!-- rename-sql -->\s*```sql\n([\s\S]*?)```/.exec(doc)?.[1];
  if (block === undefined) throw new Error('rename SQL block not found in the doc');
  return block;
}
