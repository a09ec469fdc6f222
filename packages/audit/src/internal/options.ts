/**
 * Nothing silently ignored: the audit logger's config, events and every
 * options argument go through the family's one check
 * (`@clawexchange/ssg/common`), raising `AUDIT_INVALID_CONFIG` naming the
 * unknown key or the wrong argument, with a hint for known foreign names.
 */
import type { AuditEventInput } from '@clawexchange/ssg';
import { type CheckOptionsMode, checkOptions, optionKeys } from '@clawexchange/ssg/common';
import type { AuditLoggerConfig } from '../config.js';
import { AuditError, AuditErrorCode } from '../errors.js';
import type { IpMaskingOptions } from '../ip-mask.js';
import type { AuditExportOptions, AuditQuery, AuditVerifyOptions } from '../types.js';
import type { VerifyAuditRecordsOptions } from '../verify-records.js';

function configError(field: string, message: string): AuditError {
  return new AuditError(AuditErrorCode.INVALID_CONFIG, message, { field });
}

/** What one options argument may hold. */
export type AuditOptionsSpec = {
  readonly name: string;
  readonly keys: readonly string[];
  readonly hints?: Readonly<Record<string, string>>;
  readonly path?: string;
};

type Required<T> = { readonly [K in keyof T]-?: NonNullable<T[K]> };
type Nested = Required<AuditLoggerConfig>;

const CURSOR_HINT =
  'pages are keyset cursors: pass the previous page’s `nextCursor` as `cursor` (offsets are not supported)';

/** Every field of {@link AuditLoggerConfig}. */
export const CONFIG_SPEC: AuditOptionsSpec = {
  name: 'createAuditLogger config',
  keys: optionKeys<AuditLoggerConfig>({
    database: true,
    readReplica: true,
    enabled: true,
    eventTypes: true,
    ipMasking: true,
    limits: true,
    batch: true,
    queue: true,
    checkpointKey: true,
    now: true,
    logger: true,
    meter: true,
    onAlarm: true,
    anchor: true,
  }),
  hints: {
    sequelize: 'the Sequelize instance is `database`',
    replica: 'the read replica’s Sequelize instance is `readReplica`',
    readDatabase: 'the read replica’s Sequelize instance is `readReplica`',
    replication: 'the read replica’s Sequelize instance is `readReplica`',
    maskIp: 'IP masking is configured with `ipMasking: { ipv4PrefixLength, ipv6PrefixLength }`',
    maxMetadataBytes: 'metadata limits live under `limits`',
    batchSize: 'the batch size is `batch.maxSize`',
  },
};

const IP_MASKING_KEYS = optionKeys<Nested['ipMasking']>({
  ipv4PrefixLength: true,
  ipv6PrefixLength: true,
  onInvalid: true,
});

/** The nested objects of the config, by key. */
export const NESTED_CONFIG_SPECS: Readonly<Record<string, AuditOptionsSpec>> = {
  ipMasking: { name: 'createAuditLogger config', keys: IP_MASKING_KEYS, path: 'ipMasking' },
  limits: {
    name: 'createAuditLogger config',
    keys: optionKeys<Nested['limits']>({
      maxMetadataBytes: true,
      maxMetadataStringLength: true,
      maxMetadataDepth: true,
      forbiddenMetadataKeys: true,
    }),
    path: 'limits',
  },
  batch: {
    name: 'createAuditLogger config',
    keys: optionKeys<Nested['batch']>({ maxSize: true, preparedStatements: true }),
    path: 'batch',
  },
  queue: {
    name: 'createAuditLogger config',
    keys: optionKeys<Nested['queue']>({ maxSize: true, whenFull: true }),
    path: 'queue',
  },
  checkpointKey: {
    name: 'createAuditLogger config',
    // The union of both key shapes (HMAC secret, Ed25519 key pair).
    keys: ['algorithm', 'secret', 'privateKey', 'publicKey', 'keyId'],
    path: 'checkpointKey',
  },
};

