/**
 * Configuration of `createAuditLogger()` and its validation.
 */
import { type Logger, noopLogger } from '@clawexchange/ssg/common';
import type { Meter } from '@opentelemetry/api';
import type { Sequelize } from 'sequelize';
import type { AuditAlarmHandler } from './alarms.js';
import type { AuditAnchorStore } from './anchor.js';
import {
  type AuditCheckpointKey,
  type CheckpointSigner,
  createCheckpointSigner,
} from './checkpoint.js';
import { AuditError, AuditErrorCode } from './errors.js';
import { AuditEventType, isWellFormedEventType } from './event-types.js';
import { checkAuditConfigKeys } from './internal/options.js';
import type { IpMaskingOptions } from './ip-mask.js';
import { DEFAULT_FORBIDDEN_METADATA_KEYS, type MetadataLimits } from './metadata.js';
import { TAIL_SKIPPED_EVENT } from './migrations/append-guard-sql.js';

/**
 * A structured logger; the audit logger never passes it raw content. The
 * family's one `Logger` type (`@clawexchange/ssg/common`).
 * @deprecated use `Logger` from `@clawexchange/ssg/common`; this alias stays until 1.0
 */
export type AuditLogSink = Logger;

/** Configuration of {@link createAuditLogger}. */
export type AuditLoggerConfig = {
  /** The host's Sequelize instance (PostgreSQL). Required unless `enabled` is false. */
  readonly database?: Sequelize;
  /**
   * A Sequelize instance on a read replica of `database` (a PostgreSQL hot
   * standby), for the reads that may lag: `query()`, `exportRecords()` and
   * `verify()` run there. Everything that writes or decides what to write
   * stays on `database`: `log()`, tail recovery, `head()` (it signs the
   * primary's head) and `anchorCheckpoint()` (its incremental verify too).
   *
   * A replica shows what it has replayed: a record `log()` just acknowledged
   * may be missing from `query()` for a moment. `verify()` there checks the
   * chain up to the replica's head and says so (`result.replica`); a
   * checkpoint past that head is not reported as tampering when the primary
   * has reached it (see `AuditReplicaReport`).
   *
   * Reads take Sequelize's read pool (`type: 'SELECT'`), so a Sequelize
   * configured with `replication: { read, write }` may be passed as both
   * `database` and `readReplica`. The same plain instance is allowed too
   * (then every read is on the primary).
   * @default undefined (every read on `database`)
   */
  readonly readReplica?: Sequelize;
  /**
   * When false, `log()` writes nothing and resolves with `{ status: 'DISABLED' }`
   * (the gate then reports `audit: 'DISABLED'`); the read methods throw `AUDIT_DISABLED`.
   * @default true
   */
  readonly enabled?: boolean;
  /** Host-defined event types, in the `UPPER_SNAKE` format (e.g. `BILLING_REFUND`). */
  readonly eventTypes?: readonly string[];
  /** Prefix lengths kept of client addresses. @default { ipv4PrefixLength: 24, ipv6PrefixLength: 48 } */
  readonly ipMasking?: IpMaskingOptions & {
    /**
     * What `log()` does with an `ipAddress` that is not an address (e.g. a
     * raw `X-Forwarded-For` list): `'reject'` throws `AUDIT_INVALID_IP_ADDRESS`;
     * `'omit'` stores the event without an address.
     * @default 'reject'
     */
    readonly onInvalid?: 'reject' | 'omit';
  };
  /** Metadata limits. */
  readonly limits?: {
    /** @default 8192 (bytes of canonical JSON) */
    readonly maxMetadataBytes?: number;
    /** @default 1024 (characters per string value) */
    readonly maxMetadataStringLength?: number;
    /** @default 8 (levels) */
    readonly maxMetadataDepth?: number;
    /** Replaces the default list of forbidden keys (`content`, `text`, `body`, `prompt`, ...). */
    readonly forbiddenMetadataKeys?: readonly string[];
  };
  /** Group commit. */
  readonly batch?: {
    /** Most events in one INSERT/transaction. @default 500 */
    readonly maxSize?: number;
    /**
     * Send the batch append as a named prepared statement (planned once per
     * connection). Set false behind a pooler that does not keep prepared
     * statements (PgBouncer in transaction mode before 1.21).
     * @default true
     */
    readonly preparedStatements?: boolean;
  };
  /** The bounded write queue. */
  readonly queue?: {
    /** Most events waiting for a batch. @default 10000 */
    readonly maxSize?: number;
    /** What `log()` does when the queue is full. @default 'wait' (back-pressure) */
    readonly whenFull?: 'wait' | 'reject';
  };
  /** Key for signing (`head()`) and checking (`verify({ checkpoint })`) checkpoints. */
  readonly checkpointKey?: AuditCheckpointKey;
  /**
   * Write-once storage outside PostgreSQL for signed checkpoints (e.g.
   * `createS3AnchorStore()` from `@clawexchange/audit/anchor-s3`). Enables
   * `anchorCheckpoint()`, and makes `verify()` check the chain against the
   * latest anchored checkpoint by default. Needs `checkpointKey`.
   */
  readonly anchor?: AuditAnchorStore;
  /** Clock. @default () => new Date() */
  readonly now?: () => Date;
  /** Structured logger. @default a no-op */
  readonly logger?: AuditLogSink;
  /** OpenTelemetry meter. @default metrics.getMeter('@clawexchange/audit') */
  readonly meter?: Meter;
  /**
   * Called with every alarm (see `AuditAlarmCode`), besides the `error` log
   * line and the `clawexchange.audit.chain.alarms` counter. Must not throw.
   */
  readonly onAlarm?: AuditAlarmHandler;
};

