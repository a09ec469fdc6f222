import type { SseEvent } from '../internal/sse.js';

/** One chat message the guard sends (already redacted). */
export type ChatMessage = { readonly role: 'user' | 'assistant'; readonly content: string };

/** What a provider adapter turns into a request body. */
export type RequestParts = {
  readonly model: string;
  readonly maxTokens: number;
  readonly system: string;
  readonly messages: readonly ChatMessage[];
  /** Keyed hash of the run id; the raw id is never sent. */
  readonly runHash: string;
  readonly stream: boolean;
  /** Ask for a JSON object answer (non-streaming calls). */
  readonly json: boolean;
};

/** What a streamed event means. */
export type StreamDelta = {
  readonly text?: string;
  readonly done?: boolean;
  readonly error?: boolean;
};

/** One vendor wire format. */
export type ProviderAdapter = {
  /** Request headers (the key stays in the adapter's closure). */
  headers(): Record<string, string>;
  /** The JSON request body. */
  body(parts: RequestParts): Record<string, unknown>;
  /** The answer text of a non-streamed response, or undefined when the shape is wrong. */
  answerText(json: unknown): string | undefined;
  /** The meaning of one server-sent event. */
  streamDelta(event: SseEvent): StreamDelta;
};
