/**
 * The configuration of `createLLMGuard` and `llmGuardConfigFromEnv()`.
 * Validation lives in `internal/resolve-config.ts`.
 */

import type { AuditSink } from '@clawexchange/ssg';
import type { Logger } from '@clawexchange/ssg/common';
import type { Meter } from '@opentelemetry/api';
import type { Sequelize } from 'sequelize';
import type { DataUsage, LLMObjectStore, ProviderKind, ServerSideEncryption } from './types.js';

/** Which vendor to call and how. */
export type ProviderConfig = {
  /** Wire format: OpenAI Chat Completions, Anthropic Messages, or an OpenAI-compatible server. */
  readonly kind: ProviderKind;
  /**
   * Full endpoint URL; its origin is the only one requests may reach (redirects included).
   * @default `https://api.openai.com/v1/chat/completions` (openai), `https://api.anthropic.com/v1/messages` (anthropic); required for openai-compatible
   */
  readonly url?: string;
  /** API key, sent as `Authorization: Bearer` (OpenAI) or `x-api-key` (Anthropic). Kept in a closure. */
  readonly apiKey?: string;
  /** Model name, e.g. `gpt-4o-mini`. */
  readonly model: string;
  /**
   * Per-attempt timeout in milliseconds.
   * @default 30000
   */
  readonly timeoutMs?: number;
  /**
   * Retries on 429 and 5xx (and network errors); none on other 4xx.
   * @default 2
   */
  readonly maxRetries?: number;
  /**
   * Base of the exponential backoff in milliseconds (full jitter).
   * @default 250
   */
  readonly retryBaseMs?: number;
  /**
   * Upper bound of one wait, also for `Retry-After`, in milliseconds.
   * @default 10000
   */
  readonly retryMaxMs?: number;
  /**
   * `max_tokens` of each request.
   * @default 1024
   */
  readonly maxTokens?: number;
};

/** How much of `page` may leave the process. */
export type LimitsConfig = {
  /**
   * Snippets taken from `page`, in selector order.
   * @default 3
   */
  readonly maxSnippets?: number;
  /**
   * Characters per snippet; cut at a word boundary.
   * @default 512
   */
  readonly snippetMaxChars?: number;
  /**
   * Characters of the joined, redacted context; longer fails with `ContextLimitError` before any I/O.
   * @default 3000
   */
  readonly contextMaxChars?: number;
};

/** Redaction and restoration of the answer. */
export type RedactionConfig = {
  /**
   * Placeholder types (e.g. `'EMAIL'`, `'SECRET:aws-access-key'`) that may be
   * restored inside a URL, a markdown link or image target, or an HTML
   * attribute. By default none: a value could leave the host from there.
   * @default []
   */
  readonly restoreInLinks?: readonly string[];
  /**
   * Key of the keyed hash (HMAC-SHA-256) of run ids, at least 32 bytes.
   * Give one to make run hashes stable across restarts.
   * @default 32 random bytes per guard
   */
  readonly runIdKey?: string | Uint8Array;
};

/** Where outputs are kept ("keep"), and for how long. */
export type KeepConfig = {
  /** Bucket name. */
  readonly bucket: string;
  /**
   * Key prefix (no leading or trailing slash).
   * @default 'llm-guard'
   */
  readonly prefix?: string;
  /** Server-side encryption: `aws:kms` with a key id, or `AES256`. Required. */
  readonly serverSideEncryption: ServerSideEncryption;
  /**
   * Days outputs are kept before retention deletes them.
   * @default 30
   */
  readonly retentionDays?: number;
  /** An object store to use instead of the built-in S3 one (e.g. GCS, or a test double). */
  readonly store?: LLMObjectStore;
  /** S3 endpoint (MinIO, tests); AWS when absent. */
  readonly endpoint?: string;
  /**
   * S3 region.
   * @default 'us-east-1'
   */
  readonly region?: string;
  /** Static S3 credentials; the AWS default chain (roles) when absent. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /**
   * Path-style addressing (MinIO, s3rver).
   * @default false
   */
  readonly forcePathStyle?: boolean;
};

/** The configuration of `createLLMGuard`. */
export type LLMGuardConfig = {
  /** The vendor. */
  readonly provider: ProviderConfig;
  /**
   * What the vendor's contract says it does with the data, for the provider
   * in use (a string, or a record by provider kind). Anything but `none`
   * fails with `VendorContractError`, at construction and on every call.
   */
  readonly dataUsage: DataUsage | Readonly<Partial<Record<ProviderKind, DataUsage>>>;
  /** Minimisation limits. */
  readonly limits?: LimitsConfig;
  /** Redaction and restoration. */
  readonly redaction?: RedactionConfig;
  /** Keep outputs in S3; without it nothing is kept. */
  readonly keep?: KeepConfig;
  /** The database of `llm_runs` (run `llmGuardMigrations` first); needed with `keep`. */
  readonly database?: Sequelize;
  /** Audit sink (e.g. `@clawexchange/audit`); events carry sizes and hashes, never text. */
  readonly audit?: AuditSink;
  /**
   * What a failed audit write does: `reject` fails the operation, `continue` logs and counts it.
   * @default 'reject'
   */
  readonly onAuditFailure?: 'reject' | 'continue';
  /**
   * The fetch to use.
   * @default globalThis.fetch
   */
  readonly fetch?: typeof fetch;
  /** Logger; a no-op by default. */
  readonly logger?: Logger;
  /**
   * OpenTelemetry meter for `clawexchange.llm_guard.*` metrics.
   * @default metrics.getMeter('@clawexchange/llm-guard')
   */
  readonly meter?: Meter;
  /** Clock. @default () => new Date() */
  readonly now?: () => Date;
  /** Random source in [0, 1) for backoff jitter. @default Math.random */
  readonly random?: () => number;
  /** Waits between retries. @default a timer */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};
