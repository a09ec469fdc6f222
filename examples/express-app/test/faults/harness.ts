import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type FaultProxy,
  type RestartablePostgres,
  type RestartableRedis,
  type RestartableS3,
  startFaultProxy,
  startRestartablePostgres,
  startRestartableRedis,
  startRestartableS3,
  startTcpFaultProxy,
  type TcpFaultProxy,
} from '@clawexchange/test-utils';
import { createApp } from '../../src/app.js';
import { composePipeline, type Pipeline } from '../../src/compose.js';
import { provisionRoles } from '../../src/database/roles.js';
import type { FeatureFlags } from '../../src/flags.js';
import { createPostStore, type PostStore } from '../../src/posts.js';

/** Everything on, as the deployment guide runs it (audit fail-closed, limiter insurance). */
export const ALL_ON: FeatureFlags = {
  quarantine: true,
  audit: true,
  rateLimit: true,
  llmJudge: false,
  dryRun: false,
};

/** The app under fault, the services it uses (owned by the test) and what went wrong in-process. */
export type FaultRig = {
  readonly url: string;
  readonly pipeline: Pipeline;
  readonly posts: PostStore;
  readonly postgres: RestartablePostgres;
  readonly redis: RestartableRedis;
  readonly s3: RestartableS3;
  /** In front of s3rver: the app's S3 endpoint. */
  readonly s3Proxy: FaultProxy;
  /** In front of PostgreSQL and Redis: the app's connections go through them. */
  readonly postgresProxy: TcpFaultProxy;
  readonly redisProxy: TcpFaultProxy;
  /** `unhandledRejection` / `uncaughtException` seen in this process since the rig started. */
  readonly crashes: readonly string[];
  close(): Promise<void>;
};

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

/**
 * Starts the services the fault suite stops and restarts (its own
 * PostgreSQL, redis-server and s3rver behind a fault proxy), composes the
 * app on them as `composePipeline` does, and serves it on a loopback port
 * in this process, with listeners that record any unhandled rejection or
 * uncaught exception.
 */
export async function startFaultRig(): Promise<FaultRig> {
  const [postgres, redis, s3] = await Promise.all([
    startRestartablePostgres(),
    startRestartableRedis(),
    startRestartableS3(),
  ]);
  const s3Proxy = await startFaultProxy({ target: s3.endpoint });
  const postgresProxy = await startTcpFaultProxy({ host: '127.0.0.1', port: portOf(postgres.url) });
  const redisProxy = await startTcpFaultProxy({ host: '127.0.0.1', port: portOf(redis.url) });
  const suffix = randomBytes(4).toString('hex');
  const roles = await provisionRoles(postgres.url, {
    migrator: `f_migrator_${suffix}`,
    app: `f_app_${suffix}`,
  });
  const crashes: string[] = [];
  const onRejection = (reason: unknown): void => {
    crashes.push(`unhandledRejection: ${describe(reason)}`);
  };
  const onException = (error: unknown): void => {
    crashes.push(`uncaughtException: ${describe(error)}`);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  const pipeline = await composePipeline(
    {
      databaseUrl: viaPort(roles.appUrl, postgresProxy.port),
      migrationDatabaseUrl: roles.migrationUrl,
      s3: { ...pick(s3), endpoint: s3Proxy.url },
      redisUrl: viaPort(redis.url, redisProxy.port),
      origin: { postgres: 'fault suite', s3: 'fault suite', redis: 'fault suite' },
      stop: async () => undefined,
    },
    ALL_ON,
    { ...process.env, LLM_JUDGE_ENABLED: 'false' },
  );
  // Unbounded: the checks read every post ever published (the demo's bounds would drop some).
  const posts = createPostStore({
    keep: Number.MAX_SAFE_INTEGER,
    keepChars: Number.MAX_SAFE_INTEGER,
  });
  // Readiness checks get 3 s (1 s by default): the suite's load shares 2 cores with the services.
  const app = createApp(pipeline, ALL_ON, { posts, health: { timeoutMs: 3000 } });
  const server = app.listen(0, '127.0.0.1');
  const url = await listen(server);
  return {
    url,
    pipeline,
    posts,
    postgres,
    redis,
    s3,
    s3Proxy,
    postgresProxy,
    redisProxy,
    crashes,
    async close() {
      server.closeAllConnections();
      server.close();
      // Proxies first: connections a fault silenced are destroyed, so closing the pools cannot hang.
      await Promise.allSettled([s3Proxy.close(), postgresProxy.close(), redisProxy.close()]);
      await pipeline.close().catch(() => undefined);
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      await Promise.allSettled([postgres.close(), redis.close(), s3.close()]);
    },
  };
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

function viaPort(url: string, port: number): string {
  const u = new URL(url);
  u.port = String(port);
  return u.toString();
}

function pick(s3: RestartableS3) {
  const { bucket, accessKey, secretKey, region } = s3;
  return { bucket, accessKey, secretKey, region };
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return String(value);
}
