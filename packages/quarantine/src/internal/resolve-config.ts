import { hkdfSync, randomUUID } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { noopLogger } from '@clawexchange/ssg/common';
import { type Meter, metrics } from '@opentelemetry/api';
import type { Sequelize } from 'sequelize';
import type { ChecksumMode, QuarantineConfig, ServerSideEncryption } from '../config.js';
import { QuarantineError, QuarantineErrorCode } from '../errors.js';
import { createLocalKeyProvider, type Keyring } from '../key-provider.js';
import type { KeyProvider, QuarantineLogger } from '../types.js';
import { decodeMasterKey } from './crypto.js';
import { checkQuarantineConfigKeys } from './options.js';
import { deriveMacKey, type MacKeys, macKeysFrom } from './record-mac.js';

/** The validated, defaulted config the service closes over. */
export type ResolvedConfig = {
  readonly s3: S3Client;
  readonly bucket: string;
  readonly prefix: string;
  readonly sse: ServerSideEncryption | undefined;
  /** Longest time of one S3 operation, retries included (ms). */
  readonly storageTimeoutMs: number;
  readonly keys: KeyProvider;
  /** HMAC keys for access tokens by id, and the id new tokens use. */
  readonly tokenKeys: ReadonlyMap<string, Buffer>;
  readonly activeTokenKeyId: string;
  /** Record MAC keys (issue 16): derived from the master keys, or from `tokenSecret` with a keyProvider. */
  readonly macKeys: MacKeys;
  readonly db: Sequelize;
  /** Where `list()` and `storageStats()` read (`readReplica`); `db` when none. */
  readonly readDb: Sequelize;
  readonly expiryMs: number;
  readonly maxContentBytes: number;
  readonly abandonedAfterMs: number;
  readonly batchSize: number;
  readonly sweepOrphanObjects: boolean;
  /** Whether records without a MAC are refused (`integrity.legacyRecords: 'refuse'`). */
  readonly refuseLegacy: boolean;
  readonly now: () => Date;
  readonly generateId: () => string;
  readonly logger: QuarantineLogger;
  readonly meter: Meter;
};

/** The family's one no-op logger (`@clawexchange/ssg/common`). */
const NOOP_LOGGER: QuarantineLogger = noopLogger;
const TOKEN_INFO = 'clawexchange-quarantine:access-token:v1';

function invalid(field: string, expectation: string): QuarantineError {
  return new QuarantineError(
    QuarantineErrorCode.INVALID_CONFIG,
    `invalid config \`${field}\`: ${expectation}`,
    { field },
  );
}

function positive(value: unknown, field: string, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw invalid(field, 'expected a positive number');
  }
  if (integer && !Number.isInteger(value)) throw invalid(field, 'expected a positive integer');
  return value;
}

function intInRange(
  value: unknown,
  field: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `expected an integer from ${min} to ${max}`);
  }
  return value;
}

function checksum(value: unknown, field: string): ChecksumMode {
  if (value === undefined) return 'WHEN_REQUIRED';
  if (value === 'WHEN_REQUIRED' || value === 'WHEN_SUPPORTED') return value;
  throw invalid(field, "expected 'WHEN_REQUIRED' or 'WHEN_SUPPORTED'");
}

function resolveS3(config: QuarantineConfig): S3Client {
  const storage = config.storage;
  if (
    storage.region !== undefined &&
    (typeof storage.region !== 'string' || storage.region === '')
  ) {
    throw invalid('storage.region', 'expected a region name');
  }
  if (storage.client !== undefined) {
    if (typeof storage.client?.send !== 'function')
      throw invalid('storage.client', 'expected an S3Client');
    return storage.client;
  }
  if (storage.endpoint !== undefined) {
    try {
      new URL(storage.endpoint);
    } catch {
      throw invalid('storage.endpoint', 'expected an absolute URL');
    }
  }
  if ((storage.accessKey === undefined) !== (storage.secretKey === undefined)) {
    throw invalid(
      storage.accessKey === undefined ? 'storage.accessKey' : 'storage.secretKey',
      'expected accessKey and secretKey together',
    );
  }
  return new S3Client({
    region: storage.region ?? 'us-east-1',
    maxAttempts: intInRange(storage.maxAttempts, 'storage.maxAttempts', 1, 10, 3),
    forcePathStyle: storage.forcePathStyle ?? storage.endpoint !== undefined,
    requestChecksumCalculation: checksum(
      storage.requestChecksumCalculation,
      'storage.requestChecksumCalculation',
    ),
    responseChecksumValidation: checksum(
      storage.responseChecksumValidation,
      'storage.responseChecksumValidation',
    ),
    ...(storage.endpoint === undefined ? {} : { endpoint: storage.endpoint }),
    ...(storage.accessKey !== undefined && storage.secretKey !== undefined
      ? { credentials: { accessKeyId: storage.accessKey, secretAccessKey: storage.secretKey } }
      : {}),
  });
}

