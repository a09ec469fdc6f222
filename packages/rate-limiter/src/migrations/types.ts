import type { QueryInterface, Sequelize } from 'sequelize';

/** One migration step, run in array order by the host's runner or a loop. */
export type RateLimiterMigration = {
  /** Unique, sortable name. */
  readonly name: string;
  /** Applies the step (idempotent). */
  up(qi: QueryInterface, sequelize?: Sequelize): Promise<void>;
  /** Reverts the step. */
  down(qi: QueryInterface, sequelize?: Sequelize): Promise<void>;
};
