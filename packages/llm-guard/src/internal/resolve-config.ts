/**
 * Validates an `LLMGuardConfig` before any I/O and resolves its defaults.
 * Unknown keys are rejected through the family's shared options check.
 */
import { randomBytes } from 'node:crypto';
import type { AuditSink } from '@clawexchange/ssg';
import { checkOptions, type Logger, noopLogger, optionKeys } from '@clawexchange/ssg/common';
import { type Meter, metrics } from '@opentelemetry/api';
import type { Sequelize } from 'sequelize';
import type {
  KeepConfig,
  LimitsConfig,
  LLMGuardConfig,
  ProviderConfig,
  RedactionConfig,
} from '../config.js';
import { configError, VendorContractError } from '../errors.js';
import type { DataUsage, ProviderKind } from '../types.js';

const CONFIG_KEYS = optionKeys<LLMGuardConfig>({
  provider: true,
  dataUsage: true,
  limits: true,
  redaction: true,
  keep: true,
  database: true,
  audit: true,
  onAuditFailure: true,
  fetch: true,
  logger: true,
  meter: true,
  now: true,
  random: true,
  sleep: true,
});
const PROVIDER_KEYS = optionKeys<ProviderConfig>({
  kind: true,
  url: true,
  apiKey: true,
  model: true,
  timeoutMs: true,
  maxRetries: true,
  retryBaseMs: true,
  retryMaxMs: true,
  maxTokens: true,
});
const LIMITS_KEYS = optionKeys<LimitsConfig>({
  maxSnippets: true,
  snippetMaxChars: true,
  contextMaxChars: true,
});
const REDACTION_KEYS = optionKeys<RedactionConfig>({ restoreInLinks: true, runIdKey: true });
const KEEP_KEYS = optionKeys<KeepConfig>({
  bucket: true,
  prefix: true,
  serverSideEncryption: true,
  retentionDays: true,
  store: true,
  endpoint: true,
  region: true,
  credentials: true,
  forcePathStyle: true,
});
const HINTS: Readonly<Record<string, string>> = {
  apiUrl: 'use `provider.url`',
  apiKey: 'use `provider.apiKey`',
  model: 'use `provider.model`',
  contextMaxChars: 'use `limits.contextMaxChars`',
  bucket: 'use `keep.bucket`',
  kmsKeyId: "use `keep.serverSideEncryption: { type: 'aws:kms', kmsKeyId }`",
  sequelize: 'use `database`',
};
const KINDS: readonly ProviderKind[] = ['openai', 'anthropic', 'openai-compatible'];
const USAGES: readonly DataUsage[] = [
  'none',
  'training',
  'retention',
  'training-and-retention',
  'unknown',
];
const DEFAULT_URLS: Readonly<Partial<Record<ProviderKind, string>>> = {
  openai: 'https://api.openai.com/v1/chat/completions',
  anthropic: 'https://api.anthropic.com/v1/messages',
};

/** The provider settings after defaults. */
export type ResolvedProvider = {
  readonly kind: ProviderKind;
  readonly url: URL;
  readonly apiKey: string | undefined;
  readonly model: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly maxTokens: number;
};

/** Keep settings after defaults (store built later). */
export type ResolvedKeep = KeepConfig & { readonly prefix: string; readonly retentionDays: number };

/** The whole config after validation and defaults. */
export type ResolvedConfig = {
  readonly provider: ResolvedProvider;
  readonly dataUsage: LLMGuardConfig['dataUsage'];
  readonly maxSnippets: number;
  readonly snippetMaxChars: number;
  readonly contextMaxChars: number;
  readonly restoreInLinks: ReadonlySet<string>;
  readonly runIdKey: Uint8Array;
  readonly keep: ResolvedKeep | undefined;
  readonly database: Sequelize | undefined;
  readonly audit: AuditSink | undefined;
  readonly onAuditFailure: 'reject' | 'continue';
  readonly fetch: typeof fetch;
  readonly logger: Logger;
  readonly meter: Meter;
  readonly now: () => Date;
  readonly random: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
};

function int(value: unknown, field: string, range: { min: number; max: number }): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < range.min ||
    value > range.max
  ) {
    throw configError(
      field,
      `invalid config \`${field}\`: expected an integer from ${range.min} to ${range.max}`,
    );
  }
  return value;
}

function optInt(
  value: unknown,
  field: string,
  range: { min: number; max: number; def: number },
): number {
  return value === undefined ? range.def : int(value, field, range);
}

function str(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw configError(field, `invalid config \`${field}\`: expected a non-empty string`);
  }
  return value;
}

