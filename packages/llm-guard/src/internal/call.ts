/**
 * One non-streamed call: send, read the answer, validate it against the
 * schema (one repair retry), restore placeholders in its strings.
 */
import type { ValidateFunction } from 'ajv';
import { LLMGuardError, LLMGuardErrorCode } from '../errors.js';
import type { ChatMessage, ProviderAdapter } from '../providers/types.js';
import { mapStrings, type OutputValidator } from './output.js';
import type { PreparedCall } from './prepare.js';
import type { ResolvedConfig } from './resolve-config.js';
import { sendWithRetry } from './transport.js';

/** Largest vendor answer read, in characters. */
const MAX_ANSWER_CHARS = 4 * 1024 * 1024;

/** What a call produced. */
export type CallOutcome = {
  readonly output: unknown;
  /** The schema-valid answer before restoration (what is kept: placeholders, no values). */
  readonly redactedOutput: unknown;
  readonly attempts: number;
  readonly repaired: boolean;
  readonly answerChars: number;
};

async function askOnce(
  deps: { config: ResolvedConfig; adapter: ProviderAdapter },
  call: PreparedCall & { signal: AbortSignal | undefined },
  messages: readonly ChatMessage[],
): Promise<{ text: string; attempts: number }> {
  const { config, adapter } = deps;
  const body = adapter.body({
    model: config.provider.model,
    maxTokens: config.provider.maxTokens,
    system: call.prompt.system,
    messages,
    runHash: call.runHash,
    stream: false,
    json: true,
  });
  const { response, attempts } = await sendWithRetry(config, {
    headers: adapter.headers(),
    body: JSON.stringify(body),
    signal: call.signal,
  });
  const raw = await response.text();
  let json: unknown;
  try {
    if (raw.length > MAX_ANSWER_CHARS) throw new RangeError('answer too long');
    json = JSON.parse(raw);
  } catch (cause) {
    throw new LLMGuardError(
      LLMGuardErrorCode.VENDOR_RESPONSE_INVALID,
      'llm-guard: the vendor answer is not its wire format',
      { cause },
    );
  }
  const text = adapter.answerText(json);
  if (text === undefined) {
    throw new LLMGuardError(
      LLMGuardErrorCode.VENDOR_RESPONSE_INVALID,
      'llm-guard: the vendor answer is not its wire format',
    );
  }
  return { text, attempts };
}

/**
 * Runs the call with one repair retry.
 *
 * @param deps - config, adapter, validator
 * @param call - the prepared call, the compiled schema and the caller's signal
 * @returns the restored output and counters
 * @throws {LLMGuardError} OUTPUT_INVALID after the repair retry; transport errors as they come
 */
export async function runCall(
  deps: { config: ResolvedConfig; adapter: ProviderAdapter; validator: OutputValidator },
  call: PreparedCall & { signal: AbortSignal | undefined; validate: ValidateFunction },
): Promise<CallOutcome> {
  const messages: ChatMessage[] = [{ role: 'user', content: call.prompt.user }];
  const first = await askOnce(deps, call, messages);
  let attempts = first.attempts;
  let checked = deps.validator.check(first.text, call.validate);
  let answerChars = first.text.length;
  let repaired = false;
  if (!checked.ok) {
    // The model sees its own (redacted) answer and the schema paths that failed; no values.
    messages.push(
      { role: 'assistant', content: first.text },
      {
        role: 'user',
        content: `That answer is invalid (${checked.problems}). Reply again with only the JSON object.`,
      },
    );
    const second = await askOnce(deps, call, messages);
    attempts += second.attempts;
    answerChars = second.text.length;
    checked = deps.validator.check(second.text, call.validate);
    repaired = true;
  }
  if (!checked.ok) {
    throw new LLMGuardError(
      LLMGuardErrorCode.OUTPUT_INVALID,
      'llm-guard: the answer does not match the schema after a repair retry',
    );
  }
  const output = mapStrings(checked.value, (s) => call.session.restore(s));
  return { output, redactedOutput: checked.value, attempts, repaired, answerChars };
}
