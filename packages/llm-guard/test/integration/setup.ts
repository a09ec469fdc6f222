import type { S3Client } from '@aws-sdk/client-s3';
import type { AuditEventInput } from '@clawexchange/ssg';
import {
  createS3Client,
  createTestBucket,
  createTestDatabase,
  type FakeLLMVendor,
  startFakeLLMVendor,
  type TestBucket,
  type TestDatabase,
} from '@clawexchange/test-utils';
import type { LLMGuardConfig } from '../../src/config.js';
import { createLLMGuard } from '../../src/create-llm-guard.js';
import { createS3ObjectStore } from '../../src/keep/s3-object-store.js';
import { llmGuardMigrations } from '../../src/migrations/index.js';
import type {
  CallResult,
  LLMGuard,
  LLMObjectStore,
  ServerSideEncryption,
} from '../../src/types.js';

export const AWS_KEY = 'AKIAQ7X3KZ2M4N5P6R8T';
export const EMAIL = 'canary.person@example.org';
export const SCHEMA = {
  type: 'object',
  properties: { scam: { type: 'boolean' }, note: { type: 'string' } },
  required: ['scam'],
} as const;

export type FakeClock = { now: () => Date; advance: (ms: number) => number };

/** A movable clock. */
export function fakeClock(start: Date = new Date('2026-11-23T12:00:00.000Z')): FakeClock {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

/** A real S3 client that records the headers of every request it sends, by command. */
export function capturingClient(
  bucket: TestBucket,
  seen: { command: string; headers: Record<string, string> }[],
): S3Client {
  const client = createS3Client(bucket);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers)
        seen.push({ command: context.commandName ?? '', headers: { ...request.headers } });
      return next(args);
    },
    { step: 'finalizeRequest', name: 'captureHeaders' },
  );
  return client;
}

/** Everything one test file needs. */
export type Env = {
  readonly db: TestDatabase;
  readonly bucket: TestBucket;
  readonly vendor: FakeLLMVendor;
  readonly events: AuditEventInput[];
  readonly seen: { command: string; headers: Record<string, string> }[];
  readonly clock: FakeClock;
  store(): LLMObjectStore;
  make(options?: {
    sse?: ServerSideEncryption;
    store?: LLMObjectStore;
    extra?: Partial<LLMGuardConfig>;
  }): LLMGuard;
  teardown(): Promise<void>;
};

/** Database (migrated), bucket, fake vendor. */
export async function setupEnv(prefix: string): Promise<Env> {
  const [db, bucket, vendor] = await Promise.all([
    createTestDatabase(),
    createTestBucket(),
    startFakeLLMVendor(),
  ]);
  const qi = db.sequelize.getQueryInterface();
  for (const m of llmGuardMigrations) await m.up(qi, db.sequelize);
  const events: AuditEventInput[] = [];
  const seen: Env['seen'] = [];
  const clock = fakeClock();
  const store = () =>
    createS3ObjectStore({ bucket: bucket.bucket, client: capturingClient(bucket, seen) });
  return {
    db,
    bucket,
    vendor,
    events,
    seen,
    clock,
    store,
    make(options = {}) {
      return createLLMGuard({
        provider: { kind: 'openai', url: vendor.openAiUrl, model: 'test-model', apiKey: 'sk-test' },
        dataUsage: 'none',
        redaction: { runIdKey: 'r'.repeat(32) },
        keep: {
          bucket: bucket.bucket,
          prefix,
          serverSideEncryption: options.sse ?? { type: 'AES256' },
          retentionDays: 30,
          store: options.store ?? store(),
        },
        database: db.sequelize,
        audit: {
          async log(event) {
            events.push(event);
          },
        },
        now: clock.now,
        ...options.extra,
      });
    },
    async teardown() {
      await Promise.allSettled([db.drop(), bucket.cleanup(), vendor.close()]);
    },
  };
}

/** One call whose page holds the canaries. */
export function callWith(guard: LLMGuard, runId: string): Promise<CallResult> {
  return guard.call({
    task: 'Is this a scam?',
    schema: SCHEMA,
    page: { body: `mail ${EMAIL} key ${AWS_KEY}` },
    selectors: [{ name: 'body' }],
    runId,
  });
}
