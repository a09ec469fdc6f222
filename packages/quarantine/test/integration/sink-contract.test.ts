import { describeQuarantineSinkContract } from '@clawexchange/test-utils';
import { afterAll, beforeAll } from 'vitest';
import { type Env, recordingLogger, setupEnv } from './setup.js';

/**
 * The quarantine service keeps the ssg `QuarantineSink` contract, checked by
 * the same suite the memory double in ssg runs. Read-backs go through a second
 * service instance, so what they see is what PostgreSQL and S3 hold.
 */
let env: Env;
beforeAll(async () => {
  env = await setupEnv();
});
afterAll(async () => {
  await env.teardown();
});

describeQuarantineSinkContract('createQuarantineService (PostgreSQL + S3)', () => {
  const logger = recordingLogger();
  const { bucket } = env;
  return {
    sink: env.make({ logger }),
    async readBack(id) {
      const reader = env.make();
      const metadata = await reader.getMetadata(id);
      return metadata === null ? null : { content: await reader.read(id), metadata };
    },
    // A bucket that does not exist: every object write fails.
    failingSink: () =>
      env.make({
        logger,
        storage: {
          endpoint: bucket.endpoint,
          bucket: `missing-${bucket.bucket}`,
          accessKey: bucket.accessKey,
          secretKey: bucket.secretKey,
          region: bucket.region,
          forcePathStyle: true,
        },
      }),
    logged: () => logger.lines,
  };
});
