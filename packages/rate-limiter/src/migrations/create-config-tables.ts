import { migrationConnection } from '@clawexchange/ssg/common';
import { assertNoForeignTables } from './foreign-schema-guard.js';
import type { RateLimiterMigration } from './types.js';

/**
 * Creates `rate_limit_configs` and `tier_threshold_configs` (idempotent).
 * Up and down first refuse tables of those names that are not ours
 * (RATE_LIMITER_UPSTREAM_SCHEMA_DETECTED), before changing anything.
 */
export const createConfigTables: RateLimiterMigration = {
  name: '@clawexchange/rate-limiter/0001-create-config-tables',
  async up(qi, sequelize) {
    const db = migrationConnection(qi, sequelize);
    await assertNoForeignTables(qi, sequelize);
    await db.query(`CREATE TABLE IF NOT EXISTS rate_limit_configs (
      tier VARCHAR(64) PRIMARY KEY,
      window_limit INTEGER NOT NULL,
      window_ms INTEGER NOT NULL DEFAULT 3600000,
      burst_limit INTEGER NOT NULL,
      burst_window_ms INTEGER NOT NULL DEFAULT 60000,
      buckets INTEGER NOT NULL DEFAULT 60,
      enabled BOOLEAN NOT NULL DEFAULT TRUE,
      created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
      updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    await db.query(`CREATE TABLE IF NOT EXISTS tier_threshold_configs (
      trust_level VARCHAR(64) PRIMARY KEY,
      multiplier DOUBLE PRECISION NOT NULL,
      enabled BOOLEAN NOT NULL DEFAULT TRUE,
      created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
      updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
  },
  async down(qi, sequelize) {
    const db = migrationConnection(qi, sequelize);
    await assertNoForeignTables(qi, sequelize);
    await db.query('DROP TABLE IF EXISTS tier_threshold_configs');
    await db.query('DROP TABLE IF EXISTS rate_limit_configs');
  },
};
