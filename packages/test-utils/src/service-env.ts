/**
 * Names of the variables through which the global setup tells test workers
 * where the services run. Distinct from DATABASE_URL & co. so that a test
 * exercising `xxxConfigFromEnv()` never picks them up by accident.
 */
export const SERVICE_ENV = {
  databaseUrl: 'CLAW_TEST_DATABASE_URL',
  redisUrl: 'CLAW_TEST_REDIS_URL',
  s3: 'CLAW_TEST_S3',
} as const;
