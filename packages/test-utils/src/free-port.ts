import { createServer } from 'node:net';

/**
 * Asks the kernel for a free TCP port on the loopback interface.
 *
 * The port is released before it is returned, so another process could take
 * it in between; the services started here bind immediately after, which
 * keeps that window to a few milliseconds.
 *
 * @returns a port number that was free a moment ago on 127.0.0.1
 */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port the kernel assigned'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