function resolveSse(value: unknown): ServerSideEncryption | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) {
    throw invalid('storage.serverSideEncryption', "expected { type: 'AES256' | 'aws:kms' }");
  }
  const sse = value as { type?: unknown; kmsKeyId?: unknown };
  if (sse.type === 'AES256') return { type: 'AES256' };
  if (sse.type === 'aws:kms') {
    if (sse.kmsKeyId !== undefined && (typeof sse.kmsKeyId !== 'string' || sse.kmsKeyId === '')) {
      throw invalid('storage.serverSideEncryption.kmsKeyId', 'expected a non-empty string');
    }
    return sse.kmsKeyId === undefined
      ? { type: 'aws:kms' }
      : { type: 'aws:kms', kmsKeyId: sse.kmsKeyId };
  }
  throw invalid('storage.serverSideEncryption.type', "expected 'AES256' or 'aws:kms'");
}

type KeyMaterial = {
  readonly keys: KeyProvider;
  readonly tokenKeys: Map<string, Buffer>;
  readonly activeTokenKeyId: string;
  readonly macKeys: MacKeys;
};

/**
 * The id of the one record MAC key a custom keyProvider (KMS) setup has:
 * derived from `encryption.tokenSecret`, the only local secret it has.
 */
export const TOKEN_SECRET_MAC_KEY_ID = 'token-secret';

function resolveKeys(config: QuarantineConfig): KeyMaterial {
  const enc = config.encryption;
  if (typeof enc !== 'object' || enc === null) throw invalid('encryption', 'expected an object');
  const given = [enc.masterKey, enc.keyring, enc.keyProvider].filter((v) => v !== undefined);
  if (given.length !== 1) {
    throw invalid(
      'encryption.masterKey',
      'expected exactly one of masterKey, keyring, keyProvider',
    );
  }
  const tokenKeys = explicitTokenKey(enc.tokenSecret);
  if (enc.keyProvider !== undefined) {
    const p = enc.keyProvider;
    if (typeof p.generateDataKey !== 'function' || typeof p.unwrapDataKey !== 'function') {
      throw invalid('encryption.keyProvider', 'expected a KeyProvider');
    }
    if (tokenKeys.size === 0) {
      throw invalid('encryption.tokenSecret', 'required with a custom keyProvider');
    }
    const secret = tokenKeys.get('t') as Buffer;
    const macKeys = macKeysFrom(
      new Map([[TOKEN_SECRET_MAC_KEY_ID, deriveMacKey(secret)]]),
      TOKEN_SECRET_MAC_KEY_ID,
      false,
    );
    return { keys: p, tokenKeys, activeTokenKeyId: 't', macKeys };
  }
  const keyring: Keyring =
    enc.keyring ??
    ({
      activeKeyId: enc.masterKeyId ?? 'default',
      keys: {
        [enc.masterKeyId ?? 'default']: decodeMasterKey(enc.masterKey, 'encryption.masterKey'),
      },
    } satisfies Keyring);
  const field = enc.keyring === undefined ? 'encryption.masterKeyId' : 'encryption.keyring';
  const keys = createLocalKeyProvider(keyring, field);
  const macKeys = derivedMacKeys(keyring);
  if (tokenKeys.size > 0) return { keys, tokenKeys, activeTokenKeyId: 't', macKeys };
  return {
    keys,
    tokenKeys: derivedTokenKeys(keyring),
    activeTokenKeyId: keyring.activeKeyId,
    macKeys,
  };
}

/**
 * One record MAC key per master key (HKDF, its own `info`), so each
 * record's MAC follows a master key id: `rotateKeys()` re-MACs records
 * under the active key, and `keyUsage()` counts a key as used until no
 * record's MAC needs it. Called after the keyring was validated.
 */
function derivedMacKeys(keyring: Keyring): MacKeys {
  const macKeys = new Map<string, Buffer>();
  for (const [id, value] of Object.entries(keyring.keys)) {
    const ikm = decodeMasterKey(value, `encryption.keyring.keys.${id}`);
    macKeys.set(id, deriveMacKey(ikm));
    ikm.fill(0);
  }
  return macKeysFrom(macKeys, keyring.activeKeyId, true);
}

/** The `tokenSecret` HMAC key under id `t`, or an empty map when none is given. */
function explicitTokenKey(tokenSecret: string | Uint8Array | undefined): Map<string, Buffer> {
  const tokenKeys = new Map<string, Buffer>();
  if (tokenSecret === undefined) return tokenKeys;
  const secret =
    typeof tokenSecret === 'string' ? Buffer.from(tokenSecret, 'base64') : Buffer.from(tokenSecret);
  if (secret.length < 32) throw invalid('encryption.tokenSecret', 'expected at least 32 bytes');
  tokenKeys.set('t', secret);
  return tokenKeys;
}

/**
 * One HMAC key per master key, derived with HKDF so a token key never
 * equals a wrapping key; tokens name the master key id they were signed under.
 */
function derivedTokenKeys(keyring: Keyring): Map<string, Buffer> {
  const tokenKeys = new Map<string, Buffer>();
  for (const [id, value] of Object.entries(keyring.keys)) {
    const ikm = decodeMasterKey(value, `encryption.keyring.keys.${id}`);
    tokenKeys.set(id, Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), TOKEN_INFO, 32)));
  }
  return tokenKeys;
}

