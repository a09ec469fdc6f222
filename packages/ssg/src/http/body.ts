/**
 * Request bodies: bounded reading, JSON parsing, and picking the inspected
 * fields. Errors are typed and never quote the body.
 */
import type { IncomingMessage } from 'node:http';
import { isIdentityCoding } from '../common/http.js';
import { SSGError, SSGErrorCode } from '../errors.js';

/**
 * The error for a body over the limit (the adapters answer 413).
 *
 * @returns an `SSG_BODY_TOO_LARGE` error
 */
export function bodyTooLarge(): SSGError {
  return new SSGError(SSGErrorCode.BODY_TOO_LARGE, 'request body exceeds the configured limit');
}

function invalidBody(field: string, message: string): SSGError {
  return new SSGError(SSGErrorCode.INVALID_BODY, message, { field });
}

function consumedBefore(): SSGError {
  return new SSGError(SSGErrorCode.BODY_UNAVAILABLE, 'request body was consumed before the gate');
}

function unreadable(cause: unknown): SSGError {
  return new SSGError(SSGErrorCode.INVALID_BODY, 'request body could not be read', {
    field: 'body',
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * Rejects early when a declared Content-Length is over the limit.
 *
 * @param header - the Content-Length header value, if any
 * @param maxBytes - the limit
 * @throws {SSGError} SSG_BODY_TOO_LARGE
 */
export function checkContentLength(header: string | null | undefined, maxBytes: number): void {
  if (header === null || header === undefined || header === '') return;
  const declared = Number(header);
  if (Number.isFinite(declared) && declared > maxBytes) throw bodyTooLarge();
}

/**
 * Refuses a body sent with a content coding (gzip, deflate, br, …): the
 * gate reads the bytes as sent and would otherwise answer "not JSON" for
 * what is a compressed body. Absent, empty or `identity` is accepted.
 *
 * @param header - the Content-Encoding header value, if any
 * @throws {SSGError} SSG_UNSUPPORTED_ENCODING
 */
export function checkContentEncoding(header: string | null | undefined): void {
  if (isIdentityCoding(header)) return;
  throw new SSGError(
    SSGErrorCode.UNSUPPORTED_ENCODING,
    'request bodies with a Content-Encoding are not read; send the body uncompressed',
    { field: 'content-encoding' },
  );
}

/**
 * What {@link readNodeBody} does with a body over the limit: `'drain'`
 * discards the rest so the 413 answer reaches the client; `'restore'` puts
 * back what it read and leaves the stream unread for the next middleware
 * (DRY_RUN, which lets the request on, must not take its body away).
 */
export type BodyOverflow = 'drain' | 'restore';

/**
 * Reads a Node request stream up to `maxBytes`; past the limit, see {@link BodyOverflow}.
 *
 * @param req - the incoming request
 * @param maxBytes - the limit
 * @param overflow - what to do past the limit
 * @returns the bytes
 * @throws {SSGError} SSG_BODY_TOO_LARGE; SSG_INVALID_BODY when the client aborts mid-body;
 *   SSG_BODY_UNAVAILABLE when the stream was consumed before
 */
export function readNodeBody(
  req: IncomingMessage,
  maxBytes: number,
  overflow: BodyOverflow = 'drain',
): Promise<Buffer> {
  checkContentLength(req.headers['content-length'], maxBytes);
  if (req.readableEnded || req.destroyed) {
    // Someone read the stream without leaving a parsed body: we cannot see
    // the content, so we must not let it pass as if it were empty.
    return Promise.reject(consumedBefore());
  }
  return new Promise((resolve, reject) =>
    collect(req, { maxBytes, overflow }, { resolve, reject }),
  );
}

type Settle = {
  readonly resolve: (body: Buffer) => void;
  readonly reject: (error: SSGError) => void;
};

/**
 * Puts `read` back at the front of a stream that was flowing into the
 * gate, and leaves it for the next reader. `pause()` keeps the chunks that
 * have not arrived yet (a flowing stream with no listener drops them), but a
 * paused stream stays paused when a 'data' listener is added, and parsers
 * such as raw-body only add one: so it is resumed once a reader attaches.
 */
function restore(req: IncomingMessage, read: readonly Buffer[]): void {
  req.pause();
  req.unshift(Buffer.concat(read));
  const resumeForReader = (event: string | symbol): void => {
    if (event !== 'data') return;
    req.off('newListener', resumeForReader);
    // 'newListener' fires before the listener is added: resume after it is.
    process.nextTick(() => req.resume());
  };
  req.on('newListener', resumeForReader);
}

function collect(
  req: IncomingMessage,
  limit: { readonly maxBytes: number; readonly overflow: BodyOverflow },
  settle: Settle,
): void {
  const { maxBytes } = limit;
  const chunks: Buffer[] = [];
  let size = 0;
  const listeners = {
    data: (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      stop();
      if (limit.overflow === 'restore') restore(req, [...chunks, chunk]);
      else req.resume();
      settle.reject(bodyTooLarge());
    },
    end: (): void => {
      stop();
      settle.resolve(Buffer.concat(chunks, size));
    },
    error: (cause: unknown): void => {
      stop();
      settle.reject(unreadable(cause));
    },
    // A client that goes away mid-body may close the stream without an
    // 'error' (e.g. a destroy without error): settle instead of hanging.
    close: (): void => {
      stop();
      settle.reject(unreadable(undefined));
    },
  };
  const stop = (): void => {
    for (const [event, listener] of Object.entries(listeners)) req.off(event, listener);
  };
  for (const [event, listener] of Object.entries(listeners)) req.on(event, listener);
}

/**
 * Reads a Fetch API body stream up to `maxBytes`, cancelling it past the limit.
 *
 * @param stream - `request.body` (null for no body)
 * @param maxBytes - the limit
 * @returns the bytes
 * @throws {SSGError} SSG_BODY_TOO_LARGE; SSG_INVALID_BODY when the stream fails (e.g. the
 *   client aborted); SSG_BODY_UNAVAILABLE when the stream was already taken
 */
export async function readWebBody(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array> {
  if (stream === null) return new Uint8Array(0);
  if (stream.locked) throw consumedBefore();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>;
    try {
      chunk = await reader.read();
    } catch (cause) {
      // An aborted or broken upload: a typed 400, never an untyped rejection.
      throw unreadable(cause);
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Not awaited: in DRY_RUN this stream is one branch of a tee, whose cancel
      // settles only once the handler is done with the other branch. Cancelling
      // stops the buffering; a failed cancel of a body we abandon changes
      // nothing, the 413 stands.
      void reader.cancel().catch(() => undefined);
      throw bodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Parses a JSON body; an empty body is `{}`.
 *
 * @param bytes - the raw body
 * @returns the parsed value
 * @throws {SSGError} SSG_INVALID_BODY when it is not valid UTF-8, or not JSON (the
 *   parser's message, which quotes the body, is dropped)
 */
export function parseJsonBody(bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0) return {};
  let text: string;
  try {
    // fatal: invalid UTF-8 is refused, never decoded into U+FFFD and inspected as garbage.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidBody('body', 'request body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch {
    // The parser's message quotes the body, so it is not kept, not even as cause.
    throw invalidBody('body', 'request body is not valid JSON');
  }
}

/**
 * Turns a body left by another parser into a parsed JSON value: strings
 * (`express.text()`) and bytes (`express.raw()`) are parsed as JSON within
 * the limit; objects are taken as they are.
 *
 * @param body - `req.body` as found
 * @param maxBytes - the limit
 * @returns the parsed body
 * @throws {SSGError} SSG_BODY_TOO_LARGE or SSG_INVALID_BODY
 */
export function normalizeParsedBody(body: unknown, maxBytes: number): unknown {
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) return body;
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  if (bytes.byteLength > maxBytes) throw bodyTooLarge();
  return parseJsonBody(bytes);
}

function pick(body: unknown, path: readonly string[]): unknown {
  let value: unknown = body;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    if (!Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/**
 * Collects the inspected fields of a parsed body: present strings are
 * joined with a newline, absent/null fields are skipped.
 *
 * @param body - the parsed body
 * @param fields - split dotted paths
 * @param names - the same paths as written (for error fields)
 * @returns the text to inspect
 * @throws {SSGError} SSG_INVALID_BODY for a non-object body, or naming the first wrong-typed field
 */
export function collectText(
  body: unknown,
  fields: readonly (readonly string[])[],
  names: readonly string[],
): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    // A JSON array or primitive has none of the fields: refuse it rather than inspect nothing.
    throw invalidBody('body', 'request body is not a JSON object');
  }
  const parts: string[] = [];
  fields.forEach((path, i) => {
    const value = pick(body, path);
    if (value === undefined || value === null) return;
    if (typeof value !== 'string') {
      throw invalidBody(names[i] as string, 'an inspected body field is not a string');
    }
    parts.push(value);
  });
  return parts.join('\n');
}
