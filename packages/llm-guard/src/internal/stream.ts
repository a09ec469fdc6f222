/**
 * A streamed call: server-sent events in, restored text chunks out, with
 * placeholders restored across chunk boundaries.
 */
import { LLMGuardError, LLMGuardErrorCode } from '../errors.js';
import type { ProviderAdapter } from '../providers/types.js';
import type { StreamChunk } from '../types.js';
import type { PreparedCall } from './prepare.js';
import type { ResolvedConfig } from './resolve-config.js';
import { readSse } from './sse.js';
import { createStreamRestorer } from './stream-restorer.js';
import { sendWithRetry } from './transport.js';

const MAX_EVENT_CHARS = 1024 * 1024;

/** What a failure while reading the stream means: the caller's abort, the timeout, or a broken stream. */
function midStreamError(cause: unknown, signal: AbortSignal | undefined): LLMGuardError {
  if (cause instanceof LLMGuardError) return cause;
  if (signal?.aborted === true) {
    return new LLMGuardError(LLMGuardErrorCode.ABORTED, 'llm-guard: the call was aborted', {
      cause,
    });
  }
  if ((cause as { name?: unknown } | null)?.name === 'TimeoutError') {
    // The per-attempt timeout also bounds reading the stream.
    return new LLMGuardError(
      LLMGuardErrorCode.VENDOR_TIMEOUT,
      'llm-guard: the vendor did not answer in time',
      { cause },
    );
  }
  return invalid(cause);
}

/** Counters a finished stream reports. */
export type StreamStats = { attempts: number; answerChars: number };

function invalid(cause?: unknown): LLMGuardError {
  return new LLMGuardError(
    LLMGuardErrorCode.VENDOR_RESPONSE_INVALID,
    'llm-guard: the vendor stream is not its wire format',
    cause === undefined ? {} : { cause },
  );
}

/**
 * Streams the answer of a prepared call.
 *
 * @param deps - config and adapter
 * @param call - the prepared call and the caller's signal
 * @param stats - filled in as the stream goes
 * @returns restored chunks; never part of a placeholder
 * @throws {LLMGuardError} transport errors, VENDOR_RESPONSE_INVALID on a broken stream
 */
export async function* runStream(
  deps: { config: ResolvedConfig; adapter: ProviderAdapter },
  call: PreparedCall & { signal: AbortSignal | undefined },
  stats: StreamStats,
): AsyncGenerator<StreamChunk> {
  const { config, adapter } = deps;
  const body = adapter.body({
    model: config.provider.model,
    maxTokens: config.provider.maxTokens,
    system: call.prompt.system,
    messages: [{ role: 'user', content: call.prompt.user }],
    runHash: call.runHash,
    stream: true,
    json: false,
  });
  const { response, attempts } = await sendWithRetry(config, {
    headers: adapter.headers(),
    body: JSON.stringify(body),
    signal: call.signal,
  });
  stats.attempts = attempts;
  if (response.body === null) throw invalid();
  const restorer = createStreamRestorer((text, context) => call.session.restore(text, { context }));
  try {
    for await (const event of readSse(response.body, MAX_EVENT_CHARS)) {
      const delta = adapter.streamDelta(event);
      if (delta.error === true) throw invalid();
      if (delta.text !== undefined && delta.text !== '') {
        stats.answerChars += delta.text.length;
        const text = restorer.push(delta.text);
        if (text !== '') yield { text };
      }
      if (delta.done === true) break;
    }
  } catch (cause) {
    throw midStreamError(cause, call.signal);
  }
  const rest = restorer.end();
  if (rest !== '') yield { text: rest };
}
