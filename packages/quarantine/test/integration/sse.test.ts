import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '@clawexchange/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerSideEncryption } from '../../src/config.js';
import { isQuarantineError } from '../../src/errors.js';
import { type Env, META, setupEnv } from './setup.js';

/** A real client that records the headers of every PutObject it sends. */
function capturingClient(env: Env, seen: Record<string, string>[]): S3Client {
  const client = createS3Client(env.bucket);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const request = args.request as { headers?: Record<string, string> };
      if (context.commandName === 'PutObjectCommand' && request.headers)
        seen.push({ ...request.headers });
      return next(args);
    },
    { step: 'finalizeRequest', name: 'captureHeaders' },
  );
  return client;
}

/** Whether the error's cause chain holds an HTTP 501 answer from the S3 server. */
function status501(e: unknown): boolean {
  if (!isQuarantineError(e)) return false;
  for (let c: unknown = e; c !== undefined && c !== null; c = (c as { cause?: unknown }).cause) {
    if ((c as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 501) {
      return true;
    }
  }
  return false;
}

describe('server-side encryption on top of envelope encryption', () => {
  let env: Env;
  beforeAll(async () => {
    env = await setupEnv();
  });
  afterAll(async () => {
    await env.teardown();
  });

  function make(sse: ServerSideEncryption, seen: Record<string, string>[]) {
    return env.make({
      storage: {
        bucket: env.bucket.bucket,
        client: capturingClient(env, seen),
        serverSideEncryption: sse,
      },
    });
  }

  it('sends AES256 SSE, octet-stream, no ACL, and round-trips', async () => {
    const seen: Record<string, string>[] = [];
    const q = make({ type: 'AES256' }, seen);
    const id = await q.store('sse aes', META);
    expect(await q.read(id)).toBe('sse aes');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.['x-amz-server-side-encryption']).toBe('AES256');
    expect(seen[0]?.['content-type']).toBe('application/octet-stream');
    expect(Object.keys(seen[0] ?? {}).some((h) => h.toLowerCase() === 'x-amz-acl')).toBe(false);
  });

  it('sends aws:kms SSE with the key id; a server that refuses it leaves nothing behind', async () => {
    const seen: Record<string, string>[] = [];
    const q = make({ type: 'aws:kms', kmsKeyId: 'alias/quarantine' }, seen);
    const outcome = await q.store('sse kms', META).then(
      (id) => ({ id }),
      (error: unknown) => ({ error }),
    );
    expect(seen[0]?.['x-amz-server-side-encryption']).toBe('aws:kms');
    expect(seen[0]?.['x-amz-server-side-encryption-aws-kms-key-id']).toBe('alias/quarantine');
    if ('error' in outcome) {
      // Swift's s3api answers 501 to aws:kms: the store must fail cleanly.
      expect(status501(outcome.error)).toBe(true);
      expect((outcome.error as { code: string }).code).toBe('QUARANTINE_STORE_FAILED');
      const [rows] = await env.db.sequelize.query(
        'SELECT count(*)::int AS n FROM quarantine_records',
      );
      expect((rows[0] as { n: number }).n).toBe(1);
    } else {
      expect(await q.read(outcome.id)).toBe('sse kms');
    }
  });

  it('round-trips with aws:kms SSE where the server supports it', async (ctx) => {
    const q = make({ type: 'aws:kms' }, []);
    const outcome = await q.store('sse kms 2', META).then(
      (id) => ({ id }),
      (error: unknown) => ({ error }),
    );
    if ('error' in outcome && status501(outcome.error)) {
      ctx.skip(
        'this S3 server answers 501 to aws:kms SSE (e.g. Swift s3api); header sending is asserted above',
      );
      return;
    }
    if ('error' in outcome) throw outcome.error;
    expect(await q.read(outcome.id)).toBe('sse kms 2');
  });
});
