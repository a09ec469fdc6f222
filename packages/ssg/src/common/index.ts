/**
 * @packageDocumentation
 * `@clawexchange/ssg/common`: the conventions every `@clawexchange` package
 * shares, in a light subpath (no Express, no OpenTelemetry, no side
 * effects): the error base class and `isXError` guards, the unknown-option
 * check, the one `Logger` type and no-op logger, the metric naming scheme,
 * the HTTP error body, the gate's audit event types, and the package-neutral
 * parts of the schema steps (which connection a step runs on, the catalog
 * check behind each foreign-schema guard). See `docs/conventions.md`.
 *
 * @module @clawexchange/ssg/common
 */
export { AUDIT_LOG_DISABLED, type AuditLogDisabled, isAuditLogDisabled } from './audit.js';
export {
  ClawExchangeError,
  type ClawExchangeErrorOptions,
  defineErrorGuard,
  type ErrorGuard,
} from './errors.js';
export { SSGAuditEventType } from './events.js';
export {
  type ErrorBody,
  type ErrorBodyDetail,
  errorBody,
  IDENTITY_ONLY_HEADERS,
  isErrorBody,
  isIdentityCoding,
} from './http.js';
export { isLogger, LOG_LEVELS, type LogFields, type Logger, noopLogger } from './logger.js';
export {
  METRIC_NAME_PATTERN,
  type MetricPackage,
  MetricUnit,
  metricName,
  msToSeconds,
} from './metrics.js';
export {
  type MigrationQueryInterface,
  migrationConnection,
  type SqlConnection,
  type SqlQueryOptions,
} from './migrations.js';
export {
  assertOptionsObject,
  type CheckOptionsMode,
  type ConfigErrorFactory,
  checkOptions,
  isPlainObject,
  type KeySet,
  type OptionsSpec,
  optionKeys,
  rejectUnknownKeys,
} from './options.js';
export {
  firstMissingColumn,
  type MissingColumn,
  type OurColumns,
  readTableColumns,
  TABLE_COLUMNS_SQL,
  type TableColumnRow,
} from './schema-guard.js';
