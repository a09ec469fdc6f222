/**
 * The verdict loop, ready-made: a function the screening gate calls after
 * every inspection (`createSSG({ onInspection: limiter.verdictFeedback() })`),
 * which records WARN, QUARANTINE and BLOCK verdicts against the agent so the
 * derived penalties tighten its limits from its next request on.
 *
 * It is typed structurally on the gate's inspection event, so this package
 * needs no runtime import of `@clawexchange/ssg`.
 */
import type { VerdictFeedback, VerdictName } from './types.js';

/**
 * Builds the feedback function over the limiter's `recordVerdict`.
 *
 * - The agent is the one the gate resolved for the request
 *   (`context.agentId`, e.g. from the middleware's `extract`); no lookup.
 * - Without an agent id (anonymous content, health checks) there is no one
 *   to penalise, and nothing is recorded.
 * - PASS records nothing and costs no Redis call; DRY_RUN inspections are
 *   always PASS, so a dry run never tightens limits.
 * - It rejects when `recordVerdict` does (an agent id over 256 characters,
 *   a verdict it does not know); the gate logs and counts that
 *   (`SSG_INSPECTION_HOOK_FAILED`) and answers the client as usual. While
 *   Redis is down the verdict goes to the in-memory store, as `recordVerdict`
 *   documents, and the call resolves.
 *
 * @param record - the limiter's `recordVerdict`
 * @returns the feedback function
 */
export function createVerdictFeedback(
  record: (agentId: string, verdict: VerdictName) => Promise<void>,
): VerdictFeedback {
  return async ({ inspection, context }) => {
    const agentId = context.agentId;
    if (agentId === undefined || inspection.verdict === 'PASS') return;
    await record(agentId, inspection.verdict);
  };
}
