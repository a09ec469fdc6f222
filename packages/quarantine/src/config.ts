/**
 * Configuration of the quarantine: the Config type, its validation, and the
 * environment helper.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { Meter } from '@opentelemetry/api';
import type { Sequelize } from 'sequelize';
import { QuarantineError, QuarantineErrorCode } from './errors.js';
import { decodeMasterKey } from './internal/crypto.js';
import { KEY_ID_PATTERN } from './internal/provider-output.js';
import { MAX_EXPIRY_HOURS } from './internal/resolve-config.js';
import type { Keyring } from './key-provider.js';
import type { KeyProvider, QuarantineLogger } from './types.js';

/** Server-side encryption S3 applies on top of our own envelope encryption. */
export type ServerSideEncryption =
  | { readonly type: 'AES256' }
  | {
      readonly type: 'aws:kms';
      /** KMS key id or ARN; the bucket's default KMS key when absent. */
      readonly kmsKeyId?: string;
    };

/** Checksum behaviour of the AWS SDK client we build. */
export type ChecksumMode = 'WHEN_SUPPORTED' | 'WHEN_REQUIRED';

/** Where ciphertext objects go. */
export type StorageConfig = {
  /** Bucket name (required). */
  readonly bucket: string;
  /** An existing client; when given, endpoint/credentials/region are ignored. */
  readonly client?: S3Client;
  /** S3-compatible endpoint URL (MinIO, Swift); AWS's regional endpoint when absent. */
  readonly endpoint?: string;
  /** Access key id; the SDK's default credential chain when absent. */
  readonly accessKey?: string;
  /** Secret access key; required when `accessKey` is given. */
  readonly secretKey?: string;
  /**
   * AWS region.
   * @default 'us-east-1'
   */
  readonly region?: string;
  /**
   * Path-style addressing (MinIO, Swift and s3rver need it).
   * @default true when `endpoint` is set, else false
   */
  readonly forcePathStyle?: boolean;
  /**
   * Key prefix of every object (must end with `/`; at most 428 characters).
   * Objects go to `<prefix><installationId>/YYYY/MM/DD/<id>`, so deployments
   * with their own databases or schemas may share a bucket and prefix.
   * @default 'quarantine/'
   */
  readonly prefix?: string;
  /** Optional SSE on top of our encryption. Swift answers 501 to `aws:kms`. */
  readonly serverSideEncryption?: ServerSideEncryption;
  /**
   * SDK request checksums. Servers such as Swift's s3api and s3rver need `WHEN_REQUIRED`.
   * @default 'WHEN_REQUIRED'
   */
  readonly requestChecksumCalculation?: ChecksumMode;
  /**
   * SDK response checksum validation.
   * @default 'WHEN_REQUIRED'
   */
  readonly responseChecksumValidation?: ChecksumMode;
  /**
   * Longest time one S3 operation may take, retries included, in ms (integer
   * 100–60000). An operation not done by then is aborted and fails with
   * `QUARANTINE_STORAGE_TIMEOUT`, so a hung storage server never hangs
   * `store()`, `read()`, `release()` or `cleanup()`. Keep it below the gate's
   * `quarantineTimeoutMs` (5000 by default) so a failed store is undone before
   * the gate gives up on it. Applies to a `client` you pass too.
   * @default 3000
   */
  readonly timeoutMs?: number;
  /**
   * Attempts per S3 operation (1–10) of the client this package creates,
   * with the SDK's standard backoff, all within `timeoutMs`. A `client` you
   * pass keeps its own retry settings.
   * @default 3
   */
  readonly maxAttempts?: number;
};

/** Master keys. Give exactly one of `masterKey`, `keyring`, `keyProvider`. */
export type EncryptionConfig = {
  /** Base64 of 32 random bytes (`ENCRYPTION_MASTER_KEY`), or the 32 bytes. */
  readonly masterKey?: string | Uint8Array;
  /**
   * Id recorded for `masterKey`; name it so it can later sit in a keyring.
   * @default 'default'
   */
  readonly masterKeyId?: string;
  /** Several master keys for rotation: `{ activeKeyId, keys }`. */
  readonly keyring?: Keyring;
  /** Your own key provider (e.g. AWS KMS); needs `tokenSecret`. */
  readonly keyProvider?: KeyProvider;
  /**
   * HMAC key for access tokens (≥ 32 bytes, base64 or bytes).
   * @default derived from each local master key with HKDF-SHA256
   */
  readonly tokenSecret?: string | Uint8Array;
};

/** Size limits. */
export type LimitsConfig = {
  /**
   * Largest content accepted, in UTF-8 bytes.
   * @default 1048576 (1 MiB)
   */
  readonly maxContentBytes?: number;
};

