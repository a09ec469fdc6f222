/**
 * @packageDocumentation
 * Migrations of `@clawexchange/audit`: the append-only `audit_logs` table,
 * its guards and indexes, and the chain head. Loads nothing but types.
 *
 * Run them as the role that owns the schema (the migration role), never as
 * the application's role: the application role must not own `audit_logs`
 * and must not be a superuser, or it could disable the append-only triggers
 * (`checkAuditDatabaseRole()` checks this at runtime). Grant the application
 * role `INSERT, SELECT` on `audit_logs` and `SELECT, UPDATE` on
 * `audit_chain_head`, nothing else. From step 0002 on, that role can only
 * append: a row past the head, or a head moved over missing rows, is refused.
 *
 * @module @clawexchange/audit/migrations
 */
import {
  checkOptions,
  migrationConnection,
  type OptionsSpec,
  optionKeys,
} from '@clawexchange/ssg/common';
import type { QueryInterface, Sequelize } from 'sequelize';
import { AuditError, AuditErrorCode } from '../errors.js';
import { APPEND_GUARD_DOWN_STATEMENTS, APPEND_GUARD_STATEMENTS } from './append-guard-sql.js';
import { inspectAuditTables } from './foreign-schema-guard.js';
import { type AuditPartitioning, DOWN_STATEMENTS, upStatements } from './schema-sql.js';

export { type AuditMigrationRename, auditMigrationRenames } from './renames.js';
export type { AuditPartitioning };

/** One migration step, run in array order by the host's runner. */
export type AuditMigration = {
  /**
   * `@clawexchange/audit/NNNN-…`: namespaced by package and never changed (not
   * by an option either), so runners that record names (umzug) run each step once.
   */
  readonly name: string;
  up(queryInterface: QueryInterface, sequelize?: Sequelize): Promise<void>;
  down(queryInterface: QueryInterface, sequelize?: Sequelize): Promise<void>;
};

/** Options of {@link createAuditMigrations}. */
export type AuditMigrationOptions = {
  /**
   * `'monthly'` range-partitions `audit_logs` by `created_at` (UTC months),
   * plus a DEFAULT partition. Takes effect when the step creates the table;
   * the step's name is the same either way. Left unset, an existing table
   * keeps its layout; set, it must match the existing layout
   * (`AUDIT_INVALID_CONFIG`, field `partitioning`, otherwise).
   * @default 'none' (for a new table)
   */
  readonly partitioning?: AuditPartitioning;
  /**
   * First monthly partition, as `YYYY-MM` (used when the step creates the table).
   * @default the current UTC month
   */
  readonly firstMonth?: string;
  /**
   * Monthly partitions created up front; add more later with `ensureAuditPartitions()`.
   * @default 24
   */
  readonly months?: number;
};

/** Options of {@link ensureAuditPartitions}. */
export type EnsureAuditPartitionsOptions = {
  /**
   * First month to cover, as `YYYY-MM`.
   * @default the current UTC month
   */
  readonly firstMonth?: string;
  /**
   * How many months from `firstMonth`.
   * @default 12
   */
  readonly months?: number;
};

function configError(field: string, message: string): AuditError {
  return new AuditError(AuditErrorCode.INVALID_CONFIG, message, { field });
}

const PARTITIONING_HINT = "the option is `partitioning: 'monthly' | 'none'`";

/** Nothing silently ignored: a misspelt option would otherwise build the other layout. */
const MIGRATION_OPTIONS: OptionsSpec = {
  name: 'createAuditMigrations options',
  keys: optionKeys<AuditMigrationOptions>({ partitioning: true, firstMonth: true, months: true }),
  hints: { partitioned: PARTITIONING_HINT, partition: PARTITIONING_HINT },
  error: configError,
};

const ENSURE_OPTIONS: OptionsSpec = {
  name: 'ensureAuditPartitions options',
  keys: optionKeys<EnsureAuditPartitionsOptions>({ firstMonth: true, months: true }),
  error: configError,
};

function badOption(field: string, expected: string): AuditError {
  return new AuditError(
    AuditErrorCode.INVALID_CONFIG,
    `invalid migration option \`${field}\`: expected ${expected}`,
    { field },
  );
}

type Statements = (layout: AuditPartitioning, created: boolean) => readonly string[];

async function run(
  qi: QueryInterface,
  sequelize: Sequelize | undefined,
  statements: Statements,
): Promise<void> {
  const db = migrationConnection(qi, sequelize);
  // DDL is transactional in PostgreSQL: a failed step leaves nothing behind.
  await db.transaction(async (transaction) => {
    const existing = await inspectAuditTables(db, transaction);
    for (const sql of statements(existing ?? 'none', existing === undefined)) {
      await db.query(sql, { transaction });
    }
  });
}

/**
 * The layout the up step builds: the requested one for a new table; for an
 * existing table its own (an explicit option that contradicts it is refused,
 * never silently dropped: converting needs a copy, see the README).
 */
