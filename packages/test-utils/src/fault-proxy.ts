import {
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What a {@link FaultProxy} does with each request:
 * - `pass`: forwards it to the target and streams the answer back;
 * - `error`: reads the request, answers `503` with an S3-style XML error
 *   (`ServiceUnavailable`), never reaching the target;
 * - `hang`: reads the request and never answers (the connection stays open
 *   until the client gives up or the proxy closes);
 * - `reset`: destroys the connection without an answer.
 */
export type FaultMode = 'pass' | 'error' | 'hang' | 'reset';

/** A running fault-injecting HTTP proxy. */
export type FaultProxy = {
  /** `http://127.0.0.1:<port>`: give this to the client instead of the target. */
  readonly url: string;
  readonly port: number;
  /** The mode now in force. */
  mode(): FaultMode;
  /** Switches the mode for requests that arrive from now on (hung requests stay hung). */
  setMode(mode: FaultMode): void;
  /** Requests seen per mode since the proxy started. */
  counts(): Readonly<Record<FaultMode, number>>;
  /** Stops listening and destroys every open connection (hung ones included). */
  close(): Promise<void>;
};

/** Options of {@link startFaultProxy}. */
export type FaultProxyOptions = {
  /** Where `pass` forwards to, e.g. `http://127.0.0.1:4568`. */
  readonly target: string;
  /** @default 'pass' */
  readonly mode?: FaultMode;
};

const ERROR_BODY =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>ServiceUnavailable</Code>' +
  '<Message>injected fault</Message></Error>';

function forward(target: URL, req: IncomingMessage, res: ServerResponse): void {
  const upstream = request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target.host },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  // The target being down is the client's to see: a reset, as if it had connected directly.
  upstream.on('error', () => req.socket.destroy());
  req.pipe(upstream);
}

function answerError(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  req.on('end', () => {
    res.writeHead(503, { 'content-type': 'application/xml', 'content-length': ERROR_BODY.length });
    res.end(ERROR_BODY);
  });
}

/**
 * Starts an HTTP proxy on a free loopback port that forwards to `target`,
 * or injects a fault, per its current {@link FaultMode}. Used in front of an
 * S3 server to make it answer errors or hang without touching the server.
 *
 * @param opts - the target and the starting mode
 * @returns the proxy; switch faults with `setMode`
 */
export async function startFaultProxy(opts: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(opts.target);
  let current: FaultMode = opts.mode ?? 'pass';
  const counts: Record<FaultMode, number> = { pass: 0, error: 0, hang: 0, reset: 0 };
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    counts[current] += 1;
    if (current === 'pass') forward(target, req, res);
    else if (current === 'error') answerError(req, res);
    else if (current === 'reset') req.socket.destroy();
    else req.resume(); // hang: read the body so the client finishes sending, answer nothing
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    mode: () => current,
    setMode(mode) {
      current = mode;
    },
    counts: () => ({ ...counts }),
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
