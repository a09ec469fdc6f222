/**
 * @packageDocumentation
 * `@clawexchange/audit/anchor-s3`: an {@link AuditAnchorStore} on an S3
 * bucket, write-once. A subpath of its own so only hosts that anchor load
 * the AWS SDK (`@aws-sdk/client-s3`, an optional peer dependency).
 *
 * Layout: `<prefix><chainId>/<seq, 16 digits>.json`, one object per chain
 * sequence, never overwritten: each put asks first (HEAD) and then writes
 * with `If-None-Match: *` (AWS refuses the write when the key exists, 412;
 * a server that answers 501 to conditional PUTs gets a plain PUT after the HEAD check),
 * and with S3 Object Lock retention in COMPLIANCE mode when the bucket has
 * Object Lock enabled, so not even the bucket owner can delete or replace
 * it before the retention ends. Zero-padded sequences sort as numbers, so
 * the latest checkpoint is the last key of a listing.
 *
 * @module @clawexchange/audit/anchor-s3
 */
import {
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { optionKeys } from '@clawexchange/ssg/common';
import type { AuditAnchorStore } from './anchor.js';
import { AuditError, AuditErrorCode, isAuditError } from './errors.js';
import { checkAuditOptions } from './internal/options.js';
import type { AuditCheckpoint } from './types.js';

export type { AuditAnchorReceipt, AuditAnchorStore } from './anchor.js';

/** Configuration of {@link createS3AnchorStore}. */
export type S3AnchorStoreConfig = {
  /** The host's S3 client (endpoint, region, credentials, timeouts). */
  readonly client: S3Client;
  /** The anchor bucket (Object Lock enabled on AWS; see the README). */
  readonly bucket: string;
  /**
   * Identifies this chain in a shared bucket: letters, digits, `.`, `_`, `-` (1–64).
   * Use one per database (e.g. `prod-eu`).
   */
  readonly chainId: string;
  /**
   * Key prefix, ending with `/` when not empty.
   * @default 'audit-anchors/'
   */
  readonly prefix?: string;
  /**
   * `'auto'`: apply COMPLIANCE-mode retention when the bucket has Object
   * Lock enabled, and plain write-once puts otherwise (receipt `locked`
   * says which); `'required'`: refuse to publish (`AUDIT_ANCHOR_FAILED`)
   * unless the bucket has Object Lock; `'off'`: never send retention.
   * @default 'auto'
   */
  readonly objectLock?: 'auto' | 'required' | 'off';
  /**
   * Retention of each checkpoint under Object Lock, in days. COMPLIANCE
   * retention cannot be shortened by anyone: pick your audit retention.
   * @default 400
   */
  readonly retainDays?: number;
  /** Clock for retention dates. @default () => new Date() */
  readonly now?: () => Date;
};

const SPEC = {
  name: 'createS3AnchorStore config',
  keys: optionKeys<S3AnchorStoreConfig>({
    client: true,
    bucket: true,
    chainId: true,
    prefix: true,
    objectLock: true,
    retainDays: true,
    now: true,
  }),
  path: 'anchor',
};

const CHAIN_ID = /^[A-Za-z0-9._-]{1,64}$/;
const PREFIX = /^(?:[A-Za-z0-9._\-/]{0,199}\/)?$/;

function invalid(field: string, expected: string): AuditError {
  return new AuditError(
    AuditErrorCode.INVALID_CONFIG,
    `invalid config \`anchor.${field}\`: expected ${expected}`,
    { field: `anchor.${field}` },
  );
}

function failed(cause: unknown): AuditError {
  if (isAuditError(cause)) return cause;
  return new AuditError(AuditErrorCode.ANCHOR_FAILED, 'anchor store request failed', { cause });
}

function mismatch(): AuditError {
  return new AuditError(
    AuditErrorCode.ANCHOR_MISMATCH,
    'an anchored checkpoint for this sequence names another hash',
    { field: 'checkpoint' },
  );
}

type Resolved = Required<Omit<S3AnchorStoreConfig, 'now'>> & { now: () => Date };

function resolve(config: S3AnchorStoreConfig): Resolved {
  checkAuditOptions(config, SPEC);
  const c = config as Partial<S3AnchorStoreConfig>;
  if (typeof c.client?.send !== 'function') throw invalid('client', 'an S3Client');
  if (typeof c.bucket !== 'string' || c.bucket === '') throw invalid('bucket', 'a bucket name');
  if (typeof c.chainId !== 'string' || !CHAIN_ID.test(c.chainId)) {
    throw invalid('chainId', '1-64 letters, digits, `.`, `_` or `-`');
  }
  const prefix = c.prefix ?? 'audit-anchors/';
  if (typeof prefix !== 'string' || !PREFIX.test(prefix) || prefix.startsWith('/')) {
    throw invalid('prefix', "a key prefix ending with '/' (or '')");
  }
  const objectLock = c.objectLock ?? 'auto';
  if (!['auto', 'required', 'off'].includes(objectLock)) {
    throw invalid('objectLock', "'auto', 'required' or 'off'");
  }
  const retainDays = c.retainDays ?? 400;
  if (!Number.isInteger(retainDays) || retainDays < 1 || retainDays > 36_500) {
    throw invalid('retainDays', 'an integer from 1 to 36500');
  }
  if (c.now !== undefined && typeof c.now !== 'function') throw invalid('now', 'a function');
  return {
    client: c.client,
    bucket: c.bucket,
    chainId: c.chainId,
    prefix,
    objectLock,
    retainDays,
    now: c.now ?? (() => new Date()),
  };
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

/**
 * Creates a write-once checkpoint store on S3. Validates the config before any I/O.
 *
 * @param config - see {@link S3AnchorStoreConfig}
 * @returns the store, for `createAuditLogger({ anchor })`
 * @throws {AuditError} AUDIT_INVALID_CONFIG naming the field
 * @example
 * const anchor = createS3AnchorStore({ client: new S3Client({}), bucket: 'acme-audit-anchors', chainId: 'prod' });
 * const audit = createAuditLogger({ database: sequelize, checkpointKey, anchor });
 * await audit.anchorCheckpoint(); // e.g. every minute from `clawexchange-audit anchor --every 60`
 */
export function createS3AnchorStore(config: S3AnchorStoreConfig): AuditAnchorStore {
  const c = resolve(config);
  const dir = `${c.prefix}${c.chainId}/`;
  const keyOf = (seq: number): string => `${dir}${String(seq).padStart(16, '0')}.json`;
  let lockEnabled: Promise<boolean> | null = null;
  let conditionalSupported = true;
  let lastKey: string | undefined;

  async function bucketLocks(): Promise<boolean> {
    if (c.objectLock === 'off') return false;
    try {
      const out = await c.client.send(new GetObjectLockConfigurationCommand({ Bucket: c.bucket }));
      return out.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled';
    } catch (error) {
      // No configuration (404) or no Object Lock support at all (s3rver, Swift: 4xx/501).
      const status = statusOf(error);
      if (status !== undefined && status >= 400 && status < 600 && status !== 403) return false;
      throw failed(error);
    }
  }

  async function read(key: string): Promise<unknown> {
    const out = await c.client.send(new GetObjectCommand({ Bucket: c.bucket, Key: key }));
    const text = (await out.Body?.transformToString('utf8')) ?? '';
    try {
      return JSON.parse(text) as unknown;
    } catch (cause) {
      throw new AuditError(AuditErrorCode.INVALID_CHECKPOINT, 'anchored object is not JSON', {
        field: 'checkpoint',
        cause,
      });
    }
  }

  async function existing(key: string, checkpoint: AuditCheckpoint): Promise<boolean> {
    try {
      await c.client.send(new HeadObjectCommand({ Bucket: c.bucket, Key: key }));
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
    const stored = (await read(key)) as Partial<AuditCheckpoint> | null;
    if (stored?.seq !== checkpoint.seq || stored.hash !== checkpoint.hash) throw mismatch();
    return true;
  }

  return {
    async put(checkpoint) {
      const key = keyOf(checkpoint.seq);
      try {
        if (await existing(key, checkpoint)) {
          return { key, created: false, locked: false, conditional: false };
        }
        lockEnabled ??= bucketLocks();
        const locked = await lockEnabled.catch((error: unknown) => {
          lockEnabled = null;
          throw error;
        });
        if (!locked && c.objectLock === 'required') {
          throw new AuditError(
            AuditErrorCode.ANCHOR_FAILED,
            'the anchor bucket does not have S3 Object Lock enabled',
            { field: 'anchor.objectLock' },
          );
        }
        const retainUntil = new Date(c.now().getTime() + c.retainDays * 86_400_000);
        const send = (conditional: boolean) =>
          c.client.send(
            new PutObjectCommand({
              Bucket: c.bucket,
              Key: key,
              Body: JSON.stringify(checkpoint),
              ContentType: 'application/json',
              ...(conditional ? { IfNoneMatch: '*' } : {}),
              ...(locked
                ? { ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: retainUntil }
                : {}),
            }),
          );
        let conditional = conditionalSupported;
        try {
          await send(conditional);
        } catch (error) {
          const status = statusOf(error);
          // Someone published this sequence between our HEAD and PUT: compare.
          if (status === 412) {
            await existing(key, checkpoint);
            return { key, created: false, locked: false, conditional: true };
          }
          // Servers without conditional PUT (OpenStack Swift's S3 API: 501):
          // the HEAD check above is then the only write-once guard.
          if (status !== 501 || !conditional) throw error;
          conditionalSupported = false;
          conditional = false;
          await send(false);
        }
        return { key, created: true, locked, conditional };
      } catch (error) {
        throw failed(error);
      }
    },
    async latest() {
      try {
        let token: string | undefined;
        let last = lastKey;
        do {
          const page = await c.client.send(
            new ListObjectsV2Command({
              Bucket: c.bucket,
              Prefix: dir,
              ...(token === undefined && lastKey !== undefined ? { StartAfter: lastKey } : {}),
              ...(token === undefined ? {} : { ContinuationToken: token }),
            }),
          );
          for (const o of page.Contents ?? []) {
            if (o.Key !== undefined && /^\d{16}\.json$/.test(o.Key.slice(dir.length))) last = o.Key;
          }
          token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
        } while (token !== undefined);
        if (last === undefined) return null;
        // Keys are never removed (write-once), so later listings start after this one.
        lastKey = last;
        return await read(last);
      } catch (error) {
        throw failed(error);
      }
    },
  };
}
