import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * What a {@link TcpFaultProxy} does with connections:
 * - `pass`: new connections are forwarded to the target;
 * - `blackhole`: every open connection goes silent for good (nothing more is
 *   forwarded either way, nothing is closed: a peer that vanished without a
 *   FIN, as in a failover or a partition), and new connections are accepted
 *   and stay silent too. Switching back to `pass` forwards new connections
 *   only; the silenced ones stay dead until the client drops them;
 * - `reset`: every open connection is destroyed, and new ones are destroyed on arrival.
 */
export type TcpFaultMode = 'pass' | 'blackhole' | 'reset';

/** A running fault-injecting TCP proxy. */
export type TcpFaultProxy = {
  /** The loopback port to connect to instead of the target's. */
  readonly port: number;
  mode(): TcpFaultMode;
  /** Switches the mode; `blackhole` and `reset` also act on open connections. */
  setMode(mode: TcpFaultMode): void;
  /** Connections silenced by `blackhole` since the proxy started. */
  silenced(): number;
  /** Stops listening and destroys every connection. */
  close(): Promise<void>;
};

type Pair = { readonly client: Socket; upstream: Socket | undefined; silent: boolean };

function silence(pair: Pair): void {
  pair.silent = true;
  const { client, upstream } = pair;
  if (upstream !== undefined) {
    client.unpipe(upstream);
    upstream.unpipe(client);
    upstream.pause();
    // A silent peer never says goodbye: the client is not told if the target closes.
    upstream.removeAllListeners('close');
  }
  client.pause();
}

/**
 * Starts a TCP proxy on a free loopback port in front of `target` (e.g. a
 * PostgreSQL or Redis port), to make its connections go silent or reset
 * without stopping the server.
 *
 * @param opts - the target's host and port, and the starting mode
 * @returns the proxy; switch faults with `setMode`
 */
export async function startTcpFaultProxy(opts: {
  readonly host: string;
  readonly port: number;
  readonly mode?: TcpFaultMode;
}): Promise<TcpFaultProxy> {
  let current: TcpFaultMode = opts.mode ?? 'pass';
  let silenced = 0;
  const pairs = new Set<Pair>();
  const server: Server = createServer((client) => {
    const pair: Pair = { client, upstream: undefined, silent: false };
    pairs.add(pair);
    client.on('error', () => undefined);
    client.on('close', () => {
      pairs.delete(pair);
      pair.upstream?.destroy();
    });
    if (current === 'reset') {
      client.destroy();
      return;
    }
    if (current === 'blackhole') {
      silenced++;
      silence(pair);
      return;
    }
    const upstream = connect(opts.port, opts.host);
    pair.upstream = upstream;
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no proxy port');
  return {
    port: address.port,
    mode: () => current,
    setMode(mode) {
      current = mode;
      for (const pair of pairs) {
        if (mode === 'reset') pair.client.destroy();
        if (mode === 'blackhole' && !pair.silent) {
          silenced++;
          silence(pair);
        }
      }
    },
    silenced: () => silenced,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream?.destroy();
      }
      await closed;
    },
  };
}
