/**
 * OpenAI Chat Completions, and OpenAI-compatible servers (vLLM, llama.cpp,
 * Ollama): same wire format; only OpenAI itself gets `store: false`
 * (other servers may reject unknown fields).
 */
import type { SseEvent } from '../internal/sse.js';
import type { ProviderAdapter, RequestParts, StreamDelta } from './types.js';

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function firstChoice(json: unknown): unknown {
  const choices = field(json, 'choices');
  return Array.isArray(choices) ? choices[0] : undefined;
}

/**
 * Creates the OpenAI adapter.
 *
 * @param options - API key, and whether this is OpenAI itself (`store: false`)
 * @returns the adapter
 */
export function openAiAdapter(options: {
  readonly apiKey: string | undefined;
  readonly official: boolean;
}): ProviderAdapter {
  const { apiKey, official } = options;
  return {
    headers() {
      return {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...(apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` }),
      };
    },
    body(parts: RequestParts) {
      return {
        model: parts.model,
        messages: [{ role: 'system', content: parts.system }, ...parts.messages],
        max_tokens: parts.maxTokens,
        user: parts.runHash,
        ...(official ? { store: false } : {}),
        ...(parts.json ? { response_format: { type: 'json_object' } } : {}),
        ...(parts.stream ? { stream: true } : {}),
      };
    },
    answerText(json: unknown) {
      const content = field(field(firstChoice(json), 'message'), 'content');
      return typeof content === 'string' ? content : undefined;
    },
    streamDelta(event: SseEvent): StreamDelta {
      if (event.data === '[DONE]') return { done: true };
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        return { error: true };
      }
      if (field(json, 'error') !== undefined) return { error: true };
      const text = field(field(firstChoice(json), 'delta'), 'content');
      return typeof text === 'string' ? { text } : {};
    },
  };
}
