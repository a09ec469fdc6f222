import type { LLMGuardMigration } from './types.js';

/**
 * `llm_runs`: one row per kept run: run hash, provider, model, object keys,
 * sizes, created, retain-until, deleted-at. No prompt text, no raw run id.
 * The partial index serves the retention sweep (due, not yet deleted).
 */
export const createLlmRuns: LLMGuardMigration = {
  name: '@clawexchange/llm-guard/0001-create-llm-runs',
  async up(queryInterface) {
    const db = queryInterface.sequelize;
    await db.query(`
      CREATE TABLE IF NOT EXISTS llm_runs (
        run_hash char(64) PRIMARY KEY,
        provider varchar(32) NOT NULL,
        model varchar(255) NOT NULL,
        output_key varchar(1024) NOT NULL,
        artifact_keys jsonb NOT NULL DEFAULT '[]'::jsonb,
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        created_at timestamptz NOT NULL,
        retain_until timestamptz NOT NULL,
        deleted_at timestamptz
      )`);
    await db.query(
      'CREATE INDEX IF NOT EXISTS llm_runs_due_idx ON llm_runs (retain_until, run_hash) WHERE deleted_at IS NULL',
    );
  },
  async down(queryInterface) {
    await queryInterface.sequelize.query('DROP TABLE IF EXISTS llm_runs');
  },
};
