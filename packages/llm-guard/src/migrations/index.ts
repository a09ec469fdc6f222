/**
 * @packageDocumentation
 * Migrations of `@clawexchange/llm-guard` alone: importing this subpath
 * loads neither the AWS SDK nor the guard.
 *
 * @module @clawexchange/llm-guard/migrations
 */
import { createLlmRuns } from './0001-create-llm-runs.js';
import type { LLMGuardMigration } from './types.js';

export type { LLMGuardMigration } from './types.js';

/**
 * The guard's schema steps, in order (today one: `llm_runs`). Run `up` in
 * order and `down` in reverse; `up` is idempotent. A plain array, like the
 * other packages' (`[...llmGuardMigrations].reverse()` for rollback).
 *
 * @example
 * for (const m of llmGuardMigrations) await m.up(qi, sequelize);
 */
export const llmGuardMigrations: LLMGuardMigration[] = [createLlmRuns];
