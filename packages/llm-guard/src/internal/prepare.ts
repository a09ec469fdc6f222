/**
 * Everything a call does before any I/O: argument checks, the vendor
 * contract guard, minimisation, redaction, the context limit, the run hash.
 */
import { checkOptions, optionKeys } from '@clawexchange/ssg/common';
import { inputError } from '../errors.js';
import type { CallInput } from '../types.js';
import { minimise } from './minimise.js';
import { buildPrompt, type Prompt } from './prompt.js';
import { createRedactionSession, type RedactionSession } from './redaction.js';
import { assertVendorContract, type ResolvedConfig } from './resolve-config.js';
import { runHash } from './run-hash.js';

const CALL_KEYS = optionKeys<CallInput>({
  task: true,
  schema: true,
  page: true,
  selectors: true,
  runId: true,
  signal: true,
  artifacts: true,
});
const STREAM_KEYS = CALL_KEYS.filter((k) => k !== 'schema' && k !== 'artifacts');

/** A call ready to send. */
export type PreparedCall = {
  readonly runHash: string;
  readonly session: RedactionSession;
  readonly prompt: Prompt;
};

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '')
    throw inputError(field, `invalid input \`${field}\`: expected a non-empty string`);
  return value;
}

function checkInput(input: unknown, withSchema: boolean): CallInput {
  const name = withSchema ? 'call() input' : 'stream() input';
  const i = checkOptions(input, {
    name,
    keys: withSchema ? CALL_KEYS : STREAM_KEYS,
    path: 'input',
    error: inputError,
  });
  text(i.task, 'input.task');
  text(i.runId, 'input.runId');
  checkOptions(i.page, {
    name: 'input.page',
    keys: Object.keys(i.page ?? {}),
    path: 'input.page',
    error: inputError,
  });
  if (!Array.isArray(i.selectors) || i.selectors.length === 0) {
    throw inputError(
      'input.selectors',
      'invalid input `input.selectors`: expected a non-empty array',
    );
  }
  i.selectors.forEach((s: unknown, n: number) => {
    const sel = checkOptions(s, {
      name: 'selector',
      keys: ['name'],
      path: `input.selectors[${n}]`,
      error: inputError,
    });
    text(sel.name, `input.selectors[${n}].name`);
  });
  if (
    withSchema &&
    (typeof i.schema !== 'object' || i.schema === null || Array.isArray(i.schema))
  ) {
    throw inputError('input.schema', 'invalid input `input.schema`: expected a JSON Schema object');
  }
  if (i.artifacts !== undefined) checkArtifacts(i.artifacts);
  return i as unknown as CallInput;
}

const ARTIFACT_KEYS = ['kind', 'ext', 'contentType', 'body'];

function checkArtifacts(value: unknown): void {
  if (!Array.isArray(value) || value.length > 20) {
    throw inputError(
      'input.artifacts',
      'invalid input `input.artifacts`: expected an array of at most 20',
    );
  }
  value.forEach((a: unknown, n: number) => {
    const field = `input.artifacts[${n}]`;
    const art = checkOptions(a, {
      name: 'artifact',
      keys: ARTIFACT_KEYS,
      path: field,
      error: inputError,
    });
    if (typeof art.kind !== 'string' || !/^[a-z0-9-]{1,32}$/.test(art.kind))
      throw inputError(
        `${field}.kind`,
        `invalid input \`${field}.kind\`: expected [a-z0-9-]{1,32}`,
      );
    if (typeof art.ext !== 'string' || !/^[a-z0-9]{1,10}$/.test(art.ext))
      throw inputError(`${field}.ext`, `invalid input \`${field}.ext\`: expected [a-z0-9]{1,10}`);
    text(art.contentType, `${field}.contentType`);
    if (!(art.body instanceof Uint8Array))
      throw inputError(`${field}.body`, `invalid input \`${field}.body\`: expected a Uint8Array`);
  });
}

/**
 * Prepares a call or a stream; nothing leaves the process here.
 *
 * @param config - the guard's config
 * @param input - the caller's arguments
 * @param options - whether a schema is expected, and the system text builder
 * @returns the run hash, the session and the prompt
 * @throws {VendorContractError} unless the declared data usage is `none`
 * @throws {ContextLimitError} when the context does not fit
 * @throws {LLMGuardError} LLM_GUARD_INVALID_INPUT for malformed arguments
 */
export function prepareCall(
  config: ResolvedConfig,
  input: unknown,
  options: { readonly withSchema: boolean; readonly system: (i: CallInput) => string },
): PreparedCall & { readonly input: CallInput } {
  // The contract is checked on every call: a host that mutates its config object cannot slip past it.
  assertVendorContract(config.dataUsage, config.provider.kind);
  const checked = checkInput(input, options.withSchema);
  const session = createRedactionSession({ restoreInLinks: config.restoreInLinks });
  const snippets = minimise(checked.page, checked.selectors, config, session.redact);
  const prompt = buildPrompt({
    task: checked.task,
    snippets,
    session,
    contextMaxChars: config.contextMaxChars,
    system: options.system(checked),
  });
  return { input: checked, runHash: runHash(config.runIdKey, checked.runId), session, prompt };
}
