/** A migration name used before 0.2 and the name that replaced it. */
export type AuditMigrationRename = {
  /** The name a runner may have recorded (umzug's `SequelizeMeta.name`). */
  readonly from: string;
  /** The name the step has now, and keeps. */
  readonly to: string;
};

/**
 * Old → new migration names, for hosts whose runner recorded the old ones:
 * rename each recorded `from` to `to` once, before the next `up`. Both old
 * audit names (the step was named after the partitioning option) map to
 * the one new name. See docs/upgrading-from-upstream.md for the SQL.
 */
export const auditMigrationRenames: readonly AuditMigrationRename[] = [
  { from: '001-audit-logs', to: '@clawexchange/audit/0001-create-audit-logs' },
  { from: '001-audit-logs-partitioned', to: '@clawexchange/audit/0001-create-audit-logs' },
];
