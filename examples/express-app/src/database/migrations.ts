import { auditMigrations } from '@clawexchange/audit';
import { llmGuardMigrations } from '@clawexchange/llm-guard';
import { quarantineMigrations } from '@clawexchange/quarantine';
import { rateLimiterMigrations } from '@clawexchange/rate-limiter';
import type { QueryInterface, Sequelize } from 'sequelize';

/** One package's migration step, as every package exports them. */
export type Step = {
  readonly name: string;
  up(qi: QueryInterface, sequelize: Sequelize): Promise<void>;
  down(qi: QueryInterface, sequelize: Sequelize): Promise<void>;
};

/** Called before each step runs (progress display). */
export type OnStep = (event: {
  readonly direction: 'up' | 'down';
  readonly name: string;
  readonly index: number;
  readonly total: number;
}) => void;

/**
 * Every package's steps in the deployment guide's order: quarantine, audit,
 * rate-limiter, then llm-guard (its run table). Copies: the exported arrays
 * are never reversed in place.
 */
export function allSteps(): readonly Step[] {
  return [
    ...quarantineMigrations,
    ...auditMigrations,
    ...rateLimiterMigrations,
    ...llmGuardMigrations,
  ] as readonly Step[];
}

async function run(
  sequelize: Sequelize,
  steps: readonly Step[],
  opts: { direction: 'up' | 'down'; onStep?: OnStep | undefined },
): Promise<void> {
  const qi = sequelize.getQueryInterface();
  for (const [index, step] of steps.entries()) {
    opts.onStep?.({ direction: opts.direction, name: step.name, index, total: steps.length });
    await step[opts.direction](qi, sequelize);
  }
}

/** Runs every step up, in order. Idempotent: each step may run on every deploy. */
export async function migrateUp(sequelize: Sequelize, onStep?: OnStep): Promise<void> {
  await run(sequelize, allSteps(), { direction: 'up', onStep });
}

/**
 * Rolls every step back, newest first: llm-guard, rate-limiter, audit,
 * quarantine, each package's steps in reverse. Drops the audit trail and
 * held content: export the trail first (`clawexchange-audit export`).
 */
export async function migrateDown(sequelize: Sequelize, onStep?: OnStep): Promise<void> {
  await run(sequelize, [...allSteps()].reverse(), { direction: 'down', onStep });
}