function fn<T>(value: unknown, field: string, def: T): T {
  if (value === undefined) return def;
  if (typeof value !== 'function')
    throw configError(field, `invalid config \`${field}\`: expected a function`);
  return value as T;
}

function resolveUrl(kind: ProviderKind, url: unknown): URL {
  const raw = url === undefined ? DEFAULT_URLS[kind] : str(url, 'provider.url');
  if (raw === undefined) {
    throw configError(
      'provider.url',
      'invalid config `provider.url`: required for openai-compatible',
    );
  }
  if (!URL.canParse(raw)) {
    throw configError('provider.url', 'invalid config `provider.url`: expected an absolute URL');
  }
  const parsed = new URL(raw);
  // Credentials in the URL would travel in logs and Referer-like places; the key has its own field.
  if (
    !['https:', 'http:'].includes(parsed.protocol) ||
    parsed.username !== '' ||
    parsed.password !== ''
  ) {
    throw configError(
      'provider.url',
      'invalid config `provider.url`: expected http(s) without credentials',
    );
  }
  return parsed;
}

function resolveProvider(value: unknown): ResolvedProvider {
  const p = checkOptions(value, {
    name: 'createLLMGuard provider',
    keys: PROVIDER_KEYS,
    path: 'provider',
    error: configError,
  });
  const kind = p.kind as ProviderKind;
  if (!KINDS.includes(kind)) {
    throw configError(
      'provider.kind',
      `invalid config \`provider.kind\`: expected one of ${KINDS.join(', ')}`,
    );
  }
  const apiKey = p.apiKey === undefined ? undefined : str(p.apiKey, 'provider.apiKey');
  return {
    kind,
    url: resolveUrl(kind, p.url),
    apiKey,
    model: str(p.model, 'provider.model'),
    timeoutMs: optInt(p.timeoutMs, 'provider.timeoutMs', { min: 1, max: 600_000, def: 30_000 }),
    maxRetries: optInt(p.maxRetries, 'provider.maxRetries', { min: 0, max: 10, def: 2 }),
    retryBaseMs: optInt(p.retryBaseMs, 'provider.retryBaseMs', { min: 0, max: 60_000, def: 250 }),
    retryMaxMs: optInt(p.retryMaxMs, 'provider.retryMaxMs', { min: 0, max: 600_000, def: 10_000 }),
    maxTokens: optInt(p.maxTokens, 'provider.maxTokens', { min: 1, max: 1_000_000, def: 1024 }),
  };
}

/**
 * The vendor contract guard: the declared data usage for `kind` must be
 * `none`. Run at construction and before every call.
 *
 * @throws {VendorContractError} otherwise
 */
export function assertVendorContract(dataUsage: unknown, kind: ProviderKind): void {
  const declared =
    typeof dataUsage === 'object' && dataUsage !== null
      ? (dataUsage as Readonly<Record<string, unknown>>)[kind]
      : dataUsage;
  if (declared !== 'none') {
    throw new VendorContractError(
      'llm-guard: the vendor contract must declare data usage `none` (no training, no retention) for the provider in use',
      { field: 'dataUsage' },
    );
  }
}

function validateDataUsage(value: unknown): void {
  const values = typeof value === 'object' && value !== null ? Object.values(value) : [value];
  for (const v of values) {
    if (!USAGES.includes(v as DataUsage)) {
      throw configError(
        'dataUsage',
        `invalid config \`dataUsage\`: expected one of ${USAGES.join(', ')}`,
      );
    }
  }
  if (typeof value === 'object' && value !== null) {
    checkOptions(value, {
      name: 'createLLMGuard dataUsage',
      keys: KINDS,
      path: 'dataUsage',
      error: configError,
    });
  }
}

function resolveKey(value: unknown): Uint8Array {
  if (value === undefined) return randomBytes(32);
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  if (!(bytes instanceof Uint8Array) || bytes.length < 32) {
    throw configError(
      'redaction.runIdKey',
      'invalid config `redaction.runIdKey`: expected at least 32 bytes',
    );
  }
  return new Uint8Array(bytes);
}

function resolveRedaction(value: unknown): {
  restoreInLinks: ReadonlySet<string>;
  runIdKey: Uint8Array;
} {
  const r = checkOptions(
    value,
    {
      name: 'createLLMGuard redaction',
      keys: REDACTION_KEYS,
      path: 'redaction',
      error: configError,
    },
    { optional: true },
  );
  const list = r.restoreInLinks ?? [];
  if (!Array.isArray(list) || !list.every((t) => typeof t === 'string')) {
    throw configError(
      'redaction.restoreInLinks',
      'invalid config `redaction.restoreInLinks`: expected an array of placeholder types',
    );
  }
  return { restoreInLinks: new Set(list as string[]), runIdKey: resolveKey(r.runIdKey) };
}

