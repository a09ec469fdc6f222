/**
 * A local server that speaks just enough of the PostgreSQL protocol to
 * check IAM auth on the wire: it answers SSLRequest with 'S' and a TLS
 * handshake (the test CA's certificate), asks for a cleartext password,
 * records it, and answers every simple query with an empty result.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

export type FakePostgres = {
  readonly port: number;
  /** One entry per authenticated connection: the startup user and the password sent. */
  readonly logins: { user: string; password: string }[];
  close(): Promise<void>;
};

function message(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from(type), len, body]);
}
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

function readLoop(
  socket: Socket | TLSSocket,
  onMessage: (buf: Buffer) => boolean,
  startup: boolean,
): void {
  let buffer = Buffer.alloc(0);
  let first = startup;
  const onData = (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const header = first ? 0 : 1;
      if (buffer.length < header + 4) return;
      const len = buffer.readInt32BE(header);
      if (buffer.length < header + len) return;
      const msg = buffer.subarray(0, header + len);
      buffer = buffer.subarray(header + len);
      first = false;
      if (!onMessage(msg)) {
        socket.off('data', onData);
        return;
      }
    }
  };
  socket.on('data', onData);
}

function session(socket: Socket | TLSSocket, logins: FakePostgres['logins']): void {
  let user = '';
  readLoop(
    socket,
    (msg) => {
      if (user === '' && msg[0] !== 0x70) {
        const params = msg.subarray(8).toString('utf8').split('\0');
        user = params[params.indexOf('user') + 1] ?? '?';
        socket.write(message('R', int32(3))); // AuthenticationCleartextPassword
        return true;
      }
      const type = String.fromCharCode(msg[0] ?? 0);
      if (type === 'p') {
        logins.push({ user, password: msg.subarray(5, msg.length - 1).toString('utf8') });
        socket.write(
          Buffer.concat([
            message('R', int32(0)),
            message('S', Buffer.from('server_version\u000016.0\u0000')),
            message('Z', Buffer.from('I')),
          ]),
        );
      } else if (type === 'Q') {
        socket.write(
          Buffer.concat([message('C', Buffer.from('SELECT 0\0')), message('Z', Buffer.from('I'))]),
        );
      } else if (type === 'X') socket.end();
      return true;
    },
    true,
  );
}

/** Starts the fake server on 127.0.0.1, port 0, with the given TLS key and certificate. */
export async function startFakePostgres(tls: { key: string; cert: string }): Promise<FakePostgres> {
  const logins: FakePostgres['logins'] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (chunk) => {
      if (chunk.length === 8 && chunk.readInt32BE(4) === 80877103) {
        socket.write('S');
        const secure = new TLSSocket(socket, { isServer: true, key: tls.key, cert: tls.cert });
        secure.on('error', () => socket.destroy());
        session(secure, logins);
      } else {
        socket.destroy(); // plain-text connections are refused: the client must ask for TLS
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    logins,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
