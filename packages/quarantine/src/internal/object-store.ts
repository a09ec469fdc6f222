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

function storageTimeout(cause: unknown): QuarantineError {
  return new QuarantineError(
    QuarantineErrorCode.STORAGE_TIMEOUT,
    'object storage operation timed out',
    { cause },
  );
}

/** Rejects once `signal` aborts, even if `work` never settles (a body that stalls mid-stream). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
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
  timeoutMs: number,
): ObjectStore {
  /**
   * Runs one S3 operation (the SDK's retries included, and `read` on its
   * output, e.g. draining the body) within `timeoutMs`; failures become our
   * typed errors, a miss (404) becomes `onMissing`'s value when given.
   */
  async function run<O, T>(
    send: (abortSignal: AbortSignal) => Promise<O>,
    read: (out: O) => Promise<T> | T,
    onMissing?: () => T,
  ): Promise<T> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const out = await untilAborted(send(signal), signal);
      return await untilAborted(Promise.resolve(read(out)), signal);
    } catch (cause) {
      if (signal.aborted) throw storageTimeout(cause);
      if (onMissing !== undefined && isNotFound(cause)) return onMissing();
      throw storageError(cause);
    }
  }

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
      await run(
        (abortSignal) => client.send(new PutObjectCommand(input), { abortSignal }),
        () => undefined,
      );
    },
    get: (key) =>
      run(
        (abortSignal) =>
          client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal }),
        async (out) => Buffer.from((await out.Body?.transformToByteArray()) ?? new Uint8Array(0)),
        () => null,
      ),
    head: (key) =>
      run(
        (abortSignal) =>
          client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal }),
        (out) => ({ metadata: { ...(out.Metadata ?? {}) }, lastModified: out.LastModified }),
        () => null,
      ),
    remove: (key) =>
      run(
        (abortSignal) =>
          client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }), { abortSignal }),
        () => undefined,
        () => undefined,
      ),
    listPage: (prefix, token) =>
      run(
        (abortSignal) =>
          client.send(
            new ListObjectsV2Command({
              Bucket: bucket,
              Prefix: prefix,
              ...(token === undefined ? {} : { ContinuationToken: token }),
            }),
            { abortSignal },
          ),
        (out) => ({
          keys: (out.Contents ?? []).flatMap((o) => (o.Key === undefined ? [] : [o.Key])),
          next: out.IsTruncated ? out.NextContinuationToken : undefined,
        }),
      ),
  };
}
