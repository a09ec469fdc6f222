import { randomBytes } from 'node:crypto';
import { auditMigrations, createAuditLogger } from '@clawexchange/audit';
import { defaultPlugins } from '@clawexchange/detectors';
import { createQuarantineService, quarantineMigrations } from '@clawexchange/quarantine';
import { createRateLimiter, rateLimiterMigrations } from '@clawexchange/rate-limiter';
import { createSSG, keywordPlugin } from '@clawexchange/ssg';
import { Redis } from 'ioredis';
import { Sequelize } from 'sequelize';
import type { FeatureFlags } from './flags.js';
import type { DemoServices } from './services.js';

/** Everything the host app composes. */
export type Pipeline = {
  readonly ssg: ReturnType<typeof createSSG>;
  readonly quarantine: ReturnType<typeof createQuarantineService>;
  readonly audit: ReturnType<typeof createAuditLogger>;
  readonly limiter: ReturnType<typeof createRateLimiter>;
  readonly sequelize: Sequelize;
  close(): Promise<void>;
};

/** A demo-only rule set for the SSG's built-in example plugin. */
const MARKETPLACE_RULES = [
  { term: 'guaranteed returns', label: 'FINANCIAL_PROMISE', score: 45 },
  { term: 'wire the deposit first', label: 'ADVANCE_FEE', score: 55 },
] as const;

/**
 * Runs every package's migrations and composes the pipeline the way the
 * deployment guide does: quarantine and audit switched by feature flags.
 */
export async function composePipeline(
  services: DemoServices,
  flags: FeatureFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Pipeline> {
  const sequelize = new Sequelize(services.databaseUrl, { logging: false });
  const qi = sequelize.getQueryInterface();
  for (const m of quarantineMigrations) await m.up(qi, sequelize);
  for (const m of auditMigrations) await m.up(qi, sequelize);
  for (const m of rateLimiterMigrations) await m.up(qi, sequelize);

  const quarantine = createQuarantineService({
    // Only the storage fields: `createQuarantineService` refuses keys it does not
    // know, and the harness's endpoint objects also carry `stop`/`cleanup`/`client`.
    storage: {
      endpoint: services.s3.endpoint,
      bucket: services.s3.bucket,
      accessKey: services.s3.accessKey,
      secretKey: services.s3.secretKey,
      region: services.s3.region,
      forcePathStyle: true,
    },
    // The demo makes a throw-away key when none is given: held content is
    // unreadable after the demo exits, which is what a demo should do.
    encryption: { masterKey: env.ENCRYPTION_MASTER_KEY ?? randomBytes(32).toString('base64') },
    database: sequelize,
    expiryHours: 72,
  });
  const audit = createAuditLogger({ database: sequelize });
  const redis = services.redisUrl ? new Redis(services.redisUrl) : undefined;
  const limiter = createRateLimiter({
    ...(redis ? { redis } : {}),
    ...(env.RATE_LIMIT_KEY_PREFIX ? { keyPrefix: env.RATE_LIMIT_KEY_PREFIX } : {}),
    database: sequelize,
  });
  const ssg = createSSG({
    plugins: [...defaultPlugins(), keywordPlugin({ id: 'marketplace', rules: MARKETPLACE_RULES })],
    quarantine: flags.quarantine ? quarantine : undefined,
    audit: flags.audit ? audit : undefined,
    mode: flags.dryRun ? 'DRY_RUN' : 'ENFORCE',
    // A timed-out plugin escalates to QUARANTINE (the safe default). The demo
    // and its tests also run on busy CI machines, so allow more than the
    // 1 s default before a slow first call counts as a timeout.
    pluginTimeoutMs: 5000,
    // The verdict loop: WARN/QUARANTINE/BLOCK tighten the agent's rate limits
    // from its next request on. The gate awaits it before answering (one Redis
    // call, bounded); a failure is logged and counted, never sent to the client.
    onInspection: limiter.verdictFeedback(),
  });
  return {
    ssg,
    quarantine,
    audit,
    limiter,
    sequelize,
    async close() {
      await audit.close();
      redis?.disconnect();
      await sequelize.close();
    },
  };
}