/** Crash-recovery sweeps run by `cleanup()`. */
export type CleanupConfig = {
  /**
   * Age after which a PENDING record (a store that never finished) is
   * treated as abandoned, in milliseconds; also the least age of an object
   * with no record at all before the orphan sweep deletes it (a lagging read
   * replica may not show a new record yet). Must exceed the longest store
   * you expect.
   * @default 900000 (15 min)
   */
  readonly abandonedAfterMs?: number;
  /**
   * Records handled per query.
   * @default 100
   */
  readonly batchSize?: number;
  /**
   * List this installation's key space (`<prefix><installationId>/`, never
   * the whole prefix) to find objects that have no live record.
   * @default true
   */
  readonly sweepOrphanObjects?: boolean;
};

/** How record metadata authentication treats rows written before it existed (issue 16). */
export type IntegrityConfig = {
  /**
   * Records without a MAC (written before the `0004-add-record-mac` step).
   * `serve`: served with a warning and the `unauthenticated_records`
   * metric while their object carries no seal (every object stored since
   * carries one), and MACed by `rotateKeys()` (the backfill). `refuse`:
   * refused and alarmed like any forged record, and crypto-shredded by
   * `cleanup()` (at once: their objects carry no sealed expiry); never
   * backfilled. Switch to `refuse` once `rotateKeys()` reported
   * `remaining: 0` after every instance was upgraded: from then on nobody
   * can pass a row off as legacy by removing its MAC.
   * @default 'serve'
   */
  readonly legacyRecords?: 'serve' | 'refuse';
};

/** Everything {@link createQuarantineService} needs. */
export type QuarantineConfig = {
  readonly storage: StorageConfig;
  readonly encryption: EncryptionConfig;
  /** The host's Sequelize instance (PostgreSQL) after `quarantineMigrations` ran. */
  readonly database: Sequelize;
  /**
   * A Sequelize instance on a read replica of `database` (a PostgreSQL hot
   * standby) for the moderators' and dashboards' reads that may lag:
   * `list()` and `storageStats()`. A record appears there once the replica
   * has replayed it; acting on a stale listing is safe (status changes run
   * on `database` and refuse a transition the record no longer allows).
   *
   * Everything else stays on `database`, reads included: `store()`, status
   * changes, `read()`, `release()`, tokens, `cleanup()` and `rotateKeys()`
   * write; `getMetadata()` is how a caller decides what to do with one
   * record right after `store()` returned its id (the gate, a moderation
   * bot), and a lagging replica would answer "not found" or an old status;
   * `keyUsage()` decides whether a master key may be retired, and a replica
   * that has not replayed the newest records would undercount.
   *
   * Reads take Sequelize's read pool (`type: 'SELECT'`), so a Sequelize
   * configured with `replication: { read, write }` may be passed as both
   * `database` and `readReplica`; the same plain instance is allowed too.
   * @default undefined (every read on `database`)
   */
  readonly readReplica?: Sequelize;
  /**
   * Hours until held content expires and is destroyed by `cleanup()`.
   * @default 72
   */
  readonly expiryHours?: number;
  readonly limits?: LimitsConfig;
  readonly cleanup?: CleanupConfig;
  readonly integrity?: IntegrityConfig;
  /**
   * Clock.
   * @default () => new Date()
   */
  readonly now?: () => Date;
  /**
   * Id generator; must return UUIDs.
   * @default crypto.randomUUID
   */
  readonly generateId?: () => string;
  /**
   * Structured logger.
   * @default no-op
   */
  readonly logger?: QuarantineLogger;
  /**
   * OpenTelemetry meter.
   * @default metrics.getMeter('@clawexchange/quarantine')
   */
  readonly meter?: Meter;
};

/** What {@link quarantineConfigFromEnv} returns: everything but `database`. */
export type QuarantineEnvConfig = Omit<QuarantineConfig, 'database'>;

function envError(name: string, expectation: string): QuarantineError {
  return new QuarantineError(
    QuarantineErrorCode.INVALID_CONFIG,
    `invalid environment variable \`${name}\`: ${expectation}`,
    { field: name },
  );
}