function resolveSse(value: unknown): void {
  const sse = checkOptions(value, {
    name: 'keep.serverSideEncryption',
    keys: ['type', 'kmsKeyId'],
    path: 'keep.serverSideEncryption',
    error: configError,
  });
  if (sse.type === 'aws:kms') str(sse.kmsKeyId, 'keep.serverSideEncryption.kmsKeyId');
  else if (sse.type !== 'AES256' || sse.kmsKeyId !== undefined) {
    throw configError(
      'keep.serverSideEncryption.type',
      "invalid config `keep.serverSideEncryption.type`: expected 'aws:kms' (with kmsKeyId) or 'AES256'",
    );
  }
}

function resolveKeep(value: unknown, database: unknown): ResolvedKeep | undefined {
  if (value === undefined) return undefined;
  const k = checkOptions(value, {
    name: 'createLLMGuard keep',
    keys: KEEP_KEYS,
    path: 'keep',
    error: configError,
  });
  str(k.bucket, 'keep.bucket');
  resolveSse(k.serverSideEncryption);
  const prefix = k.prefix === undefined ? 'llm-guard' : str(k.prefix, 'keep.prefix');
  if (prefix.startsWith('/') || prefix.endsWith('/') || prefix.includes('..')) {
    throw configError(
      'keep.prefix',
      'invalid config `keep.prefix`: expected no leading or trailing slash and no `..`',
    );
  }
  if (database === undefined) {
    throw configError(
      'database',
      'invalid config `database`: required with `keep` (runs are recorded in `llm_runs`)',
    );
  }
  const retentionDays = optInt(k.retentionDays, 'keep.retentionDays', {
    min: 1,
    max: 36_500,
    def: 30,
  });
  return { ...(k as unknown as KeepConfig), prefix, retentionDays };
}

function resolveLimits(value: unknown): {
  maxSnippets: number;
  snippetMaxChars: number;
  contextMaxChars: number;
} {
  const l = checkOptions(
    value,
    { name: 'createLLMGuard limits', keys: LIMITS_KEYS, path: 'limits', error: configError },
    { optional: true },
  );
  return {
    maxSnippets: optInt(l.maxSnippets, 'limits.maxSnippets', { min: 1, max: 100, def: 3 }),
    snippetMaxChars: optInt(l.snippetMaxChars, 'limits.snippetMaxChars', {
      min: 1,
      max: 1_000_000,
      def: 512,
    }),
    contextMaxChars: optInt(l.contextMaxChars, 'limits.contextMaxChars', {
      min: 1,
      max: 10_000_000,
      def: 3000,
    }),
  };
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done(): void {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort(): void {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Validates `config` and fills in defaults; also runs the vendor contract guard.
 *
 * @param config - what the host passed
 * @returns the resolved config
 * @throws {LLMGuardError} LLM_GUARD_INVALID_CONFIG naming the field
 * @throws {VendorContractError} when the declared data usage is not `none`
 */
export function resolveConfig(config: unknown): ResolvedConfig {
  const c = checkOptions(config, {
    name: 'createLLMGuard config',
    keys: CONFIG_KEYS,
    hints: HINTS,
    error: configError,
  });
  const provider = resolveProvider(c.provider);
  validateDataUsage(c.dataUsage);
  assertVendorContract(c.dataUsage, provider.kind);
  const onAuditFailure = c.onAuditFailure ?? 'reject';
  if (onAuditFailure !== 'reject' && onAuditFailure !== 'continue') {
    throw configError(
      'onAuditFailure',
      "invalid config `onAuditFailure`: expected 'reject' or 'continue'",
    );
  }
  const audit = c.audit as AuditSink | undefined;
  if (audit !== undefined && typeof audit.log !== 'function') {
    throw configError('audit', 'invalid config `audit`: expected an object with log(event)');
  }
  return {
    provider,
    dataUsage: c.dataUsage as LLMGuardConfig['dataUsage'],
    ...resolveLimits(c.limits),
    ...resolveRedaction(c.redaction),
    keep: resolveKeep(c.keep, c.database),
    database: c.database as Sequelize | undefined,
    audit,
    onAuditFailure,
    fetch: fn(c.fetch, 'fetch', globalThis.fetch),
    logger: (c.logger as Logger | undefined) ?? noopLogger,
    meter: (c.meter as Meter | undefined) ?? metrics.getMeter('@clawexchange/llm-guard'),
    now: fn(c.now, 'now', () => new Date()),
    random: fn(c.random, 'random', Math.random),
    sleep: fn(c.sleep, 'sleep', defaultSleep),
  };
}
