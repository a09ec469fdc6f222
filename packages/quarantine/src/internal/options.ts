/**
 * Nothing silently ignored: the quarantine config, store metadata and every
 * options argument go through the family's one check
 * (`@clawexchange/ssg/common`), raising `QUARANTINE_INVALID_CONFIG` naming
 * the unknown key or the wrong argument, with a hint for known foreign names.
 */
import type { QuarantineStoreMetadata } from '@clawexchange/ssg';
import { type CheckOptionsMode, checkOptions, optionKeys } from '@clawexchange/ssg/common';
import type {
  CleanupConfig,
  EncryptionConfig,
  IntegrityConfig,
  LimitsConfig,
  QuarantineConfig,
  StorageConfig,
} from '../config.js';
import { QuarantineError, QuarantineErrorCode } from '../errors.js';
import type { Keyring } from '../key-provider.js';
import type { KmsKeyProviderOptions } from '../kms-key-provider.js';
import type {
  AccessTokenOptions,
  ListOptions,
  Quarantine,
  RotateKeysOptions,
  UpdateStatusOptions,
  VerifyAccessTokenOptions,
} from '../types.js';

function configError(field: string, message: string): QuarantineError {
  return new QuarantineError(QuarantineErrorCode.INVALID_CONFIG, message, { field });
}

/** What one options argument may hold. */
export type QuarantineOptionsSpec = {
  readonly name: string;
  readonly keys: readonly string[];
  readonly hints?: Readonly<Record<string, string>>;
  readonly path?: string;
};

/**
 * Checks one options argument against its spec.
 *
 * @param value - what the caller passed
 * @param spec - the allowed keys and hints
 * @param mode - `optional: true` when the argument may be omitted
 * @returns the options as a record
 * @throws {QuarantineError} QUARANTINE_INVALID_CONFIG naming the unknown key or argument
 */
export function checkQuarantineOptions(
  value: unknown,
  spec: QuarantineOptionsSpec,
  mode: CheckOptionsMode = {},
): Readonly<Record<string, unknown>> {
  return checkOptions(value, { ...spec, error: configError }, mode);
}

const CONFIG = 'createQuarantineService config';
const CURSOR_HINT =
  'pages are keyset cursors: pass the previous page’s `nextCursor` as `cursor` (offsets are not supported)';

/** Every field of {@link QuarantineConfig}. */
export const CONFIG_SPEC: QuarantineOptionsSpec = {
  name: CONFIG,
  keys: optionKeys<QuarantineConfig>({
    storage: true,
    encryption: true,
    database: true,
    readReplica: true,
    expiryHours: true,
    limits: true,
    cleanup: true,
    integrity: true,
    now: true,
    generateId: true,
    logger: true,
    meter: true,
  }),
  hints: {
    s3: 'S3 settings live under `storage`',
    bucket: 'the bucket is `storage.bucket`',
    endpoint: 'the endpoint is `storage.endpoint`',
    forcePathStyle: 'S3 addressing is `storage.forcePathStyle` (the deployment guide’s setting)',
    region: 'the region is `storage.region`',
    accessKey: 'credentials are `storage.accessKey` / `storage.secretKey`',
    secretKey: 'credentials are `storage.accessKey` / `storage.secretKey`',
    prefix: 'the key prefix is `storage.prefix`',
    masterKey: 'the master key is `encryption.masterKey`',
    sequelize: 'the Sequelize instance is `database`',
    replica: 'the read replica’s Sequelize instance is `readReplica`',
    readDatabase: 'the read replica’s Sequelize instance is `readReplica`',
    replication: 'the read replica’s Sequelize instance is `readReplica`',
    expiry: 'the expiry is `expiryHours` (hours)',
    expiryMs: 'the expiry is `expiryHours` (hours)',
    maxContentBytes: 'the size limit is `limits.maxContentBytes`',
  },
};

const STORAGE_HINTS: Readonly<Record<string, string>> = {
  accessKeyId: 'the access key is `accessKey` (or pass your own `client`)',
  secretAccessKey: 'the secret key is `secretKey` (or pass your own `client`)',
  bucketName: 'the bucket is `bucket`',
  keyPrefix: 'the key prefix is `prefix`',
};

/** The nested objects of the config, by key. */
export const NESTED_CONFIG_SPECS: Readonly<Record<string, QuarantineOptionsSpec>> = {
  storage: {
    name: CONFIG,
    path: 'storage',
    hints: STORAGE_HINTS,
    keys: optionKeys<StorageConfig>({
      bucket: true,
      client: true,
      endpoint: true,
      accessKey: true,
      secretKey: true,
      region: true,
      forcePathStyle: true,
      prefix: true,
      serverSideEncryption: true,
      requestChecksumCalculation: true,
      responseChecksumValidation: true,
      timeoutMs: true,
      maxAttempts: true,
    }),
  },
  encryption: {
    name: CONFIG,
    path: 'encryption',
    keys: optionKeys<EncryptionConfig>({
      masterKey: true,
      masterKeyId: true,
      keyring: true,
      keyProvider: true,
      tokenSecret: true,
    }),
  },
  limits: {
    name: CONFIG,
    path: 'limits',
    keys: optionKeys<LimitsConfig>({ maxContentBytes: true }),
  },
  cleanup: {
    name: CONFIG,
    path: 'cleanup',
    keys: optionKeys<CleanupConfig>({
      abandonedAfterMs: true,
      batchSize: true,
      sweepOrphanObjects: true,
    }),
  },
  integrity: {
    name: CONFIG,
    path: 'integrity',
    keys: optionKeys<IntegrityConfig>({ legacyRecords: true }),
  },
};