function nonEmpty(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function required(env: Readonly<Record<string, string | undefined>>, name: string): string {
  const value = nonEmpty(env, name);
  if (value === undefined) throw envError(name, 'required, not set');
  return value;
}

/**
 * Builds a config from environment variables: `S3_ENDPOINT`, `S3_BUCKET`,
 * `S3_ACCESS_KEY`, `S3_SECRET_KEY`, `S3_REGION` (default us-east-1),
 * `ENCRYPTION_MASTER_KEY` (base64 32 bytes), `QUARANTINE_EXPIRY_HOURS`
 * (default 72), and optionally `S3_FORCE_PATH_STYLE`, `QUARANTINE_SSE`
 * (`AES256` | `aws:kms`), `QUARANTINE_SSE_KMS_KEY_ID`,
 * `ENCRYPTION_MASTER_KEY_ID` (default `default`) and
 * `ENCRYPTION_PREVIOUS_KEYS` (`id:base64,id:base64`, for rotation). Reads
 * only `env`; pass the result plus `database` to the factory.
 *
 * @param env - the variables
 * @returns a config without `database`
 * @throws {QuarantineError} QUARANTINE_INVALID_CONFIG naming the variable
 * @example
 * const quarantine = createQuarantineService({ ...quarantineConfigFromEnv(), database: sequelize });
 */
export function quarantineConfigFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): QuarantineEnvConfig {
  const endpoint = nonEmpty(env, 'S3_ENDPOINT');
  const bucket = required(env, 'S3_BUCKET');
  const masterKey = required(env, 'ENCRYPTION_MASTER_KEY');
  // Checked here too, so the error names the variable rather than the config field.
  decodeMasterKey(masterKey, 'ENCRYPTION_MASTER_KEY');
  const masterKeyId = nonEmpty(env, 'ENCRYPTION_MASTER_KEY_ID') ?? 'default';
  if (!KEY_ID_PATTERN.test(masterKeyId)) {
    throw envError('ENCRYPTION_MASTER_KEY_ID', `expected an id matching ${KEY_ID_PATTERN.source}`);
  }
  const expiryHours = expiryFromEnv(nonEmpty(env, 'QUARANTINE_EXPIRY_HOURS'));
  const pathStyleRaw = nonEmpty(env, 'S3_FORCE_PATH_STYLE');
  if (pathStyleRaw !== undefined && pathStyleRaw !== 'true' && pathStyleRaw !== 'false') {
    throw envError('S3_FORCE_PATH_STYLE', "expected 'true' or 'false'");
  }
  const [accessKey, secretKey] = [nonEmpty(env, 'S3_ACCESS_KEY'), nonEmpty(env, 'S3_SECRET_KEY')];
  if ((accessKey === undefined) !== (secretKey === undefined)) {
    const missing = accessKey === undefined ? 'S3_ACCESS_KEY' : 'S3_SECRET_KEY';
    throw envError(missing, 'S3_ACCESS_KEY and S3_SECRET_KEY must be set together');
  }
  const storage: StorageConfig = {
    bucket,
    region: nonEmpty(env, 'S3_REGION') ?? 'us-east-1',
    ...(endpoint === undefined ? {} : { endpoint }),
    ...optional('accessKey', accessKey),
    ...optional('secretKey', secretKey),
    ...(pathStyleRaw === undefined ? {} : { forcePathStyle: pathStyleRaw === 'true' }),
    ...sseFromEnv(env),
  };
  const previous = parsePreviousKeys(nonEmpty(env, 'ENCRYPTION_PREVIOUS_KEYS'));
  const encryption: EncryptionConfig =
    Object.keys(previous).length === 0
      ? { masterKey, masterKeyId }
      : { keyring: { activeKeyId: masterKeyId, keys: { ...previous, [masterKeyId]: masterKey } } };
  return { storage, encryption, expiryHours };
}

/** Hours as a plain decimal, positive and within the factory's limit. */
function expiryFromEnv(raw: string | undefined): number {
  if (raw === undefined) return 72;
  const hours = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || hours <= 0 || hours > MAX_EXPIRY_HOURS) {
    throw envError(
      'QUARANTINE_EXPIRY_HOURS',
      `expected a positive number of hours, at most ${MAX_EXPIRY_HOURS}`,
    );
  }
  return hours;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function sseFromEnv(env: Readonly<Record<string, string | undefined>>): {
  serverSideEncryption?: ServerSideEncryption;
} {
  const sse = nonEmpty(env, 'QUARANTINE_SSE');
  if (sse === undefined) return {};
  if (sse === 'AES256') return { serverSideEncryption: { type: 'AES256' } };
  if (sse === 'aws:kms') {
    const kmsKeyId = nonEmpty(env, 'QUARANTINE_SSE_KMS_KEY_ID');
    return {
      serverSideEncryption:
        kmsKeyId === undefined ? { type: 'aws:kms' } : { type: 'aws:kms', kmsKeyId },
    };
  }
  throw envError('QUARANTINE_SSE', "expected 'AES256' or 'aws:kms'");
}

function parsePreviousKeys(raw: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw === undefined) return out;
  for (const part of raw.split(',')) {
    const at = part.indexOf(':');
    if (at <= 0) throw envError('ENCRYPTION_PREVIOUS_KEYS', 'expected id:base64[,id:base64…]');
    const id = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (!KEY_ID_PATTERN.test(id)) {
      throw envError('ENCRYPTION_PREVIOUS_KEYS', `expected ids matching ${KEY_ID_PATTERN.source}`);
    }
    decodeMasterKey(value, 'ENCRYPTION_PREVIOUS_KEYS');
    out[id] = value;
  }
  return out;
}
