import { ConfigError } from './config-error.js';

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
 * One flag: unset gives the default; set, it must read `true` or `false`.
 * Anything else (`0`, `no`, `False`, `ture`) is refused rather than read as
 * the default: a mistyped `AUDIT_ENABLED=0` must not leave audit on unnoticed.
 *
 * @throws {ConfigError} naming the variable
 */
function flag(env: NodeJS.ProcessEnv, name: string, whenUnset: boolean): boolean {
  const value = env[name];
  if (value === undefined) return whenUnset;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new ConfigError(`${name} must be true or false (unset: ${whenUnset})`);
}

/**
 * Reads the feature flags: `QUARANTINE_ENABLED`, `AUDIT_ENABLED`,
 * `RATE_LIMIT_ENABLED`, `LLM_JUDGE_ENABLED`. The demo switches everything
 * on unless a flag is set to `false`; `SSG_DRY_RUN=true` runs the gate in
 * DRY_RUN mode. A set flag that reads neither `true` nor `false` is refused.
 *
 * @throws {ConfigError} for a flag set to anything but `true` or `false`
 */
export function flagsFromEnv(env: NodeJS.ProcessEnv = process.env): FeatureFlags {
  return {
    quarantine: flag(env, 'QUARANTINE_ENABLED', true),
    audit: flag(env, 'AUDIT_ENABLED', true),
    rateLimit: flag(env, 'RATE_LIMIT_ENABLED', true),
    llmJudge: flag(env, 'LLM_JUDGE_ENABLED', true),
    dryRun: flag(env, 'SSG_DRY_RUN', false),
  };
}
