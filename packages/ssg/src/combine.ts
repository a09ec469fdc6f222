/**
 * Combines plugin outcomes into one decision.
 *
 * With `combine: 'max'` (the default) the combined score is the MAXIMUM of
 * the normalised scores (each rounded up and clamped to [0, 100]) of the
 * plugins that answered: one confident detector is enough, two weak
 * findings do not add up to a strong one, and the verdict does not depend
 * on how detection is split into plugins (one plugin scanning three
 * categories, or three plugins, give the same tier).
 * With `combine: 'sum'` (upstream `security-pipeline` 0.1.x's rule) the
 * normalised scores are added and the total is clamped to 100.
 * With `onPluginError: 'escalate'`, a failed plugin raises the combined
 * score to at least the lowest score of the HIGH tier (→ QUARANTINE), in
 * either mode.
 */
import type { PluginErrorPolicy } from './config.js';
import type { Degradation, InspectionMatch } from './result.js';
import type { PluginOutcome } from './runner.js';
import { scoreToTier, type TierThreshold, tierToVerdict } from './tiers.js';
import { RiskTier, type Verdict } from './types.js';

/** How plugin scores are combined: the highest one (default), or their sum (upstream's rule). */
export type ScoreCombination = 'max' | 'sum';

/** Highest combined score; a sum above it is clamped. */
const MAX_COMBINED_SCORE = 100;

/** The gate's decision before quarantine, audit and mode are applied. */
export type Decision = {
  /** Combined score (internal). */
  readonly score: number;
  readonly tier: RiskTier;
  readonly verdict: Verdict;
  readonly labels: readonly string[];
  readonly matches: readonly InspectionMatch[];
  readonly degraded: readonly Degradation[];
};

/**
 * The score a failed plugin counts as under `'escalate'`: the lower bound
 * of the HIGH tier of `tiers`.
 *
 * @param tiers - a validated tier table
 * @returns the escalation score
 */
export function escalationScore(tiers: readonly TierThreshold[]): number {
  const high = tiers.find((t) => t.tier === RiskTier.HIGH);
  return (high as TierThreshold).min;
}

function failureLabel(outcome: PluginOutcome): string {
  return `${outcome.status === 'timeout' ? 'PLUGIN_TIMEOUT' : 'PLUGIN_ERROR'}:${outcome.pluginId}`;
}

/**
 * Combines outcomes (in priority order) into a {@link Decision}.
 *
 * @param outcomes - from `runPlugins`
 * @param opts - the failure policy, tier table and combination rule (default `'max'`)
 * @returns the decision
 */
export function combine(
  outcomes: readonly PluginOutcome[],
  opts: {
    readonly policy: PluginErrorPolicy;
    readonly tiers: readonly TierThreshold[];
    readonly mode?: ScoreCombination;
  },
): Decision {
  const sum = opts.mode === 'sum';
  let score = 0;
  const labels = new Set<string>();
  const failureLabels: string[] = [];
  const matches: InspectionMatch[] = [];
  const degraded: Degradation[] = [];
  let failed = false;
  for (const outcome of outcomes) {
    if (outcome.status === 'ok') {
      score = sum ? score + outcome.score : Math.max(score, outcome.score);
      for (const label of outcome.labels) labels.add(label);
      for (const match of outcome.matches) matches.push(match);
      continue;
    }
    failureLabels.push(failureLabel(outcome));
    const code = outcome.status === 'timeout' ? 'PLUGIN_TIMEOUT' : 'PLUGIN_ERROR';
    degraded.push({ pluginId: outcome.pluginId, code });
    failed = true;
  }
  if (sum) score = Math.min(score, MAX_COMBINED_SCORE);
  if (failed && opts.policy === 'escalate') score = Math.max(score, escalationScore(opts.tiers));
  for (const label of failureLabels) labels.add(label);
  const tier = scoreToTier(score, opts.tiers);
  return { score, tier, verdict: tierToVerdict(tier), labels: [...labels], matches, degraded };
}
