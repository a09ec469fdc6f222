/**
 * A real local HTTP server on 127.0.0.1 (port 0) that speaks the OpenAI
 * Chat Completions (`/v1/chat/completions`) and Anthropic Messages
 * (`/v1/messages`) wire formats, streaming included. Tests script its
 * replies and assert on the exact request bytes it received.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** One request the fake vendor received, byte for byte. */
export type RecordedVendorRequest = {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The raw body, as received. */
  readonly body: string;
};

/** A scripted reply. */
export type FakeVendorReply =
  /** A successful answer whose text is `text`, in the wire format of the request path. */
  | { readonly kind: 'answer'; readonly text: string }
  /** A streamed answer: one server-sent event per delta; `split` cuts the bytes into these raw writes. */
  | { readonly kind: 'stream'; readonly deltas: readonly string[] }
  /** Any status, headers and body (errors, 429 with Retry-After, redirects). */
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly body?: string;
    }
  /** Never answers (until the client gives up). */
  | { readonly kind: 'hang' };

/** The running fake vendor. */
export type FakeLLMVendor = {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** `<origin>/v1/chat/completions` */
  readonly openAiUrl: string;
  /** `<origin>/v1/messages` */
  readonly anthropicUrl: string;
  /** Every request received, in order. */
  readonly requests: RecordedVendorRequest[];
  /** Queues replies, used in order; an empty queue answers 500. */
  enqueue(...replies: FakeVendorReply[]): void;
  /** Stops the server. */
  close(): Promise<void>;
};

function isAnthropic(path: string): boolean {
  return path.startsWith('/v1/messages');
}

function answerBody(path: string, text: string): string {
  if (isAnthropic(path)) {
    return JSON.stringify({
      id: 'msg_fake',
      type: 'message',
      role: 'assistant',
      model: 'fake',
      content: [{ type: 'text', text }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 1, output_tokens: 1 },
    });
  }
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    model: 'fake',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
  });
}

/** The server-sent events of a streamed answer, one string per event. */
export function streamEvents(path: string, deltas: readonly string[]): string[] {
  if (isAnthropic(path)) {
    return [
      'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_fake","type":"message","role":"assistant","content":[]}}\n\n',
      'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n',
      ...deltas.map(
        (d) =>
          `event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: d } })}\n\n`,
      ),
      'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n',
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    ];
  }
  return [
    ...deltas.map(
      (d) =>
        `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: d } }] })}\n\n`,
    ),
    'data: [DONE]\n\n',
  ];
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function reply(res: ServerResponse, path: string, next: FakeVendorReply | undefined): void {
  if (next === undefined) {
    res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"no reply scripted"}');
    return;
  }
  if (next.kind === 'hang') return;
  if (next.kind === 'status') {
    res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
    res.end(next.body ?? '{"error":{"message":"scripted"}}');
    return;
  }
  if (next.kind === 'answer') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(answerBody(path, next.text));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const event of streamEvents(path, next.deltas)) res.write(event);
  res.end();
}

/**
 * Starts the fake vendor on 127.0.0.1, port 0.
 *
 * @returns the running vendor
 */
export async function startFakeLLMVendor(): Promise<FakeLLMVendor> {
  const queue: FakeVendorReply[] = [];
  const requests: RecordedVendorRequest[] = [];
  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => {
        const path = req.url ?? '/';
        requests.push({ method: req.method ?? '', path, headers: { ...req.headers }, body });
        reply(res, path, queue.shift());
      },
      () => res.writeHead(400).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    openAiUrl: `${origin}/v1/chat/completions`,
    anthropicUrl: `${origin}/v1/messages`,
    requests,
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/**
 * Starts one fake vendor for the calling test file (vitest `beforeAll`), closes
 * it after the file, and forgets its recorded requests after each test.
 *
 * @returns a getter for the running vendor (valid inside tests and hooks)
 */
export function useFakeLLMVendor(): () => FakeLLMVendor {
  let vendor: FakeLLMVendor | undefined;
  beforeAll(async () => {
    vendor = await startFakeLLMVendor();
  });
  afterAll(async () => {
    await vendor?.close();
  });
  afterEach(() => {
    if (vendor !== undefined) vendor.requests.length = 0;
  });
  return () => {
    if (vendor === undefined) throw new Error('useFakeLLMVendor: the vendor starts in beforeAll');
    return vendor;
  };
}
