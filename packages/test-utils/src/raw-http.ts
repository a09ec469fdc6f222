import { request as httpRequest } from 'node:http';

/** One raw HTTP request, sent byte for byte as given. */
export type RawRequest = {
  /** Base URL of the server, e.g. `http://127.0.0.1:PORT` (only host and port are used). */
  readonly url: string;
  readonly method: string;
  /**
   * The request target, sent as is except for bytes Node's client refuses
   * (spaces, controls, non-ASCII), which are percent-encoded: `..`, `%2e%2e`,
   * `%2F`, `%00` and long ids reach the server unchanged.
   */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent with its exact length (invalid UTF-8 stays invalid). */
  readonly body?: Buffer | undefined;
};

/** What came back: status, content type and the body as UTF-8 text. */
export type RawReply = {
  readonly status: number;
  /** The `content-type` header, or `''`. */
  readonly type: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
};

/** Percent-encodes the UTF-8 bytes of a character (a lone surrogate becomes U+FFFD's). */
function percentEncode(c: string): string {
  return [...Buffer.from(c, 'utf8')]
    .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

/**
 * Sends one request over a fresh socket with `node:http`, without the
 * normalisation `fetch` applies (path dot-segments, body encoding), so
 * fuzzing tests see what the server does with hostile bytes. Shared by the
 * security suites of the packages and the example app.
 */
export function sendRaw(request: RawRequest): Promise<RawReply> {
  const url = new URL(request.url);
  const body = request.body;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path.replace(/[^\x21-\x7e]/gu, percentEncode),
        headers: {
          ...request.headers,
          ...(body ? { 'content-length': String(body.length) } : {}),
        },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
