/**
 * `llmGuardConfigFromEnv()`: reads the documented variables, and nothing else.
 */
import type { KeepConfig, LLMGuardConfig } from './config.js';
import { configError } from './errors.js';
import type { DataUsage, ProviderKind } from './types.js';

/** Environment variables `llmGuardConfigFromEnv` reads. */
type Env = Readonly<Record<string, string | undefined>>;

function intVar(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw))
    throw configError(name, `invalid env \`${name}\`: expected a positive integer`);
  return Number(raw);
}

function set<T>(value: T | undefined, key: string): Record<string, T> {
  return value === undefined || value === '' ? {} : { [key]: value };
}

function keepFromEnv(env: Env): KeepConfig | undefined {
  const bucket = env.OBJECT_STORE_BUCKET;
  if (bucket === undefined || bucket === '') return undefined;
  const kmsKeyId = env.KMS_KEY_ID;
  const credentials =
    env.S3_ACCESS_KEY && env.S3_SECRET_KEY
      ? { credentials: { accessKeyId: env.S3_ACCESS_KEY, secretAccessKey: env.S3_SECRET_KEY } }
      : {};
  return {
    bucket,
    serverSideEncryption:
      kmsKeyId === undefined || kmsKeyId === ''
        ? { type: 'AES256' }
        : { type: 'aws:kms', kmsKeyId },
    ...set(env.S3_PREFIX, 'prefix'),
    ...set(intVar(env, 'LLM_RETENTION_DAYS'), 'retentionDays'),
    ...set(env.S3_ENDPOINT, 'endpoint'),
    ...set(env.S3_REGION, 'region'),
    ...(env.S3_FORCE_PATH_STYLE === 'true' ? { forcePathStyle: true } : {}),
    ...credentials,
  };
}

/**
 * Builds an {@link LLMGuardConfig} from environment variables: `LLM_PROVIDER`
 * (`openai` | `anthropic` | `openai-compatible`, default `openai`),
 * `LLM_API_URL`, `LLM_API_KEY`, `LLM_MODEL`, `LLM_DATA_USAGE` (default
 * `unknown`, which the guard refuses), `LLM_CONTEXT_MAX_CHARS`,
 * `LLM_MAX_SNIPPETS`, `LLM_SNIPPET_MAX_CHARS`, `LLM_TIMEOUT_MS`,
 * `LLM_RUN_ID_KEY`; and for keeping outputs `OBJECT_STORE_BUCKET`,
 * `S3_PREFIX`, `KMS_KEY_ID` (else SSE `AES256`), `LLM_RETENTION_DAYS`,
 * `S3_ENDPOINT`, `S3_REGION`, `S3_ACCESS_KEY`, `S3_SECRET_KEY`,
 * `S3_FORCE_PATH_STYLE`. Without `OBJECT_STORE_BUCKET` nothing is kept.
 * Pure: reads only `env`. Add `database` (and `audit`) yourself.
 *
 * @param env - the variables
 * @default env process.env
 * @returns a config for `createLLMGuard` (validated there)
 * @throws {LLMGuardError} LLM_GUARD_INVALID_CONFIG for a malformed number
 * @example
 * ```ts
 * const guard = createLLMGuard({ ...llmGuardConfigFromEnv(), database: sequelize, audit });
 * ```
 */
export function llmGuardConfigFromEnv(env: Env = process.env): LLMGuardConfig {
  const kind = (env.LLM_PROVIDER || 'openai') as ProviderKind;
  const keep = keepFromEnv(env);
  const limits = {
    ...set(intVar(env, 'LLM_CONTEXT_MAX_CHARS'), 'contextMaxChars'),
    ...set(intVar(env, 'LLM_MAX_SNIPPETS'), 'maxSnippets'),
    ...set(intVar(env, 'LLM_SNIPPET_MAX_CHARS'), 'snippetMaxChars'),
  };
  return {
    provider: {
      kind,
      model: env.LLM_MODEL ?? '',
      ...set(env.LLM_API_URL, 'url'),
      ...set(env.LLM_API_KEY, 'apiKey'),
      ...set(intVar(env, 'LLM_TIMEOUT_MS'), 'timeoutMs'),
    },
    dataUsage: (env.LLM_DATA_USAGE || 'unknown') as DataUsage,
    limits,
    ...(env.LLM_RUN_ID_KEY ? { redaction: { runIdKey: env.LLM_RUN_ID_KEY } } : {}),
    ...(keep === undefined ? {} : { keep }),
  };
}
