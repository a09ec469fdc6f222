/**
 * @packageDocumentation
 * `@clawexchange/quarantine`: envelope-encrypted holding of flagged content.
 * Ciphertext goes to S3, metadata and wrapped data keys to PostgreSQL; the
 * service implements the ssg `QuarantineSink`, moves records through review
 * states, expires and crypto-shreds them, rotates master keys, and issues
 * short-lived access tokens for audited viewing.
 *
 * @module @clawexchange/quarantine
 */
export {
  type ChecksumMode,
  type CleanupConfig,
  type EncryptionConfig,
  type IntegrityConfig,
  type LimitsConfig,
  type QuarantineConfig,
  type QuarantineEnvConfig,
  quarantineConfigFromEnv,
  type ServerSideEncryption,
  type StorageConfig,
} from './config.js';
export { createQuarantineService } from './create-quarantine.js';
export {
  isQuarantineError,
  QuarantineError,
  QuarantineErrorCode,
  type QuarantineErrorOptions,
} from './errors.js';
export { createLocalKeyProvider, type Keyring } from './key-provider.js';
export {
  createKmsKeyProvider,
  type KmsClientLike,
  type KmsKeyProviderOptions,
} from './kms-key-provider.js';
export {
  type QuarantineMigration,
  type QuarantineMigrationRename,
  quarantineMigrationRenames,
  quarantineMigrations,
} from './migrations/index.js';
export {
  type AccessGrant,
  type AccessTokenOptions,
  type CleanupResult,
  type DataKeyContext,
  type GeneratedDataKey,
  type KeyProvider,
  type KeyUsage,
  type ListOptions,
  type ListPage,
  type Quarantine,
  type QuarantineLogger,
  type QuarantineRecord,
  QuarantineStatus,
  type RotateKeysOptions,
  type RotateKeysResult,
  type StatusStats,
  type StorageStats,
  type StoredMatch,
  type StoreMetadata,
  type UpdateStatusOptions,
  type VerifyAccessTokenOptions,
  type WrappedDataKey,
} from './types.js';
