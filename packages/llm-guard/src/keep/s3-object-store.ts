/**
 * The S3 implementation of the object-store port: SSE on every put
 * (`aws:kms` with the key id, or `AES256`), batched `DeleteObjects`.
 */
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { LLMObjectStore } from '../types.js';

/** Settings of {@link createS3ObjectStore}. */
export type S3ObjectStoreOptions = {
  /** Bucket name. */
  readonly bucket: string;
  /** A ready client (its middleware, credentials, endpoint); built from the fields below when absent. */
  readonly client?: S3Client;
  /** Endpoint (MinIO, tests). */
  readonly endpoint?: string;
  /** @default 'us-east-1' */
  readonly region?: string;
  /** Static credentials; the AWS default chain when absent. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** @default false */
  readonly forcePathStyle?: boolean;
};

/** S3 `DeleteObjects` takes at most 1000 keys. */
const DELETE_BATCH = 1000;

function buildClient(o: S3ObjectStoreOptions): S3Client {
  return new S3Client({
    region: o.region ?? 'us-east-1',
    ...(o.endpoint === undefined ? {} : { endpoint: o.endpoint }),
    ...(o.credentials === undefined ? {} : { credentials: { ...o.credentials } }),
    forcePathStyle: o.forcePathStyle ?? false,
  });
}

/**
 * Creates the S3 object store.
 *
 * @param options - bucket and client settings
 * @returns the store
 * @example
 * ```ts
 * const store = createS3ObjectStore({ bucket: 'llm-outputs', region: 'us-west-2' });
 * ```
 */
export function createS3ObjectStore(options: S3ObjectStoreOptions): LLMObjectStore {
  const client = options.client ?? buildClient(options);
  const Bucket = options.bucket;
  return {
    async put({ key, body, contentType, encryption }) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ServerSideEncryption: encryption.type,
          ...(encryption.type === 'aws:kms' ? { SSEKMSKeyId: encryption.kmsKeyId } : {}),
        }),
      );
    },
    async deleteMany(keys) {
      const failed: string[] = [];
      for (let i = 0; i < keys.length; i += DELETE_BATCH) {
        const batch = keys.slice(i, i + DELETE_BATCH);
        const out = await client.send(
          new DeleteObjectsCommand({
            Bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        );
        for (const e of out.Errors ?? [])
          if (e.Key !== undefined && e.Code !== 'NoSuchKey') failed.push(e.Key);
      }
      return failed;
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return out.Body === undefined ? null : await out.Body.transformToByteArray();
      } catch (e) {
        if (e instanceof NoSuchKey || (e as { name?: unknown }).name === 'NoSuchKey') return null;
        throw e;
      }
    },
  };
}
