/**
 * @packageDocumentation
 * The rate limiter's migrations only: this subpath loads nothing else, so a
 * migration runner does not pull in Redis or OpenTelemetry.
 *
 * @module @clawexchange/rate-limiter/migrations
 */
import { createConfigTables } from './create-config-tables.js';
import { seedDefaults } from './seed-defaults.js';
import type { RateLimiterMigration } from './types.js';

export { type RateLimiterMigrationRename, rateLimiterMigrationRenames } from './renames.js';
export type { RateLimiterMigration } from './types.js';

/**
 * Migrations creating `rate_limit_configs` and `tier_threshold_configs` and
 * seeding the defaults; run `up` in array order, `down` in reverse. Names are
 * `@clawexchange/rate-limiter/NNNN-…` and never change. Each step works in
 * either order, so the array stays usable after the deployment guide's
 * in-place `.reverse()` (a plain mutable array for that reason; prefer
 * `[...rateLimiterMigrations].reverse()`).
 *
 * @example
 * ```ts
 * for (const m of rateLimiterMigrations) await m.up(qi, sequelize);
 * ```
 */
export const rateLimiterMigrations: RateLimiterMigration[] = [createConfigTables, seedDefaults];
