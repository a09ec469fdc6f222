/**
 * Public types of `@clawexchange/llm-guard`: call arguments and results,
 * the object-store port, the audit event names.
 */

/** One field of `page` to take a snippet from, in order. */
export type Selector = {
  /** The field name in `page`, e.g. `'title'` or `'body'`. */
  readonly name: string;
};

/** A JSON Schema (draft 2020-12 subset ajv understands) the answer must satisfy. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** Arguments of {@link LLMGuard.call} and {@link LLMGuard.stream}. */
export type CallInput = {
  /** The instruction for the model (the host's own text; it is redacted too). */
  readonly task: string;
  /** The JSON Schema the answer must satisfy. */
  readonly schema: JsonSchema;
  /** The record to take snippets from (field name → text). */
  readonly page: Readonly<Record<string, unknown>>;
  /** Which fields of `page` to send, in order; at most `limits.maxSnippets` are taken. */
  readonly selectors: readonly Selector[];
  /** The host's id for this run; only its keyed hash leaves the process. */
  readonly runId: string;
  /** Aborts the call (and its retries). */
  readonly signal?: AbortSignal;
  /**
   * Files of the run to keep beside the output (never sent to the vendor), at
   * `<prefix>/artifacts/YYYY/MM/DD/<run_hash>/<kind>-N.<ext>`. Needs `keep`.
   */
  readonly artifacts?: readonly Artifact[];
};

/** A file kept with a run (a screenshot, a rendered page). */
export type Artifact = {
  /** What it is, `[a-z0-9-]{1,32}`, e.g. `screenshot`; numbered per kind from 1. */
  readonly kind: string;
  /** File extension, `[a-z0-9]{1,10}`, e.g. `png`. */
  readonly ext: string;
  /** MIME type, e.g. `image/png`. */
  readonly contentType: string;
  /** The bytes. */
  readonly body: Uint8Array;
};

/** What {@link LLMGuard.call} returns. */
export type CallResult = {
  /** The answer, parsed, schema-valid, with placeholders restored where allowed. */
  readonly output: unknown;
  /** Keyed hash of the run id (hex); what the vendor saw and what is kept. */
  readonly runHash: string;
  /** Snippets sent. */
  readonly snippetCount: number;
  /** Characters of context sent (after redaction). */
  readonly contextChars: number;
  /** Placeholders used in the request. */
  readonly redactionCount: number;
  /** Vendor attempts made (1 + retries + repair). */
  readonly attempts: number;
  /** Whether the one repair retry was needed. */
  readonly repaired: boolean;
  /** The kept object's key, when `keep` is configured. */
  readonly outputKey: string | undefined;
  /** Keys of the kept artifacts, in input order. */
  readonly artifactKeys: readonly string[];
};

/** One piece of a streamed answer. */
export type StreamChunk = {
  /** Restored text to append; never holds part of a placeholder. */
  readonly text: string;
};

/** Declared use of the data by the vendor, per its contract. Only `none` is accepted. */
export type DataUsage = 'none' | 'training' | 'retention' | 'training-and-retention' | 'unknown';

/** The providers the guard speaks to. */
export type ProviderKind = 'openai' | 'anthropic' | 'openai-compatible';

/** A stored object's key and size. */
export type StoredObject = {
  /** Object key in the bucket. */
  readonly key: string;
  /** Size in bytes. */
  readonly sizeBytes: number;
};

/** Server-side encryption of kept objects. */
export type ServerSideEncryption =
  | { readonly type: 'aws:kms'; readonly kmsKeyId: string }
  | { readonly type: 'AES256' };

/**
 * The object-store port: what Keep and Dump need. The S3 implementation
 * ships (`createS3ObjectStore`); a GCS one implements the same three
 * methods (CMEK on the bucket in place of `encryption`).
 */
export interface LLMObjectStore {
  /** Writes one object with the given server-side encryption. */
  put(input: {
    readonly key: string;
    readonly body: Uint8Array;
    readonly contentType: string;
    readonly encryption: ServerSideEncryption;
  }): Promise<void>;
  /** Deletes objects; a missing key counts as deleted. Returns the keys that failed. */
  deleteMany(keys: readonly string[]): Promise<readonly string[]>;
  /** Reads one object, `null` when absent. */
  get(key: string): Promise<Uint8Array | null>;
}

/** Audit event types this package writes (the `eventType` of each event). */
export const LLMGuardAuditEventType = {
  /** A vendor call succeeded. */
  LLM_CALL: 'LLM_CALL',
  /** A call was refused (contract, context limit, egress) or failed. */
  LLM_CALL_REFUSED: 'LLM_CALL_REFUSED',
  /** A call failed at the vendor or on output validation. */
  LLM_CALL_FAILED: 'LLM_CALL_FAILED',
  /** An output was kept. */
  LLM_OUTPUT_KEPT: 'LLM_OUTPUT_KEPT',
  /** A retention run started. */
  LLM_RETENTION_STARTED: 'LLM_RETENTION_STARTED',
  /** One batch of due runs was deleted. */
  LLM_RETENTION_DELETED: 'LLM_RETENTION_DELETED',
  /** Some objects of a batch could not be deleted; they stay due. */
  LLM_RETENTION_FAILED: 'LLM_RETENTION_FAILED',
  /** A retention run finished. */
  LLM_RETENTION_COMPLETED: 'LLM_RETENTION_COMPLETED',
} as const;
/** One of the {@link LLMGuardAuditEventType} values. */
export type LLMGuardAuditEventType =
  (typeof LLMGuardAuditEventType)[keyof typeof LLMGuardAuditEventType];

/** What {@link LLMGuard.runRetention} reports. */
export type RetentionResult = {
  /** Runs whose objects were deleted and rows marked. */
  readonly deletedRuns: number;
  /** Objects deleted. */
  readonly deletedObjects: number;
  /** Runs left due because some object could not be deleted. */
  readonly failedRuns: number;
  /** Batches processed. */
  readonly batches: number;
};

/** The guard `createLLMGuard` returns. */
export interface LLMGuard {
  /** Minimises, redacts, calls the vendor, validates and restores the answer, keeps it. */
  call(input: CallInput): Promise<CallResult>;
  /** Same checks as `call`, streaming the restored answer text. */
  stream(input: Omit<CallInput, 'schema' | 'artifacts'>): AsyncIterable<StreamChunk>;
  /** Deletes kept objects whose retention ended (needs `keep` and `database`). */
  runRetention(options?: {
    readonly now?: Date;
    readonly batchSize?: number;
  }): Promise<RetentionResult>;
}
