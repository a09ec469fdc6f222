import { migrationConnection } from '@clawexchange/ssg/common';
import { createConfigTables } from './create-config-tables.js';
import { assertNoForeignTables } from './foreign-schema-guard.js';
import type { RateLimiterMigration } from './types.js';

/**
 * Seeds the default tiers and trust multipliers. Existing rows are kept
 * (ON CONFLICT DO NOTHING), so re-running never overwrites an admin's edit.
 * The values repeat DEFAULT_LIMITS on purpose: this subpath loads nothing else.
 */
export const seedDefaults: RateLimiterMigration = {
  name: '@clawexchange/rate-limiter/0002-seed-defaults',
  async up(qi, sequelize) {
    const db = migrationConnection(qi, sequelize);
    // The tables first (idempotent; refuses foreign ones), so the steps also
    // work in reversed order: the deployment guide's rollback reverses an
    // exported array in place, and a later `up` loop then reaches this step first.
    await createConfigTables.up(qi, sequelize);
    await db.query(`INSERT INTO rate_limit_configs (tier, window_limit, window_ms, burst_limit, burst_window_ms, buckets)
      VALUES ('POSTS', 10, 3600000, 3, 60000, 60),
             ('COMMENTS', 60, 3600000, 10, 60000, 60),
             ('MESSAGES', 300, 3600000, 30, 60000, 60)
      ON CONFLICT (tier) DO NOTHING`);
    await db.query(`INSERT INTO tier_threshold_configs (trust_level, multiplier)
      VALUES ('NEW', 0.5), ('ESTABLISHED', 1), ('VERIFIED', 2), ('PLATFORM_BOT', 10)
      ON CONFLICT (trust_level) DO NOTHING`);
  },
  async down(qi, sequelize) {
    const db = migrationConnection(qi, sequelize);
    await assertNoForeignTables(qi, sequelize);
    // Tables already dropped (steps rolled back out of order) leave nothing to delete.
    await db.query(`DO $$ BEGIN
      IF to_regclass('tier_threshold_configs') IS NOT NULL THEN
        DELETE FROM tier_threshold_configs
          WHERE trust_level IN ('NEW', 'ESTABLISHED', 'VERIFIED', 'PLATFORM_BOT');
      END IF;
      IF to_regclass('rate_limit_configs') IS NOT NULL THEN
        DELETE FROM rate_limit_configs WHERE tier IN ('POSTS', 'COMMENTS', 'MESSAGES');
      END IF;
    END $$`);
  },
};
