/**
 * `createLLMGuard`: the factory of the guard ("use, keep, dump").
 */
import type { LLMGuardConfig } from './config.js';
import { isLLMGuardError, LLMGuardError, LLMGuardErrorCode } from './errors.js';
import { type AuditWriter, createAuditWriter } from './internal/audit.js';
import { runCall } from './internal/call.js';
import { createMetrics, type LLMGuardMetrics } from './internal/metrics.js';
import { createOutputValidator, type OutputValidator } from './internal/output.js';
import { type PreparedCall, prepareCall } from './internal/prepare.js';
import { systemText } from './internal/prompt.js';
import { type ResolvedConfig, resolveConfig } from './internal/resolve-config.js';
import { runStream, type StreamStats } from './internal/stream.js';
import { createKeeper, type Keeper } from './keep/keeper.js';
import { adapterFor } from './providers/index.js';
import type { ProviderAdapter } from './providers/types.js';
import {
  type CallInput,
  type CallResult,
  type LLMGuard,
  LLMGuardAuditEventType,
  type RetentionResult,
  type StreamChunk,
} from './types.js';

type Deps = {
  readonly config: ResolvedConfig;
  readonly adapter: ProviderAdapter;
  readonly validator: OutputValidator;
  readonly audit: AuditWriter;
  readonly keeper: Keeper | undefined;
  readonly metrics: LLMGuardMetrics;
};

function baseFacts(deps: Deps): Record<string, string> {
  return { provider: deps.config.provider.kind, model: deps.config.provider.model };
}

/** Codes of calls refused by the guard itself (audited as LLM_CALL_REFUSED). */
const REFUSALS: ReadonlySet<string> = new Set([
  LLMGuardErrorCode.VENDOR_CONTRACT_VIOLATION,
  LLMGuardErrorCode.CONTEXT_LIMIT_EXCEEDED,
  LLMGuardErrorCode.INVALID_INPUT,
  LLMGuardErrorCode.EGRESS_DENIED,
]);

async function refused(deps: Deps, error: unknown, runHash?: string): Promise<never> {
  const code = isLLMGuardError(error) ? error.code : LLMGuardErrorCode.VENDOR_FAILED;
  const before = REFUSALS.has(code);
  deps.metrics.calls.add(1, {
    outcome: before ? 'refused' : 'failed',
    provider: deps.config.provider.kind,
    code,
  });
  await deps.audit({
    eventType: before
      ? LLMGuardAuditEventType.LLM_CALL_REFUSED
      : LLMGuardAuditEventType.LLM_CALL_FAILED,
    ...(runHash === undefined ? {} : { targetId: runHash }),
    metadata: {
      ...baseFacts(deps),
      code,
      status: isLLMGuardError(error) ? (error.status ?? null) : null,
    },
  });
  deps.config.logger.warn({ code, ...baseFacts(deps) }, 'llm-guard: call refused or failed');
  throw error;
}

function compileSchema(deps: Deps, input: CallInput) {
  try {
    return deps.validator.compile(input.schema);
  } catch (cause) {
    throw new LLMGuardError(
      LLMGuardErrorCode.INVALID_INPUT,
      'invalid input `input.schema`: not a valid JSON Schema',
      { cause, field: 'input.schema' },
    );
  }
}

async function succeeded(
  deps: Deps,
  input: {
    readonly runHash: string;
    readonly startedMs: number;
    readonly redactions: number;
    readonly facts: Readonly<Record<string, string | number | boolean | null>>;
  },
): Promise<void> {
  const attrs = { outcome: 'ok', provider: deps.config.provider.kind };
  deps.metrics.calls.add(1, attrs);
  deps.metrics.redactions.add(input.redactions, { provider: attrs.provider });
  deps.metrics.callDuration.record(performance.now() - input.startedMs, attrs);
  await deps.audit({
    eventType: LLMGuardAuditEventType.LLM_CALL,
    targetId: input.runHash,
    metadata: { ...baseFacts(deps), ...input.facts },
  });
}

