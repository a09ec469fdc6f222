/**
 * Harness for the migration tests of audit, quarantine and rate-limiter:
 * their steps through umzug as a host wires them, and the reads those tests
 * share (recorded names, a table's columns, the documented rename SQL,
 * a sequelize-cli style run, the per-column foreign-schema check).
 */
import { readFile } from 'node:fs/promises';
import { type QueryInterface, Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { expect } from 'vitest';
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
 * Runs umzug `up` over steps that must refuse, and returns what the failing
 * step threw (umzug wraps it in its own error, as `cause`).
 *
 * @param db - the test database
 * @param steps - the steps, in order
 * @returns the step's error; undefined when `up` succeeded
 */
export async function umzugUpCause(
  db: TestDatabase,
  steps: readonly SchemaStep[],
): Promise<unknown> {
  const error = await umzugRunner(db, steps)
    .up()
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  return (error as { cause?: unknown } | undefined)?.cause;
}

/**
 * Runs every step's `up` in order, or every `down` in reverse, as a
 * sequelize-cli migration file that passes its arguments on would:
 * sequelize-cli calls `up(queryInterface, Sequelize)` with the Sequelize
 * *class*, not an instance, as the second argument.
 *
 * @param db - the test database
 * @param steps - the steps, in order
 * @param direction - `up` (in order) or `down` (in reverse)
 */
export async function runAsSequelizeCli(
  db: TestDatabase,
  steps: readonly SchemaStep[],
  direction: 'up' | 'down',
): Promise<void> {
  const qi = db.sequelize.getQueryInterface();
  const cliArgument = Sequelize as unknown as Sequelize;
  const ordered = direction === 'up' ? steps : [...steps].reverse();
  for (const m of ordered) await m[direction](qi, cliArgument);
}

/**
 * Checks that `step.up` refuses each of `tables` lacking any one of its
 * columns: runs `step.up`, then for each column it created drops it,
 * expects `step.up` to reject with `code` and `field: '<table>.<column>'`,
 * drops the table and runs `step.up` again.
 *
 * @param db - the test database
 * @param step - the step that creates `tables`
 * @param tables - tables of `public` the step creates
 * @param code - the package's `…_UPSTREAM_SCHEMA_DETECTED` code
 * @returns how many columns were checked, by table
 */
export async function expectEachColumnRequired(
  db: TestDatabase,
  step: SchemaStep,
  tables: readonly string[],
  code: string,
): Promise<Record<string, number>> {
  const qi = db.sequelize.getQueryInterface();
  await step.up(qi, db.sequelize);
  const checked: Record<string, number> = {};
  for (const table of tables) {
    const ours = await publicColumns(db, table);
    for (const column of ours) {
      await db.sequelize.query(`ALTER TABLE ${table} DROP COLUMN ${column} CASCADE`);
      await expect(step.up(qi, db.sequelize)).rejects.toMatchObject({
        code,
        field: `${table}.${column}`,
      });
      await db.sequelize.query(`DROP TABLE ${table} CASCADE`);
      await step.up(qi, db.sequelize);
    }
    checked[table] = ours.length;
  }
  return checked;
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
