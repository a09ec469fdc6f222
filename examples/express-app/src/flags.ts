/** Which components the host switches on (feature flags, as in the deployment guide). */
export type FeatureFlags = {
  readonly quarantine: boolean;
  readonly audit: boolean;
  readonly rateLimit: boolean;
  /** The LLM judge plugin in the gate (to `LLM_API_URL`, or the demo's local stand-in). */
  readonly llmJudge?: boolean;
  readonly dryRun: boolean;
};

/**
 * Reads the feature flags: `QUARANTINE_ENABLED`, `AUDIT_ENABLED`,
 * `RATE_LIMIT_ENABLED`, `LLM_JUDGE_ENABLED`. The demo switches everything
 * on unless a flag is set to `false`; `SSG_DRY_RUN=true` runs the gate in
 * DRY_RUN mode.
 */
export function flagsFromEnv(env: NodeJS.ProcessEnv = process.env): FeatureFlags {
  const on = (name: string): boolean => env[name] !== 'false';
  return {
    quarantine: on('QUARANTINE_ENABLED'),
    audit: on('AUDIT_ENABLED'),
    rateLimit: on('RATE_LIMIT_ENABLED'),
    llmJudge: on('LLM_JUDGE_ENABLED'),
    dryRun: env.SSG_DRY_RUN === 'true',
  };
}