/** `log(event)`: the fields of an {@link AuditEventInput}. */
export const EVENT_SPEC: AuditOptionsSpec = {
  name: 'log() event',
  keys: optionKeys<AuditEventInput>({
    eventType: true,
    actorId: true,
    actorType: true,
    targetId: true,
    targetType: true,
    ipAddress: true,
    metadata: true,
  }),
  hints: {
    details: 'structured facts go in `metadata`',
    ip: 'the client address is `ipAddress`',
    timestamp: 'the time is set by the logger (`now` in the config)',
    createdAt: 'the time is set by the logger (`now` in the config)',
  },
};

/** `query(options)`. */
export const QUERY_SPEC: AuditOptionsSpec = {
  name: 'query() options',
  keys: optionKeys<AuditQuery>({
    eventType: true,
    actorId: true,
    actorType: true,
    targetId: true,
    startDate: true,
    endDate: true,
    limit: true,
    cursor: true,
  }),
  hints: {
    offset: CURSOR_HINT,
    page: CURSOR_HINT,
    skip: CURSOR_HINT,
    pageSize: 'the page size is `limit`',
    from: 'time bounds are `startDate` (inclusive) and `endDate` (exclusive)',
    to: 'time bounds are `startDate` (inclusive) and `endDate` (exclusive)',
    order: 'pages are always newest first',
  },
};

const RANGE_HINTS: Readonly<Record<string, string>> = {
  start: 'the range is `from` and `to` (sequence numbers)',
  end: 'the range is `from` and `to` (sequence numbers)',
};

/** `verify(options)`. */
export const VERIFY_SPEC: AuditOptionsSpec = {
  name: 'verify() options',
  keys: optionKeys<AuditVerifyOptions>({ from: true, to: true, checkpoint: true, anchored: true }),
  hints: RANGE_HINTS,
};

/** `exportRecords(options)`. */
export const EXPORT_SPEC: AuditOptionsSpec = {
  name: 'exportRecords() options',
  keys: optionKeys<AuditExportOptions>({ from: true, to: true }),
  hints: RANGE_HINTS,
};

/** `maskIpAddress(ip, options)`. */
export const MASK_SPEC: AuditOptionsSpec = {
  name: 'maskIpAddress() options',
  keys: optionKeys<IpMaskingOptions>({ ipv4PrefixLength: true, ipv6PrefixLength: true }),
};

/** `verifyAuditRecords(records, options)`. */
export const VERIFY_RECORDS_SPEC: AuditOptionsSpec = {
  name: 'verifyAuditRecords() options',
  keys: optionKeys<VerifyAuditRecordsOptions>({ checkpoint: true }),
};

/**
 * Checks one options argument against its spec.
 *
 * @param value - what the caller passed
 * @param spec - the allowed keys and hints
 * @param mode - `optional: true` when the argument may be omitted
 * @returns the options as a record
 * @throws {AuditError} AUDIT_INVALID_CONFIG naming the unknown key or argument
 */
export function checkAuditOptions(
  value: unknown,
  spec: AuditOptionsSpec,
  mode: CheckOptionsMode = {},
): Readonly<Record<string, unknown>> {
  return checkOptions(value, { ...spec, error: configError }, mode);
}

/**
 * Checks the keys of an options argument that is an object; leaves other
 * shapes to the caller's own checks (which have their own codes).
 *
 * @param value - what the caller passed
 * @param spec - the allowed keys and hints
 * @throws {AuditError} AUDIT_INVALID_CONFIG naming the unknown key
 */
export function checkKeysIfObject(value: unknown, spec: AuditOptionsSpec): void {
  if (typeof value === 'object' && value !== null) checkAuditOptions(value, spec);
}

/**
 * Checks the config and each nested object that is present.
 *
 * @param config - what the host passed to `createAuditLogger`
 * @throws {AuditError} AUDIT_INVALID_CONFIG naming the unknown key
 */
export function checkAuditConfigKeys(config: unknown): void {
  const c = checkAuditOptions(config, CONFIG_SPEC);
  for (const [key, spec] of Object.entries(NESTED_CONFIG_SPECS)) {
    if (c[key] !== undefined) checkAuditOptions(c[key], spec);
  }
}