function layoutFor(
  requested: AuditPartitioning | undefined,
  existing: AuditPartitioning,
  created: boolean,
): AuditPartitioning {
  if (created) return requested ?? 'none';
  if (requested !== undefined && requested !== existing) {
    throw new AuditError(
      AuditErrorCode.INVALID_CONFIG,
      'invalid migration option `partitioning`: `audit_logs` already exists with the other layout; the option applies only when the table is created',
      { field: 'partitioning' },
    );
  }
  return existing;
}

function monthOf(value: string | undefined): string {
  if (value === undefined) return `${new Date().toISOString().slice(0, 7)}-01`;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
    throw badOption('firstMonth', 'YYYY-MM');
  }
  return `${value}-01`;
}

/**
 * Builds the migration list for a layout.
 *
 * @param options - see {@link AuditMigrationOptions}
 * @returns the steps, in order
 * @throws {AuditError} AUDIT_INVALID_CONFIG for an unknown or malformed option
 * @example
 * const steps = createAuditMigrations({ partitioning: 'monthly' });
 * for (const m of steps) await m.up(qi, sequelize);
 */
export function createAuditMigrations(options: AuditMigrationOptions = {}): AuditMigration[] {
  checkOptions(options, MIGRATION_OPTIONS, { optional: true });
  const requested = options.partitioning;
  if (requested !== undefined && requested !== 'none' && requested !== 'monthly') {
    throw badOption('partitioning', "'none' or 'monthly'");
  }
  const months = options.months ?? 24;
  if (!Number.isInteger(months) || months < 1 || months > 240) {
    throw badOption('months', 'an integer from 1 to 240');
  }
  // Checked now, so a bad option fails when the list is built, not mid-deploy.
  if (options.firstMonth !== undefined) monthOf(options.firstMonth);
  const firstMonth = options.firstMonth;
  return [
    {
      // One name whatever the layout: runners record it, and a name that moved
      // with an option would make them run the step again.
      name: '@clawexchange/audit/0001-create-audit-logs',
      up: (qi, sequelize) =>
        run(qi, sequelize, (existing, created) => [
          ...upStatements({
            partitioning: layoutFor(requested, existing, created),
            firstMonth: monthOf(firstMonth),
            months,
            createPartitions: created,
          }),
          ...APPEND_GUARD_STATEMENTS,
        ]),
      // Refuses a foreign `audit_logs` too: down must never drop a trail that is not ours.
      down: (qi, sequelize) =>
        run(qi, sequelize, () => [
          ...DOWN_STATEMENTS,
          ...APPEND_GUARD_DOWN_STATEMENTS.filter((sql) => sql.startsWith('DROP FUNCTION')),
        ]),
    },
    {
      // Rows and head move together (see append-guard-sql.ts). Step 0001 now
      // installs the same guards, so the two run in either order: the
      // deployment guide's rollback reverses the exported array in place.
      name: '@clawexchange/audit/0002-append-only-chain-head',
      up: (qi, sequelize) =>
        run(qi, sequelize, (_layout, created) => (created ? [] : APPEND_GUARD_STATEMENTS)),
      down: (qi, sequelize) =>
        run(qi, sequelize, (_layout, created) => (created ? [] : APPEND_GUARD_DOWN_STATEMENTS)),
    },
  ];
}

/**
 * The default migrations: step 0001 creates the unpartitioned `audit_logs`,
 * its guards and indexes, and `audit_chain_head`; step 0002 adds the guards
 * that let rows and head move only together (0001 installs them too, for
 * new databases). Idempotent; 0001's `down` drops the trail (export it first).
 *
 * @example
 * for (const m of auditMigrations) await m.up(qi, sequelize);
 */
export const auditMigrations: AuditMigration[] = createAuditMigrations();

/**
 * Creates missing monthly partitions (monthly layout only). Run it from the
 * migration role, e.g. monthly from a scheduler, so rows never land in the
 * DEFAULT partition (a new partition cannot be created over rows already
 * stored in DEFAULT for its range).
 *
 * @param sequelize - a connection as the table owner
 * @param options - see {@link EnsureAuditPartitionsOptions}
 * @returns how many partitions were created
 * @throws {AuditError} AUDIT_INVALID_CONFIG for an unknown or malformed option
 */
export async function ensureAuditPartitions(
  sequelize: Sequelize,
  options: EnsureAuditPartitionsOptions = {},
): Promise<number> {
  checkOptions(options, ENSURE_OPTIONS, { optional: true });
  const months = options.months ?? 12;
  if (!Number.isInteger(months) || months < 1 || months > 240) {
    throw badOption('months', 'an integer from 1 to 240');
  }
  const [rows] = await sequelize.query(
    'SELECT audit_logs_ensure_partitions($1::date, $2::int) AS created',
    { bind: [monthOf(options.firstMonth), months] },
  );
  return Number((rows as { created: number }[])[0]?.created ?? 0);
}