/** The validated config with defaults applied. */
export type ResolvedConfig = {
  readonly database: Sequelize | null;
  /** Where `query()`, `exportRecords()` and `verify()` read; null: `database`. */
  readonly readReplica: Sequelize | null;
  readonly enabled: boolean;
  readonly eventTypes: ReadonlySet<string>;
  readonly ipv4PrefixLength: number;
  readonly ipv6PrefixLength: number;
  readonly onInvalidIp: 'reject' | 'omit';
  readonly metadata: MetadataLimits;
  readonly batchMaxSize: number;
  readonly preparedStatements: boolean;
  readonly queueMaxSize: number;
  readonly whenFull: 'wait' | 'reject';
  readonly signer: CheckpointSigner | null;
  readonly now: () => Date;
  readonly logger: AuditLogSink;
  readonly meter: Meter | null;
  readonly onAlarm: AuditAlarmHandler | null;
  readonly anchor: AuditAnchorStore | null;
};

/** The family's one no-op logger (`@clawexchange/ssg/common`). */
const NOOP_LOGGER: AuditLogSink = noopLogger;

function invalid(field: string, expected: string): AuditError {
  return new AuditError(
    AuditErrorCode.INVALID_CONFIG,
    `invalid config \`${field}\`: expected ${expected}`,
    { field },
  );
}

function intIn(value: unknown, field: string, min: number, max: number, dflt: number): number {
  if (value === undefined) return dflt;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `an integer from ${min} to ${max}`);
  }
  return value;
}

function bool(value: unknown, field: string, dflt: boolean): boolean {
  if (value === undefined) return dflt;
  if (typeof value !== 'boolean') throw invalid(field, 'a boolean');
  return value;
}

function isSequelizeLike(value: unknown): value is Sequelize {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { query?: unknown }).query === 'function' &&
    typeof (value as { transaction?: unknown }).transaction === 'function'
  );
}

function resolveEventTypes(types: unknown): ReadonlySet<string> {
  const all = new Set<string>(Object.values(AuditEventType));
  if (types === undefined) return all;
  if (!Array.isArray(types)) throw invalid('eventTypes', 'an array of UPPER_SNAKE strings');
  types.forEach((t: unknown, i) => {
    if (!isWellFormedEventType(t)) {
      throw invalid(`eventTypes[${i}]`, 'an UPPER_SNAKE string of 2 to 64 characters');
    }
    // Only the writer appends skip markers (verify() trusts their range).
    if (t === TAIL_SKIPPED_EVENT) {
      throw invalid(`eventTypes[${i}]`, `a type other than the reserved ${TAIL_SKIPPED_EVENT}`);
    }
    all.add(t);
  });
  return all;
}

function resolveForbidden(keys: unknown): ReadonlySet<string> {
  if (keys === undefined) return new Set(DEFAULT_FORBIDDEN_METADATA_KEYS);
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) {
    throw invalid('limits.forbiddenMetadataKeys', 'an array of strings');
  }
  return new Set(keys.map((k: string) => k.toLowerCase()));
}

