/** A migration name used before 0.2 and the name that replaced it. */
export type QuarantineMigrationRename = {
  /** The name a runner may have recorded (umzug's `SequelizeMeta.name`). */
  readonly from: string;
  /** The name the step has now, and keeps. */
  readonly to: string;
};

/**
 * Old → new migration names, for hosts whose runner recorded the old ones:
 * rename each recorded `from` to `to` once, before the next `up`. See
 * docs/upgrading-from-upstream.md for the SQL.
 */
export const quarantineMigrationRenames: readonly QuarantineMigrationRename[] = [
  {
    from: '001-create-quarantine-records',
    to: '@clawexchange/quarantine/0001-create-quarantine-records',
  },
  {
    from: '002-create-encryption-keys',
    to: '@clawexchange/quarantine/0002-create-encryption-keys',
  },
];