/**
 * Checks the config and each nested object that is present.
 *
 * @param config - what the host passed to `createQuarantineService`
 * @throws {QuarantineError} QUARANTINE_INVALID_CONFIG naming the unknown key
 */
export function checkQuarantineConfigKeys(config: unknown): void {
  const c = checkQuarantineOptions(config, CONFIG_SPEC);
  for (const [key, spec] of Object.entries(NESTED_CONFIG_SPECS)) {
    const nested = c[key];
    if (typeof nested === 'object' && nested !== null) checkQuarantineOptions(nested, spec);
  }
}

/** `store(content, metadata)`: the gate's `QuarantineStoreMetadata`. */
export const STORE_METADATA_SPEC: QuarantineOptionsSpec = {
  name: 'store() metadata',
  path: 'metadata',
  keys: optionKeys<QuarantineStoreMetadata>({
    tier: true,
    labels: true,
    pluginResults: true,
    matches: true,
    sourceId: true,
    agentId: true,
    contentType: true,
  }),
  hints: {
    content: 'the content is the first argument of `store`, never metadata',
    score: 'scores stay inside the gate; the record keeps `tier` and `labels`',
    expiresAt: 'expiry comes from `expiryHours` in the config',
  },
};

/** `list(options)`. */
export const LIST_SPEC: QuarantineOptionsSpec = {
  name: 'list() options',
  keys: optionKeys<ListOptions>({
    status: true,
    tier: true,
    sourceId: true,
    cursor: true,
    limit: true,
  }),
  hints: { offset: CURSOR_HINT, page: CURSOR_HINT, pageSize: 'the page size is `limit`' },
};

/** `updateStatus` / `release` / `delete` options. */
export const UPDATE_SPEC: QuarantineOptionsSpec = {
  name: 'status change options',
  keys: optionKeys<UpdateStatusOptions>({ reviewedBy: true, notes: true, expectedStatus: true }),
  hints: { reviewer: 'the reviewer is `reviewedBy`', reason: 'free text goes in `notes`' },
};

/** `createAccessToken(id, options)`. */
export const ACCESS_TOKEN_SPEC: QuarantineOptionsSpec = {
  name: 'createAccessToken() options',
  keys: optionKeys<AccessTokenOptions>({ expiresIn: true, actor: true }),
  hints: { ttl: 'the lifetime is `expiresIn` (seconds)', expiresInSeconds: 'use `expiresIn`' },
};

/** `verifyAccessToken(token, options)`. */
export const VERIFY_TOKEN_SPEC: QuarantineOptionsSpec = {
  name: 'verifyAccessToken() options',
  keys: optionKeys<VerifyAccessTokenOptions>({ actor: true, recordId: true }),
  hints: { id: 'the record is `recordId`' },
};

/** `rotateKeys(options)`. */
export const ROTATE_SPEC: QuarantineOptionsSpec = {
  name: 'rotateKeys() options',
  keys: optionKeys<RotateKeysOptions>({ batchSize: true, maxBatches: true }),
};

/** `createKmsKeyProvider(options)`. */
export const KMS_SPEC: QuarantineOptionsSpec = {
  name: 'createKmsKeyProvider() options',
  path: 'encryption.keyProvider',
  keys: optionKeys<KmsKeyProviderOptions>({ client: true, keys: true, activeKeyId: true }),
};

/**
 * The keyring of `createLocalKeyProvider` (and `encryption.keyring`).
 *
 * @param field - the keyring's field path
 * @returns the spec
 */
export function keyringSpec(field: string): QuarantineOptionsSpec {
  return {
    name: 'keyring',
    path: field,
    keys: optionKeys<Keyring>({ activeKeyId: true, keys: true }),
  };
}

/**
 * Checks the keys of an options argument that is an object. Omitted, null
 * and other shapes keep their own checks in the method (which refuse them
 * with `QUARANTINE_INVALID_INPUT`, field `options`).
 */
function given(value: unknown, spec: QuarantineOptionsSpec): void {
  if (typeof value === 'object' && value !== null) checkQuarantineOptions(value, spec);
}

/** Checks, then calls; a failed check rejects the returned promise (never throws synchronously). */
async function checked<T>(
  value: unknown,
  spec: QuarantineOptionsSpec,
  call: () => Promise<T>,
): Promise<T> {
  given(value, spec);
  return call();
}

/**
 * Wraps the service so every method that takes an options object checks its
 * keys first. Store metadata is checked by `cleanMetadata`.
 *
 * @param service - the service as built
 * @returns a frozen copy of the service whose methods check their options
 */
export function withOptionChecks(service: Quarantine): Quarantine {
  return Object.freeze({
    ...service,
    list: (o) => checked(o, LIST_SPEC, () => service.list(o)),
    updateStatus: (id, status, o) =>
      checked(o, UPDATE_SPEC, () => service.updateStatus(id, status, o)),
    release: (id, o) => checked(o, UPDATE_SPEC, () => service.release(id, o)),
    delete: (id, o) => checked(o, UPDATE_SPEC, () => service.delete(id, o)),
    createAccessToken: (id, o) =>
      checked(o, ACCESS_TOKEN_SPEC, () => service.createAccessToken(id, o)),
    verifyAccessToken: (token, o) =>
      checked(o, VERIFY_TOKEN_SPEC, () => service.verifyAccessToken(token, o)),
    rotateKeys: (o) => checked(o, ROTATE_SPEC, () => service.rotateKeys(o)),
  } satisfies Quarantine);
}
