/**
 * Anthropic Messages API: `x-api-key`, `anthropic-version`, `system` as a
 * top-level field, the run hash as `metadata.user_id`.
 */
import type { SseEvent } from '../internal/sse.js';
import type { ProviderAdapter, RequestParts, StreamDelta } from './types.js';

/** The API version the guard speaks. */
export const ANTHROPIC_VERSION = '2023-06-01';

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Creates the Anthropic adapter.
 *
 * @param options - API key
 * @returns the adapter
 */
export function anthropicAdapter(options: {
  readonly apiKey: string | undefined;
}): ProviderAdapter {
  const { apiKey } = options;
  return {
    headers() {
      return {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'anthropic-version': ANTHROPIC_VERSION,
        ...(apiKey === undefined ? {} : { 'x-api-key': apiKey }),
      };
    },
    body(parts: RequestParts) {
      return {
        model: parts.model,
        max_tokens: parts.maxTokens,
        system: parts.system,
        messages: parts.messages,
        metadata: { user_id: parts.runHash },
        ...(parts.stream ? { stream: true } : {}),
      };
    },
    answerText(json: unknown) {
      const content = field(json, 'content');
      if (!Array.isArray(content)) return undefined;
      const texts = content.filter((b) => field(b, 'type') === 'text').map((b) => field(b, 'text'));
      return texts.length > 0 && texts.every((t) => typeof t === 'string')
        ? texts.join('')
        : undefined;
    },
    streamDelta(event: SseEvent): StreamDelta {
      if (event.event === 'message_stop') return { done: true };
      if (event.event === 'error') return { error: true };
      if (event.event !== 'content_block_delta') return {};
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        return { error: true };
      }
      const delta = field(json, 'delta');
      const text = field(delta, 'text');
      return field(delta, 'type') === 'text_delta' && typeof text === 'string' ? { text } : {};
    },
  };
}
