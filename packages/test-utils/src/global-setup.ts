import type { TestProject } from 'vitest/node';
import { keepFailureExitCode } from './global-setup-exit.js';
import { usePostgres } from './postgres.js';
import { useRedis } from './redis.js';
import { useS3 } from './s3.js';
import { SERVICE_ENV } from './service-env.js';
import { startAll } from './start-all.js';

/**
 * Vitest global setup for the `integration` project: starts (or checks) a
 * real PostgreSQL, Redis and S3-compatible server once per run, hands their
 * addresses to the test workers through environment variables, and stops
 * them afterwards. Any service that cannot start fails the run (after the
 * others are stopped again), naming every service that failed, and the
 * run then ends with a non-zero status whatever the loaded service libraries
 * do at exit (see {@link keepFailureExitCode}).
 */
export default async function setup(_project: TestProject): Promise<() => Promise<void>> {
  keepFailureExitCode();
  const [postgres, redis, s3] = await startAll([usePostgres, useRedis, useS3]);
  process.env[SERVICE_ENV.databaseUrl] = postgres.url;
  process.env[SERVICE_ENV.redisUrl] = redis.url;
  process.env[SERVICE_ENV.s3] = JSON.stringify({
    endpoint: s3.endpoint,
    accessKey: s3.accessKey,
    secretKey: s3.secretKey,
    region: s3.region,
    bucket: s3.bucket,
  });
  return async () => {
    await Promise.allSettled([postgres.stop(), redis.stop(), s3.stop()]);
  };
}
