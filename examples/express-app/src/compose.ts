import { randomBytes } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { AuditEventType, createAuditLogger } from '@clawexchange/audit';
import { defaultPlugins } from '@clawexchange/detectors';
import { LLMGuardAuditEventType } from '@clawexchange/llm-guard';
import { createQuarantineService } from '@clawexchange/quarantine';
import { createRateLimiter } from '@clawexchange/rate-limiter';
import { createSSG, keywordPlugin } from '@clawexchange/ssg';
import { type Logger, noopLogger } from '@clawexchange/ssg/common';
import { Redis } from 'ioredis';
import type { Sequelize } from 'sequelize';
import type { OnStep } from './database/migrations.js';
import { migrateAndGrant, openAppDatabase } from './database/prepare.js';
import type { FeatureFlags } from './flags.js';
import { HEALTH_CHECK_EVENT } from './health/deep-check.js';
import { createLLMJudge, type LLMJudge } from './llm/judge.js';
import type { DemoServices } from './services.js';

/** Everything the host app composes. */
export type Pipeline = {
  readonly ssg: ReturnType<typeof createSSG>;
  readonly quarantine: ReturnType<typeof createQuarantineService>;
  readonly audit: ReturnType<typeof createAuditLogger>;
  readonly limiter: ReturnType<typeof createRateLimiter>;
  readonly sequelize: Sequelize;
  /** A gate with the same plugins and no sinks: the deep health check's `ssg` (writes nothing). */
  readonly probeSsg: ReturnType<typeof createSSG>;
  /** The quarantine bucket and a client for it (readiness reads it with HeadBucket). */
  readonly storage: { readonly client: S3Client; readonly bucket: string };
  /** The limiter's Redis client; undefined in memory mode. */
  readonly redis: Redis | undefined;
  /**
   * What the host's own Redis keys start with besides the limiter's (its
   * `RATE_LIMIT_KEY_PREFIX`, when set), so instances sharing a Redis with
   * other deployments keep apart; undefined: each package's default prefix.
   */
  readonly redisKeyPrefix: string | undefined;
  /** The LLM judge in the gate; undefined when `LLM_JUDGE_ENABLED=false`. */
  readonly judge: LLMJudge | undefined;
  /** The structured logger every package was given (moderation takes it too). */
  readonly logger: Logger;
  close(): Promise<void>;
};

/** Optional hooks of {@link composePipeline}. */
export type ComposeHooks = {
  /** Called at each migration step (the demo prints them). */
  readonly onMigrationStep?: OnStep;
  /**
   * The structured logger handed to every package (a host passes pino or
   * its own; the security tests capture it to look for canaries).
   * @default the family's no-op logger
   */
  readonly logger?: Logger;
};

/**
 * Event types the host writes besides the built-in ones: the deep health
 * check's, and the LLM guard's (calls, refusals, retention).
 */
function hostEventTypes(): string[] {
  const builtIn = new Set<string>(Object.values(AuditEventType));
  const guard = Object.values(LLMGuardAuditEventType).filter((t) => !builtIn.has(t));
  return [HEALTH_CHECK_EVENT, ...guard];
}

/**
 * The limiter's Redis client. A connection whose peer vanished without a FIN
 * (failover, partition) stays silent, and ioredis would wait on it forever:
 * the limiter would decide from its insurance limiter long after Redis is
 * back. `socketTimeout` drops a connection that owes an answer for 2 s (above
 * the limiter's 500 ms `redisTimeoutMs`), so the client reconnects; TCP
 * keep-alive finds idle dead ones. Regression of the fault suite (issue 16).
 */
export const REDIS_CLIENT_OPTIONS = { socketTimeout: 2000, keepAlive: 10_000 } as const;

/** A demo-only rule set for the SSG's built-in example plugin. */
const MARKETPLACE_RULES = [
  { term: 'guaranteed returns', label: 'FINANCIAL_PROMISE', score: 45 },
  { term: 'wire the deposit first', label: 'ADVANCE_FEE', score: 55 },
] as const;

/**
 * Runs every package's migrations as the migration role, grants the app
 * role its privileges, connects as the app role (refused when it could
 * bypass the audit guards), and composes the pipeline the way the
 * deployment guide does: quarantine and audit switched by feature flags.
 */
export async function composePipeline(
  services: DemoServices,
  flags: FeatureFlags,
  env: NodeJS.ProcessEnv = process.env,
  hooks: ComposeHooks = {},
): Promise<Pipeline> {
  await migrateAndGrant({
    migrationUrl: services.migrationDatabaseUrl,
    appUrl: services.databaseUrl,
    onStep: hooks.onMigrationStep,
  });
  const sequelize = await openAppDatabase(services.databaseUrl);
  const logger = hooks.logger ?? noopLogger;

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
    logger,
  });
  const audit = createAuditLogger({ database: sequelize, eventTypes: hostEventTypes(), logger });
  const redis = services.redisUrl ? new Redis(services.redisUrl, REDIS_CLIENT_OPTIONS) : undefined;
  // ioredis emits connection errors as events; the limiter sees the outage itself (its
  // `onRedisDown` policy, metric and log line) and /readyz reports it, so the event needs
  // no handling here beyond not being an unhandled 'error'.
  redis?.on('error', () => undefined);
  const limiter = createRateLimiter({
    ...(redis ? { redis } : {}),
    ...(env.RATE_LIMIT_KEY_PREFIX ? { keyPrefix: env.RATE_LIMIT_KEY_PREFIX } : {}),
    database: sequelize,
    logger,
  });
  const plugins = [
    ...defaultPlugins(),
    keywordPlugin({ id: 'marketplace', rules: MARKETPLACE_RULES }),
  ];
  const judge = flags.llmJudge
    ? await createLLMJudge(flags.audit ? audit : undefined, env)
    : undefined;
  const ssg = createSSG({
    plugins: judge ? [...plugins, judge.plugin] : plugins,
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
    logger,
  });
  const storageClient = new S3Client({
    endpoint: services.s3.endpoint,
    region: services.s3.region,
    credentials: { accessKeyId: services.s3.accessKey, secretAccessKey: services.s3.secretKey },
    forcePathStyle: true,
    // A probe reports what it sees: no retries hiding an outage behind the deadline.
    maxAttempts: 1,
  });
  return {
    ssg,
    quarantine,
    audit,
    limiter,
    sequelize,
    probeSsg: createSSG({ plugins, pluginTimeoutMs: 5000, logger }),
    storage: { client: storageClient, bucket: services.s3.bucket },
    redis,
    redisKeyPrefix: env.RATE_LIMIT_KEY_PREFIX || undefined,
    judge,
    logger,
    async close() {
      await judge?.close();
      await audit.close();
      storageClient.destroy();
      redis?.disconnect();
      await sequelize.close();
    },
  };
}
