/** Which components the host switches on (feature flags, as in the deployment guide). */
export type FeatureFlags = {
  readonly quarantine: boolean;
  readonly audit: boolean;
  readonly rateLimit: boolean;
  readonly dryRun: boolean;
};

/**
 * Reads the feature flags. The demo switches everything on unless a flag is
 * set to `false`; `SSG_DRY_RUN=true` runs the gate in DRY_RUN mode.
 */
export function flagsFromEnv(env: NodeJS.ProcessEnv = process.env): FeatureFlags {
  const on = (name: string): boolean => env[name] !== 'false';
  return {
    quarantine: on('QUARANTINE_ENABLED'),
    audit: on('AUDIT_ENABLED'),
    rateLimit: on('RATE_LIMIT_ENABLED'),
    dryRun: env.SSG_DRY_RUN === 'true',
  };
}
