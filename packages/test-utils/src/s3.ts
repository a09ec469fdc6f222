/// <reference path="./s3rver.d.ts" />
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListBucketsCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { findFreePort } from './free-port.js';
import { ServiceUnavailableError } from './service-error.js';
import { waitUntil } from './wait-until.js';

/** Where an S3-compatible server answers and the credentials it accepts. */
export type S3Endpoint = {
  readonly endpoint: string;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly region: string;
  /** The bucket the run may use (created by the harness for s3rver). */
  readonly bucket: string;
};

/** A running S3-compatible server and how to stop it. */
export type RunningS3 = S3Endpoint & { stop(): Promise<void> };

/**
 * Starts `s3rver` (npm) in this process on a free loopback port with one
 * bucket. s3rver does not verify request signatures; CI also runs the suite
 * against a signature-verifying server through S3_ENDPOINT.
 *
 * @returns the endpoint, credentials, bucket and a `stop` function
 * @throws {ServiceUnavailableError} when s3rver cannot start
 */
export async function startS3(): Promise<RunningS3> {
  const { default: S3rver } = await import('s3rver').catch((cause) => {
    throw new ServiceUnavailableError(
      's3',
      'the npm package `s3rver` is missing: run `pnpm install`, or set S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY and S3_BUCKET.',
      { cause },
    );
  });
  const directory = await mkdtemp(join(tmpdir(), 'claw-s3-'));
  const port = await findFreePort();
  const bucket = 'test-bucket';
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const endpoint: S3Endpoint = {
    endpoint: `http://127.0.0.1:${port}`,
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
    region: 'us-east-1',
    bucket,
  };
  const stop = async (): Promise<void> => {
    // close() throws synchronously when run() never bound the port.
    await Promise.resolve()
      .then(() => server.close())
      .catch(() => undefined);
    await rm(directory, { recursive: true, force: true });
  };
  try {
    await server.run();
    await waitUntil(() => createS3Client(endpoint).send(new ListBucketsCommand({})));
  } catch (cause) {
    await stop();
    throw new ServiceUnavailableError(
      's3',
      `s3rver did not start on 127.0.0.1:${port}; set S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY and S3_BUCKET to use another S3 server.`,
      { cause },
    );
  }
  return { ...endpoint, stop };
}

/**
 * Uses S3_ENDPOINT (with S3_ACCESS_KEY, S3_SECRET_KEY, S3_BUCKET, S3_REGION)
 * when set, else starts s3rver.
 *
 * @throws {ServiceUnavailableError} when the given endpoint does not answer
 */
export async function useS3(env: NodeJS.ProcessEnv = process.env): Promise<RunningS3> {
  const given = env.S3_ENDPOINT;
  if (given === undefined || given === '') return startS3();
  const endpoint: S3Endpoint = {
    endpoint: given,
    accessKey: requireEnv(env, 'S3_ACCESS_KEY'),
    secretKey: requireEnv(env, 'S3_SECRET_KEY'),
    region: env.S3_REGION || 'us-east-1',
    bucket: requireEnv(env, 'S3_BUCKET'),
  };
  try {
    await waitUntil(() => createS3Client(endpoint).send(new ListBucketsCommand({})), {
      timeoutMs: 10_000,
    });
  } catch (cause) {
    throw new ServiceUnavailableError(
      's3',
      'S3_ENDPOINT is set but the server does not answer with these credentials.',
      { cause },
    );
  }
  return { ...endpoint, stop: async () => undefined };
}

/**
 * An S3 client for the test server: path-style addressing and checksums
 * only where required (s3rver and Swift's s3api do not speak the newer
 * default checksum trailers).
 */
export function createS3Client(endpoint: S3Endpoint, extra: S3ClientConfig = {}): S3Client {
  return new S3Client({
    endpoint: endpoint.endpoint,
    region: endpoint.region,
    forcePathStyle: true,
    credentials: { accessKeyId: endpoint.accessKey, secretAccessKey: endpoint.secretKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...extra,
  });
}

function requireEnv(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new ServiceUnavailableError('s3', `S3_ENDPOINT is set, so ${name} must be set too.`);
  }
  return value;
}
