/** A migration name used before 0.2 and the name that replaced it. */
export type RateLimiterMigrationRename = {
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
export const rateLimiterMigrationRenames: readonly RateLimiterMigrationRename[] = [
  {
    from: '20261123-0001-rate-limiter-create-config-tables',
    to: '@clawexchange/rate-limiter/0001-create-config-tables',
  },
  {
    from: '20261123-0002-rate-limiter-seed-defaults',
    to: '@clawexchange/rate-limiter/0002-seed-defaults',
  },
];
