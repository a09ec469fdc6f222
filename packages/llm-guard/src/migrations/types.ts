import type { QueryInterface, Sequelize } from 'sequelize';

/** One schema step: run `up` in array order, `down` in reverse. */
export type LLMGuardMigration = {
  /** Stable, namespaced name (`@clawexchange/llm-guard/NNNN-…`), for runners such as umzug. */
  readonly name: string;
  /** Applies the step; safe to run again. */
  up(queryInterface: QueryInterface, sequelize?: Sequelize): Promise<void>;
  /** Reverses the step. */
  down(queryInterface: QueryInterface, sequelize?: Sequelize): Promise<void>;
};
