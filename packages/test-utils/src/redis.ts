import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { findFreePort } from './free-port.js';
import { ServiceUnavailableError } from './service-error.js';
import { waitUntil } from './wait-until.js';

/** A running Redis server and how to stop it. */
export type RunningRedis = {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** The port it listens on (for tests that restart it on the same port). */
  readonly port: number;
  /** Stops the server (no-op when it was given through REDIS_URL). */
  stop(): Promise<void>;
};

const INSTALL_HINT =
  '`redis-server` was not found on PATH. Install Redis 7+ (Debian/Ubuntu: ' +
  '`sudo apt-get update && sudo apt-get install -y redis-server`; macOS: `brew install redis`), ' +
  'or set REDIS_URL to a running Redis 7+ server.';

/**
 * Starts `redis-server` from PATH on a free (or the given) loopback port,
 * without persistence, in a temporary directory.
 *
 * @param opts - `port` to reuse a port, e.g. when a test restarts Redis
 * @returns the URL, the port and a `stop` function
 * @throws {ServiceUnavailableError} when redis-server is missing or does not answer
 */
export async function startRedis(opts: { port?: number } = {}): Promise<RunningRedis> {
  if (spawnSync('redis-server', ['--version']).error !== undefined) {
    throw new ServiceUnavailableError('redis', INSTALL_HINT);
  }
  const dir = await mkdtemp(join(tmpdir(), 'claw-redis-'));
  const port = opts.port ?? (await findFreePort());
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { cwd: dir, stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  try {
    await waitUntil(() => pingOnce(url), { timeoutMs: 15_000 });
  } catch (cause) {
    child.kill('SIGKILL');
    throw new ServiceUnavailableError('redis', `redis-server did not answer on port ${port}`, {
      cause,
    });
  }
  return {
    url,
    port,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Uses REDIS_URL when set, else starts `redis-server` from PATH.
 *
 * @throws {ServiceUnavailableError} with install instructions when neither works
 */
export async function useRedis(env: NodeJS.ProcessEnv = process.env): Promise<RunningRedis> {
  const given = env.REDIS_URL;
  if (given === undefined || given === '') return startRedis();
  try {
    await waitUntil(() => pingOnce(given), { timeoutMs: 10_000 });
  } catch (cause) {
    throw new ServiceUnavailableError(
      'redis',
      'REDIS_URL is set but the server does not answer; start it or unset REDIS_URL.',
      { cause },
    );
  }
  return { url: given, port: Number(new URL(given).port || 6379), stop: async () => undefined };
}

async function pingOnce(url: string): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // Connection errors surface through connect()'s rejection; the listener
  // only stops ioredis from reporting them a second time as unhandled.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } finally {
    client.disconnect();
  }
}
