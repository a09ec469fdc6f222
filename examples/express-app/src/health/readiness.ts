import { HeadBucketCommand } from '@aws-sdk/client-s3';
import type { Pipeline } from '../compose.js';
import type { FeatureFlags } from '../flags.js';
import { type Check, CheckFailed, type ComponentStatus, runChecks } from './timed.js';

/** The body of `GET /readyz`. */
export type ReadinessReport = {
  readonly status: 'ok' | 'fail';
  readonly components: Readonly<Record<string, ComponentStatus>>;
};

/** PostgreSQL answers a trivial read on the app's pool (audit, quarantine metadata, limits). */
function postgresCheck(pipeline: Pipeline): Check {
  return async () => {
    await pipeline.sequelize.query('SELECT 1');
  };
}

/** The quarantine bucket exists and these credentials may see it (`s3:ListBucket`). */
function s3Check(pipeline: Pipeline): Check {
  return async (signal) => {
    await pipeline.storage.client.send(new HeadBucketCommand({ Bucket: pipeline.storage.bucket }), {
      abortSignal: signal,
    });
  };
}

/** Redis answers PING (only when the limiter runs on Redis; memory mode has nothing to reach). */
function redisCheck(pipeline: Pipeline): Check | undefined {
  const redis = pipeline.redis;
  if (redis === undefined) return undefined;
  return async () => {
    // ioredis queues commands while it reconnects: the deadline in `timed` bounds that wait.
    const answer = await redis.ping();
    if (answer !== 'PONG') throw new CheckFailed('UNEXPECTED_REPLY');
  };
}

/**
 * Checks every dependency the request path needs, in parallel, each with
 * its own deadline. Reads only: no row, object or counter is written, so a
 * load balancer may call it as often as it likes.
 */
export async function readiness(
  pipeline: Pipeline,
  flags: FeatureFlags,
  timeoutMs: number,
): Promise<ReadinessReport> {
  const usesPostgres = flags.audit || flags.quarantine;
  const { ok, components } = await runChecks(
    {
      postgres: usesPostgres ? postgresCheck(pipeline) : undefined,
      s3: flags.quarantine ? s3Check(pipeline) : undefined,
      redis: flags.rateLimit ? redisCheck(pipeline) : undefined,
    },
    timeoutMs,
  );
  return { status: ok ? 'ok' : 'fail', components };
}
