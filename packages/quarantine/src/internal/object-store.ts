import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type PutObjectCommandInput,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ServerSideEncryption } from '../config.js';
import { QuarantineError, QuarantineErrorCode } from '../errors.js';

/** The few S3 operations the quarantine needs, with our errors. */
export type ObjectStore = {
  /** Writes the object with the given user metadata (`x-amz-meta-*`). */
  put(key: string, body: Buffer, metadata: Readonly<Record<string, string>>): Promise<void>;
  /** The object's bytes, or null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  /** The object's user metadata and modification time, or null when there is no such object. */
  head(key: string): Promise<ObjectHead | null>;
  /** Deletes; succeeds when the object is already gone. */
  remove(key: string): Promise<void>;
  /** Pages through keys under the prefix. */
  listPage(
    prefix: string,
    token: string | undefined,
  ): Promise<{ keys: string[]; next: string | undefined }>;
};

/** What `head` reports about an object. */
export type ObjectHead = {
  /** User metadata, keys lower-case without `x-amz-meta-`. */
  readonly metadata: Readonly<Record<string, string>>;
  /** `Last-Modified` by the storage server's clock, when it sent one. */
  readonly lastModified: Date | undefined;
};

function storageError(cause: unknown): QuarantineError {
  return new QuarantineError(
    QuarantineErrorCode.STORAGE_FAILED,
    'object storage operation failed',
    {
      cause,
    },
  );
}

function isNotFound(e: unknown): boolean {
  const err = e as { name?: unknown; $metadata?: { httpStatusCode?: unknown } };
  return (
    err?.name === 'NoSuchKey' || err?.name === 'NotFound' || err?.$metadata?.httpStatusCode === 404
  );
}

/**
 * Wraps an S3 client. Objects are written as `application/octet-stream`
 * with no ACL (so the bucket's private default applies), optional SSE on
 * top, and a Buffer body with a known length (no streamed upload, which
 * some S3-compatible servers cannot checksum).
 */
export function createObjectStore(
  client: S3Client,
  bucket: string,
  sse: ServerSideEncryption | undefined,
): ObjectStore {
  return {
    async put(key, body, metadata) {
      const input: PutObjectCommandInput = {
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentLength: body.length,
        ContentType: 'application/octet-stream',
        Metadata: { ...metadata },
        ...(sse === undefined ? {} : { ServerSideEncryption: sse.type }),
        ...(sse?.type === 'aws:kms' && sse.kmsKeyId !== undefined
          ? { SSEKMSKeyId: sse.kmsKeyId }
          : {}),
      };
      try {
        await client.send(new PutObjectCommand(input));
      } catch (cause) {
        throw storageError(cause);
      }
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const bytes = await out.Body?.transformToByteArray();
        return Buffer.from(bytes ?? new Uint8Array(0));
      } catch (cause) {
        if (isNotFound(cause)) return null;
        throw storageError(cause);
      }
    },
    async head(key) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { metadata: { ...(out.Metadata ?? {}) }, lastModified: out.LastModified };
      } catch (cause) {
        if (isNotFound(cause)) return null;
        throw storageError(cause);
      }
    },
    async remove(key) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      } catch (cause) {
        if (isNotFound(cause)) return;
        throw storageError(cause);
      }
    },
    async listPage(prefix, token) {
      try {
        const out = await client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: prefix,
            ...(token === undefined ? {} : { ContinuationToken: token }),
          }),
        );
        const keys = (out.Contents ?? []).flatMap((o) => (o.Key === undefined ? [] : [o.Key]));
        return { keys, next: out.IsTruncated ? out.NextContinuationToken : undefined };
      } catch (cause) {
        throw storageError(cause);
      }
    },
  };
}