async function call(deps: Deps, rawInput: CallInput): Promise<CallResult> {
  const startedMs = performance.now();
  let prepared: (PreparedCall & { input: CallInput }) | undefined;
  try {
    prepared = prepareCall(deps.config, rawInput, {
      withSchema: true,
      system: (i) => systemText(JSON.stringify(i.schema)),
    });
    if (prepared.input.artifacts !== undefined && deps.keeper === undefined) {
      throw new LLMGuardError(
        LLMGuardErrorCode.INVALID_INPUT,
        'invalid input `input.artifacts`: needs `keep` (nothing would keep them)',
        { field: 'input.artifacts' },
      );
    }
    const validate = compileSchema(deps, prepared.input);
    const outcome = await runCall(deps, { ...prepared, signal: prepared.input.signal, validate });
    const kept =
      deps.keeper === undefined
        ? undefined
        : await deps.keeper.keep({
            runHash: prepared.runHash,
            output: outcome.redactedOutput,
            artifacts: prepared.input.artifacts,
          });
    const result: CallResult = {
      output: outcome.output,
      runHash: prepared.runHash,
      snippetCount: prepared.prompt.snippetCount,
      contextChars: prepared.prompt.contextChars,
      redactionCount: prepared.session.count(),
      attempts: outcome.attempts,
      repaired: outcome.repaired,
      outputKey: kept?.key,
      artifactKeys: kept?.artifactKeys ?? [],
    };
    await succeeded(deps, {
      runHash: result.runHash,
      startedMs,
      redactions: result.redactionCount,
      facts: {
        snippetCount: result.snippetCount,
        contextChars: result.contextChars,
        redactionCount: result.redactionCount,
        attempts: result.attempts,
        repaired: result.repaired,
        answerChars: outcome.answerChars,
        outputBytes: kept?.sizeBytes ?? null,
      },
    });
    return result;
  } catch (error) {
    if (isLLMGuardError(error) && error.code === LLMGuardErrorCode.AUDIT_FAILED) throw error;
    return refused(deps, error, prepared?.runHash);
  }
}

async function* stream(
  deps: Deps,
  rawInput: Omit<CallInput, 'schema' | 'artifacts'>,
): AsyncGenerator<StreamChunk> {
  const startedMs = performance.now();
  let prepared: (PreparedCall & { input: CallInput }) | undefined;
  const stats: StreamStats = { attempts: 0, answerChars: 0 };
  try {
    prepared = prepareCall(deps.config, rawInput, {
      withSchema: false,
      system: () => systemText(undefined),
    });
    yield* runStream(deps, { ...prepared, signal: prepared.input.signal }, stats);
  } catch (error) {
    return refused(deps, error, prepared?.runHash);
  }
  await succeeded(deps, {
    runHash: prepared.runHash,
    startedMs,
    redactions: prepared.session.count(),
    facts: {
      stream: true,
      snippetCount: prepared.prompt.snippetCount,
      contextChars: prepared.prompt.contextChars,
      redactionCount: prepared.session.count(),
      attempts: stats.attempts,
      answerChars: stats.answerChars,
    },
  });
}

/**
 * Creates the LLM guard: every call is minimised, redacted, checked against
 * the vendor contract and the egress allowlist, validated against its
 * schema, restored, and (with `keep`) kept in S3 under SSE for the
 * retention period.
 *
 * @param config - see {@link LLMGuardConfig}
 * @returns the guard
 * @throws {VendorContractError} LLM_GUARD_VENDOR_CONTRACT_VIOLATION unless `dataUsage` is `none` for the provider
 * @throws {LLMGuardError} LLM_GUARD_INVALID_CONFIG naming the field
 * @example
 * ```ts
 * const guard = createLLMGuard({
 *   provider: { kind: 'openai', model: 'gpt-4o-mini', apiKey: process.env.LLM_API_KEY },
 *   dataUsage: 'none',
 * });
 * const { output } = await guard.call({
 *   task: 'Is this post a scam? Answer {"scam": boolean}.',
 *   schema: { type: 'object', properties: { scam: { type: 'boolean' } }, required: ['scam'] },
 *   page: { title, body },
 *   selectors: [{ name: 'title' }, { name: 'body' }],
 *   runId: post.id,
 * });
 * ```
 */
export function createLLMGuard(config: LLMGuardConfig): LLMGuard {
  const resolved = resolveConfig(config);
  const metrics = createMetrics(resolved.meter);
  const audit = createAuditWriter(resolved, metrics);
  const deps: Deps = {
    config: resolved,
    adapter: adapterFor(resolved.provider),
    validator: createOutputValidator(),
    audit,
    keeper:
      resolved.keep === undefined || resolved.database === undefined
        ? undefined
        : createKeeper({
            keep: resolved.keep,
            database: resolved.database,
            now: resolved.now,
            provider: resolved.provider,
            audit,
            metrics,
          }),
    metrics,
  };
  return {
    call: (input) => call(deps, input),
    stream: (input) => stream(deps, input),
    async runRetention(options = {}): Promise<RetentionResult> {
      if (deps.keeper === undefined) {
        throw new LLMGuardError(
          LLMGuardErrorCode.INVALID_CONFIG,
          'llm-guard: runRetention needs `keep` and `database`',
          { field: 'keep' },
        );
      }
      return deps.keeper.runRetention(options);
    },
  };
}