function checkAnchor(config: AuditLoggerConfig): void {
  const anchor = config.anchor as Partial<AuditAnchorStore> | undefined | null;
  if (anchor === undefined) return;
  if (
    typeof anchor !== 'object' ||
    anchor === null ||
    typeof anchor.put !== 'function' ||
    typeof anchor.latest !== 'function'
  ) {
    throw invalid('anchor', 'an anchor store ({ put, latest }, e.g. createS3AnchorStore())');
  }
  // Anchored checkpoints are worthless unchecked: their signature is what an attacker cannot forge.
  if (config.checkpointKey === undefined) {
    throw invalid('checkpointKey', 'a checkpoint key (anchor needs one to sign and check)');
  }
}

/**
 * Validates the config and applies defaults. Does no I/O.
 *
 * @param config - the host's config
 * @returns the resolved config
 * @throws {AuditError} AUDIT_INVALID_CONFIG naming the field
 */
export function resolveConfig(config: AuditLoggerConfig): ResolvedConfig {
  if (typeof config !== 'object' || config === null) throw invalid('config', 'an object');
  checkAuditConfigKeys(config);
  const enabled = config.enabled ?? true;
  if (typeof enabled !== 'boolean') throw invalid('enabled', 'a boolean');
  if (config.database !== undefined && !isSequelizeLike(config.database)) {
    throw invalid('database', 'a Sequelize instance');
  }
  if (config.readReplica !== undefined && !isSequelizeLike(config.readReplica)) {
    throw invalid('readReplica', 'a Sequelize instance on a read replica');
  }
  if (enabled && config.database === undefined) {
    throw invalid('database', 'a Sequelize instance (or enabled: false)');
  }
  const onInvalidIp = config.ipMasking?.onInvalid ?? 'reject';
  if (onInvalidIp !== 'reject' && onInvalidIp !== 'omit') {
    throw invalid('ipMasking.onInvalid', "'reject' or 'omit'");
  }
  const whenFull = config.queue?.whenFull ?? 'wait';
  if (whenFull !== 'wait' && whenFull !== 'reject') {
    throw invalid('queue.whenFull', "'wait' or 'reject'");
  }
  if (config.now !== undefined && typeof config.now !== 'function') {
    throw invalid('now', 'a function returning a Date');
  }
  if (config.onAlarm !== undefined && typeof config.onAlarm !== 'function') {
    throw invalid('onAlarm', 'a function');
  }
  checkAnchor(config);
  return {
    database: config.database ?? null,
    readReplica: config.readReplica ?? null,
    enabled,
    eventTypes: resolveEventTypes(config.eventTypes),
    ipv4PrefixLength: intIn(
      config.ipMasking?.ipv4PrefixLength,
      'ipMasking.ipv4PrefixLength',
      0,
      32,
      24,
    ),
    onInvalidIp,
    ipv6PrefixLength: intIn(
      config.ipMasking?.ipv6PrefixLength,
      'ipMasking.ipv6PrefixLength',
      0,
      128,
      48,
    ),
    metadata: {
      maxMetadataBytes: intIn(
        config.limits?.maxMetadataBytes,
        'limits.maxMetadataBytes',
        2,
        1_048_576,
        8192,
      ),
      maxMetadataStringLength: intIn(
        config.limits?.maxMetadataStringLength,
        'limits.maxMetadataStringLength',
        1,
        1_048_576,
        1024,
      ),
      maxMetadataDepth: intIn(config.limits?.maxMetadataDepth, 'limits.maxMetadataDepth', 1, 64, 8),
      forbiddenMetadataKeys: resolveForbidden(config.limits?.forbiddenMetadataKeys),
    },
    batchMaxSize: intIn(config.batch?.maxSize, 'batch.maxSize', 1, 5000, 500),
    preparedStatements: bool(config.batch?.preparedStatements, 'batch.preparedStatements', true),
    queueMaxSize: intIn(config.queue?.maxSize, 'queue.maxSize', 1, 10_000_000, 10_000),
    whenFull,
    signer:
      config.checkpointKey === undefined ? null : createCheckpointSigner(config.checkpointKey),
    now: config.now ?? (() => new Date()),
    logger: config.logger ?? NOOP_LOGGER,
    meter: config.meter ?? null,
    onAlarm: config.onAlarm ?? null,
    anchor: config.anchor ?? null,
  };
}
