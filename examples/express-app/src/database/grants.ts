import type { Sequelize } from 'sequelize';

/**
 * What the application role may do, table by table: exactly what the
 * packages' request paths and workers need, nothing the migration role
 * alone should do (DDL, TRUNCATE, trigger changes, editing limits).
 * The audit rows are INSERT + SELECT only (the trail is append-only) and
 * the chain head SELECT + UPDATE, as the audit README prescribes.
 */
export const APP_GRANTS: readonly { readonly privileges: string; readonly tables: string }[] = [
  { privileges: 'SELECT, INSERT, UPDATE, DELETE', tables: 'quarantine_records, encryption_keys' },
  { privileges: 'SELECT', tables: 'quarantine_installation' },
  { privileges: 'SELECT, INSERT', tables: 'audit_logs' },
  { privileges: 'SELECT, UPDATE', tables: 'audit_chain_head' },
  { privileges: 'SELECT', tables: 'rate_limit_configs, tier_threshold_configs' },
  { privileges: 'SELECT, INSERT, UPDATE, DELETE', tables: 'llm_runs' },
];

/** Quotes a role name as an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Grants the application role its privileges on the migrated tables. Run
 * by the migration role (the owner may grant on what it owns), after the
 * migrations, on every deploy (GRANT is idempotent).
 */
export async function grantAppPrivileges(migrator: Sequelize, appRole: string): Promise<void> {
  const role = quoteIdent(appRole);
  await migrator.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  for (const grant of APP_GRANTS) {
    await migrator.query(`GRANT ${grant.privileges} ON ${grant.tables} TO ${role}`);
  }
}
