/**
 * Checks that the application's database role cannot switch off the
 * append-only guards: not a superuser, not (a member of) the owner of
 * `audit_logs` or any of its partitions, and the guard triggers enabled.
 */
import type { Sequelize } from 'sequelize';
import { AuditError, AuditErrorCode } from './errors.js';

/** Why a role is unsafe for writing the audit trail. */
export type AuditRoleProblem =
  /** The table does not exist (migrations not run, or another schema). */
  | 'TABLE_MISSING'
  /** Superusers bypass triggers (`session_replication_role`) and can do anything. */
  | 'SUPERUSER'
  /** Owners can disable triggers, drop or detach partitions. */
  | 'OWNS_TABLE'
  /** An append-only or append guard trigger is missing or disabled (run every migration step, 0002 included). */
  | 'TRIGGERS_DISABLED';

/** Result of {@link checkAuditDatabaseRole}. */
export type AuditRoleReport = {
  /** `current_user` of the connection checked. */
  readonly role: string;
  readonly superuser: boolean;
  readonly ownsTable: boolean;
  readonly triggersEnabled: boolean;
  /** True when no problem was found. */
  readonly safe: boolean;
  readonly problems: readonly AuditRoleProblem[];
};

const CHECK_SQL = `SELECT current_user::text AS role,
  (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
  to_regclass('audit_logs') IS NOT NULL AS table_exists,
  EXISTS (
    SELECT 1 FROM pg_class c WHERE (c.oid = to_regclass('audit_logs')
      OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = to_regclass('audit_logs')))
      AND pg_has_role(current_user, c.relowner, 'MEMBER')
  ) AS owns_table,
  (SELECT count(*) FROM pg_trigger
    WHERE ((tgrelid = to_regclass('audit_logs')
        AND tgname IN ('audit_logs_no_update_delete', 'audit_logs_no_truncate',
          'audit_logs_append_at_head'))
      OR (tgrelid = to_regclass('audit_chain_head')
        AND tgname IN ('audit_chain_head_guard', 'audit_chain_head_append_only')))
      AND tgenabled IN ('O', 'A'))::int AS enabled_triggers`;

/**
 * Inspects the role of the given connection. Run it at start-up with the
 * connection the audit logger uses.
 *
 * @param sequelize - the application's connection
 * @returns the report
 * @throws {AuditError} AUDIT_READ_FAILED when the catalog cannot be read
 */
export async function checkAuditDatabaseRole(sequelize: Sequelize): Promise<AuditRoleReport> {
  let row: Record<string, unknown> | undefined;
  try {
    const [rows] = await sequelize.query(CHECK_SQL, { transaction: null });
    row = (rows as Record<string, unknown>[])[0];
  } catch (cause) {
    throw new AuditError(AuditErrorCode.READ_FAILED, 'could not read the role catalog', { cause });
  }
  const superuser = row?.superuser === true;
  const exists = row?.table_exists === true;
  const ownsTable = row?.owns_table === true;
  // The append-only guards of step 0001 and the append guards of step 0002.
  const triggersEnabled = Number(row?.enabled_triggers ?? 0) === 5;
  const problems: AuditRoleProblem[] = [];
  if (!exists) problems.push('TABLE_MISSING');
  if (superuser) problems.push('SUPERUSER');
  if (ownsTable) problems.push('OWNS_TABLE');
  if (exists && !triggersEnabled) problems.push('TRIGGERS_DISABLED');
  return {
    role: String(row?.role ?? ''),
    superuser,
    ownsTable,
    triggersEnabled,
    safe: problems.length === 0,
    problems,
  };
}

/**
 * Like {@link checkAuditDatabaseRole}, but throws when the role is unsafe.
 *
 * @param sequelize - the application's connection
 * @returns the (safe) report
 * @throws {AuditError} AUDIT_UNSAFE_DB_ROLE listing the problems in `field`
 */
export async function assertAuditDatabaseRole(sequelize: Sequelize): Promise<AuditRoleReport> {
  const report = await checkAuditDatabaseRole(sequelize);
  if (!report.safe) {
    throw new AuditError(
      AuditErrorCode.UNSAFE_DB_ROLE,
      `database role can bypass the append-only audit guards: ${report.problems.join(', ')}`,
      { field: 'database' },
    );
  }
  return report;
}