/**
 * Longest prefix: `<prefix><installationId>/YYYY/MM/DD/<uuid>` must fit the
 * 512-character `s3_key` column.
 */
const MAX_PREFIX_LENGTH = 512 - 37 - 'YYYY/MM/DD/'.length - 36;

/** Bucket and key prefix. */
function resolveLocation(storage: QuarantineConfig['storage']): { bucket: string; prefix: string } {
  if (typeof storage !== 'object' || storage === null) {
    throw invalid('storage', 'expected an object');
  }
  if (typeof storage.bucket !== 'string' || storage.bucket.trim() === '') {
    throw invalid('storage.bucket', 'expected a bucket name');
  }
  const prefix = storage.prefix ?? 'quarantine/';
  if (typeof prefix !== 'string' || !/^([A-Za-z0-9._-]+\/)+$/.test(prefix)) {
    throw invalid('storage.prefix', "expected path segments ending with '/'");
  }
  if (prefix.length > MAX_PREFIX_LENGTH) {
    throw invalid('storage.prefix', `expected at most ${MAX_PREFIX_LENGTH} characters`);
  }
  return { bucket: storage.bucket, prefix };
}

/** Longest expiry accepted: ten years, so `expiresAt` is always a valid timestamp. */
export const MAX_EXPIRY_HOURS: number = 87_600;

/** Expiry, size limit and cleanup tuning, with their defaults. */
function resolveLimits(config: QuarantineConfig) {
  const expiryHours = positive(config.expiryHours, 'expiryHours', 72);
  if (expiryHours > MAX_EXPIRY_HOURS) {
    throw invalid('expiryHours', `expected at most ${MAX_EXPIRY_HOURS} hours`);
  }
  return {
    expiryMs: expiryHours * 3_600_000,
    maxContentBytes: positive(
      config.limits?.maxContentBytes,
      'limits.maxContentBytes',
      1_048_576,
      true,
    ),
    abandonedAfterMs: positive(
      config.cleanup?.abandonedAfterMs,
      'cleanup.abandonedAfterMs',
      900_000,
    ),
    batchSize: positive(config.cleanup?.batchSize, 'cleanup.batchSize', 100, true),
    sweepOrphanObjects: sweepOrphans(config.cleanup?.sweepOrphanObjects),
    refuseLegacy: legacyPolicy(config.integrity?.legacyRecords),
  } as const;
}

function legacyPolicy(value: unknown): boolean {
  if (value === undefined || value === 'serve') return false;
  if (value === 'refuse') return true;
  throw invalid('integrity.legacyRecords', "expected 'serve' or 'refuse'");
}

function sweepOrphans(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'boolean') throw invalid('cleanup.sweepOrphanObjects', 'expected a boolean');
  return value;
}

/** The injectable clock, id generator and logger, checked so they cannot fail later. */
function resolveHooks(config: QuarantineConfig) {
  for (const field of ['now', 'generateId'] as const) {
    if (config[field] !== undefined && typeof config[field] !== 'function') {
      throw invalid(field, 'expected a function');
    }
  }
  const logger = config.logger ?? NOOP_LOGGER;
  const levels = ['debug', 'info', 'warn', 'error'] as const;
  if (
    typeof logger !== 'object' ||
    logger === null ||
    levels.some((l) => typeof logger[l] !== 'function')
  ) {
    throw invalid('logger', 'expected { debug, info, warn, error } functions');
  }
  return {
    now: config.now ?? (() => new Date()),
    generateId: config.generateId ?? randomUUID,
    logger,
  } as const;
}

/**
 * Validates the config before any I/O and fills in defaults.
 *
 * @throws {QuarantineError} QUARANTINE_INVALID_CONFIG naming the field
 */
export function validateConfig(config: QuarantineConfig): ResolvedConfig {
  if (typeof config !== 'object' || config === null) throw invalid('config', 'expected an object');
  checkQuarantineConfigKeys(config);
  const location = resolveLocation(config.storage);
  const db = config.database;
  if (typeof db !== 'object' || db === null || typeof db.query !== 'function') {
    throw invalid('database', 'expected a Sequelize instance');
  }
  const replica = config.readReplica;
  if (
    replica !== undefined &&
    (typeof replica !== 'object' || replica === null || typeof replica.query !== 'function')
  ) {
    throw invalid('readReplica', 'expected a Sequelize instance on a read replica');
  }
  const material = resolveKeys(config);
  const limits = resolveLimits(config);
  const sse = resolveSse(config.storage.serverSideEncryption);
  return {
    s3: resolveS3(config),
    ...location,
    sse,
    storageTimeoutMs: intInRange(config.storage.timeoutMs, 'storage.timeoutMs', 100, 60_000, 3000),
    ...material,
    db,
    readDb: replica ?? db,
    ...limits,
    ...resolveHooks(config),
    meter: config.meter ?? metrics.getMeter('@clawexchange/quarantine'),
  };
}
