/**
 * @packageDocumentation
 * `@clawexchange/llm-guard`: calls to external LLM vendors (OpenAI Chat
 * Completions, Anthropic Messages, OpenAI-compatible servers) that send the
 * least text possible, redacted, only to vendors whose contract says no
 * training and no retention ("use"); keep the structured outputs in S3 under
 * KMS ("keep"); and delete them when retention ends ("dump").
 *
 * @module @clawexchange/llm-guard
 */
export type {
  KeepConfig,
  LimitsConfig,
  LLMGuardConfig,
  ProviderConfig,
  RedactionConfig,
} from './config.js';
export { llmGuardConfigFromEnv } from './config-from-env.js';
export { createLLMGuard } from './create-llm-guard.js';
export {
  ContextLimitError,
  isLLMGuardError,
  LLMGuardError,
  LLMGuardErrorCode,
  type LLMGuardErrorOptions,
  VendorContractError,
} from './errors.js';
export {
  createIamAuthSequelize,
  type IamAuthSequelizeOptions,
  type TokenSigner,
} from './iam-auth.js';
export { type LLMJudgeOptions, llmJudgePlugin } from './judge-plugin.js';
export { artifactKey, outputKey } from './keep/object-keys.js';
export { createS3ObjectStore, type S3ObjectStoreOptions } from './keep/s3-object-store.js';
export { type LLMGuardMigration, llmGuardMigrations } from './migrations/index.js';
export {
  type Artifact,
  type CallInput,
  type CallResult,
  type DataUsage,
  type JsonSchema,
  type LLMGuard,
  LLMGuardAuditEventType,
  type LLMObjectStore,
  type ProviderKind,
  type RetentionResult,
  type Selector,
  type ServerSideEncryption,
  type StoredObject,
  type StreamChunk,
} from './types.js';
