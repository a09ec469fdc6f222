/**
 * @packageDocumentation
 * `@clawexchange/audit`: the append-only, tamper-evident audit trail of the
 * `@clawexchange` security pipeline, in PostgreSQL. Rows are hash-chained
 * (sequence + SHA-256 over a canonical encoding), guarded by triggers that
 * reject UPDATE, DELETE and TRUNCATE, written with group commit, queried
 * newest first with keyset pagination, verified link by link, and anchored
 * by signed checkpoints, which `anchorCheckpoint()` publishes write-once
 * outside the database (`@clawexchange/audit/anchor-s3`) and `verify()`
 * checks against by default. Rows and chain head move only together
 * (migration step 0002); rows found past the head raise an alarm
 * (`AuditAlarmCode`) and never wedge the writer.
 *
 * @module @clawexchange/audit
 */
export {
  type AuditAlarm,
  AuditAlarmCode,
  type AuditAlarmHandler,
} from './alarms.js';
export type { AuditAnchorReceipt, AuditAnchorResult, AuditAnchorStore } from './anchor.js';
export { type ChainRow, computeRowHash, GENESIS_HASH } from './canonical.js';
export {
  type AuditCheckpointKey,
  verifyAuditCheckpoint,
} from './checkpoint.js';
export type { AuditLoggerConfig, AuditLogSink } from './config.js';
export { createAuditLogger } from './create-audit-logger.js';
export { AuditError, AuditErrorCode, isAuditError } from './errors.js';
export {
  AUDIT_ACTOR_TYPES,
  AuditEventType,
  EVENT_TYPE_PATTERN,
  isWellFormedEventType,
} from './event-types.js';
export { type IpMaskingOptions, maskIpAddress } from './ip-mask.js';
export { DEFAULT_FORBIDDEN_METADATA_KEYS } from './metadata.js';
export {
  type AuditMigration,
  type AuditMigrationOptions,
  type AuditMigrationRename,
  type AuditPartitioning,
  auditMigrationRenames,
  auditMigrations,
  createAuditMigrations,
  type EnsureAuditPartitionsOptions,
  ensureAuditPartitions,
} from './migrations/index.js';
export {
  type AuditRoleProblem,
  type AuditRoleReport,
  assertAuditDatabaseRole,
  checkAuditDatabaseRole,
} from './role-check.js';
export type {
  AuditActorType,
  AuditChainBreak,
  AuditChainBreakKind,
  AuditCheckpoint,
  AuditEventInput,
  AuditExportOptions,
  AuditLogger,
  AuditPage,
  AuditQuery,
  AuditRecord,
  AuditReplicaReport,
  AuditVerifyOptions,
  AuditVerifyResult,
} from './types.js';
export {
  type ExportedAuditRecord,
  type VerifyAuditRecordsOptions,
  verifyAuditRecords,
} from './verify-records.js';
