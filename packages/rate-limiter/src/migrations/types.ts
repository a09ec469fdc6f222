import type { QueryInterface, Sequelize } from 'sequelize';

/** One migration step, run in array order by the host's runner or a loop. */
export type RateLimiterMigration = {
  /**
   * `@clawexchange/rate-limiter/NNNN-…`: namespaced by package and never changed,
   * so runners that record names (umzug) run each step once.
   */
  readonly name: string;
  /** Applies the step (idempotent). */
  up(qi: QueryInterface, sequelize?: Sequelize): Promise<void>;
  /** Reverts the step. */
  down(qi: QueryInterface, sequelize?: Sequelize): Promise<void>;
};
