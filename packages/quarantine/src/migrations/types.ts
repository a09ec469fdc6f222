import type { QueryInterface, Sequelize } from 'sequelize';

/** One schema step: run `up` in array order, `down` in reverse. */
export type QuarantineMigration = {
  /**
   * `@clawexchange/quarantine/NNNN-…`: namespaced by package and never changed,
   * so runners that record names (umzug) run each step once.
   */
  readonly name: string;
  /** Applies the step; safe to run again. */
  up(queryInterface: QueryInterface, sequelize?: Sequelize): Promise<void>;
  /** Reverses the step. */
  down(queryInterface: QueryInterface, sequelize?: Sequelize): Promise<void>;
};
