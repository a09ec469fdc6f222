/**
 * The bot policy: which bot decisions apply as asked and which become an
 * escalation to a human. Pure.
 */
import type { BotAction, ModerationReason, PolicyOverride } from './types.js';

/** The gate's tiers, lowest first. A tier not in this list ranks above all of them. */
export const TIER_ORDER: readonly ['CLEAR', 'LOW', 'MODERATE', 'HIGH', 'CRITICAL'] = [
  'CLEAR',
  'LOW',
  'MODERATE',
  'HIGH',
  'CRITICAL',
];

/** What review bots may decide alone. */
export type BotPolicy = {
  /**
   * Bots may release only records whose tier is strictly below this one.
   * @default 'HIGH' (bots release CLEAR, LOW and MODERATE records)
   */
  readonly releaseBelowTier?: (typeof TIER_ORDER)[number];
  /**
   * Bots may release only with at least this confidence (0..1).
   * @default 0.9
   */
  readonly minReleaseConfidence?: number;
  /**
   * Bots may delete only with at least this confidence (0..1).
   * @default 0.8
   */
  readonly minDeleteConfidence?: number;
};

/** A policy with every field filled in. */
export type ResolvedBotPolicy = Required<BotPolicy>;

/** The defaults of {@link BotPolicy}. */
export const DEFAULT_BOT_POLICY: ResolvedBotPolicy = Object.freeze({
  releaseBelowTier: 'HIGH',
  minReleaseConfidence: 0.9,
  minDeleteConfidence: 0.8,
});

/** The input of {@link applyBotPolicy}. */
export type PolicyInput = {
  readonly action: BotAction;
  readonly tier: string;
  readonly confidence: number;
  readonly reason: ModerationReason;
};

/** The outcome of {@link applyBotPolicy}. */
export type PolicyOutcome = {
  readonly action: BotAction;
  readonly overriddenBy: PolicyOverride | null;
};

function tierRank(tier: string): number {
  const i = (TIER_ORDER as readonly string[]).indexOf(tier);
  // An unknown tier is treated as the riskiest: a bot never releases it alone.
  return i === -1 ? TIER_ORDER.length : i;
}

/**
 * Decides what a bot's request becomes under `policy`: the request itself,
 * or an escalation that names the rule that stopped it.
 *
 * @param policy - the resolved policy
 * @param input - requested action, record tier, confidence and reason
 * @returns the action to apply and why it differs from the request (or null)
 */
export function applyBotPolicy(policy: ResolvedBotPolicy, input: PolicyInput): PolicyOutcome {
  if (input.action === 'escalate') return { action: 'escalate', overriddenBy: null };
  const escalate = (why: PolicyOverride): PolicyOutcome => ({
    action: 'escalate',
    overriddenBy: why,
  });
  // A bot that says "a human should look" does not get to decide anyway.
  if (input.reason === 'NEEDS_HUMAN_REVIEW') return escalate('reason');
  if (input.action === 'release') {
    if (tierRank(input.tier) >= tierRank(policy.releaseBelowTier)) return escalate('tier');
    if (input.confidence < policy.minReleaseConfidence) return escalate('confidence');
    return { action: 'release', overriddenBy: null };
  }
  if (input.confidence < policy.minDeleteConfidence) return escalate('confidence');
  return { action: 'delete', overriddenBy: null };
}
