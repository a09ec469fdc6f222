/**
 * Plain Node HTTP helpers for the router, so it runs the same under
 * Express 4 and 5 (and bare `node:http`): body reading with a size cap,
 * JSON and error answers, query parsing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody, IDENTITY_ONLY_HEADERS, isIdentityCoding } from '@clawexchange/ssg/common';
import {
  isModerationError,
  MODERATION_HTTP_STATUS,
  ModerationError,
  ModerationErrorCode,
} from '../errors.js';

/** Headers on every answer: nothing here may be cached or sniffed. */
const BASE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function setHeaders(res: ServerResponse, headers: Readonly<Record<string, string>>): void {
  for (const [k, v] of Object.entries({ ...BASE_HEADERS, ...headers })) res.setHeader(k, v);
}

/** Sends `body` as JSON. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  setHeaders(res, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

/** Sends text with the given content type and extra headers. */
export function sendText(
  res: ServerResponse,
  opts: {
    readonly status: number;
    readonly contentType: string;
    readonly body: string;
    readonly headers?: Readonly<Record<string, string>>;
  },
): void {
  res.statusCode = opts.status;
  setHeaders(res, { 'Content-Type': opts.contentType, ...(opts.headers ?? {}) });
  res.end(opts.body);
}

/**
 * Answers an error with the family's body. Unknown errors become
 * MODERATION_UPSTREAM_FAILED; no stack or cause ever leaves.
 *
 * @returns the error as sent
 */
export function sendError(res: ServerResponse, e: unknown): ModerationError {
  const err = isModerationError(e)
    ? e
    : new ModerationError(ModerationErrorCode.UPSTREAM_FAILED, 'the moderation service failed', {
        cause: e,
      });
  const fields = { ...err.details, ...(err.field === undefined ? {} : { field: err.field }) };
  // RFC 9110 §15.5.16: a 415 for a content coding says which coding would be read.
  const headers =
    err.code === ModerationErrorCode.UNSUPPORTED_ENCODING ? IDENTITY_ONLY_HEADERS : {};
  sendJson(
    res,
    MODERATION_HTTP_STATUS[err.code],
    errorBody(err.code, err.message, fields),
    headers,
  );
  return err;
}

/** The request's path (relative to the router's mount) and query. */
export function parseUrl(req: IncomingMessage): {
  path: string;
  query: Record<string, string | string[]>;
} {
  const url = new URL(req.url ?? '/', 'http://moderation.invalid');
  const query: Record<string, string | string[]> = Object.create(null);
  for (const [k, v] of url.searchParams) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return { path: url.pathname, query: { ...query } };
}

function malformed(message: string): ModerationError {
  return new ModerationError(ModerationErrorCode.MALFORMED_BODY, message);
}

/**
 * Reads a JSON body. A body the host already parsed (e.g. `express.json()`)
 * is used as is; otherwise the stream is read up to `maxBytes`.
 *
 * @throws {ModerationError} MODERATION_MALFORMED_BODY, MODERATION_UNSUPPORTED_ENCODING,
 *   MODERATION_BODY_TOO_LARGE
 */
export async function readJson(
  req: IncomingMessage & { body?: unknown },
  maxBytes: number,
): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (type !== 'application/json')
    throw malformed('expected a JSON body (Content-Type: application/json)');
  if (req.readableEnded || req.body !== undefined) {
    if (req.body === undefined || req.body === null)
      throw malformed('request body is not valid JSON');
    return req.body;
  }
  if (!isIdentityCoding(req.headers['content-encoding'])) {
    // The router does not inflate: a compressed body would read as "not valid JSON".
    throw new ModerationError(
      ModerationErrorCode.UNSUPPORTED_ENCODING,
      'unsupported content encoding: send the body uncompressed',
      { field: 'content-encoding' },
    );
  }
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > maxBytes)
    throw new ModerationError(ModerationErrorCode.BODY_TOO_LARGE, 'request body is too large', {
      details: { maxBytes },
    });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes) {
      throw new ModerationError(ModerationErrorCode.BODY_TOO_LARGE, 'request body is too large', {
        details: { maxBytes },
      });
    }
    chunks.push(buf);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    // The parser's message would echo the body; ours is constant.
    throw malformed('request body is not valid JSON');
  }
}

/** The client address for the audit row (masked by the audit log). */
export function clientIp(req: IncomingMessage & { ip?: unknown }): string | undefined {
  if (typeof req.ip === 'string' && req.ip !== '') return req.ip;
  return req.socket.remoteAddress ?? undefined;
}
