import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { ServiceUnavailableError } from './service-error.js';
import { waitUntil } from './wait-until.js';

/** One node of a {@link RunningRedisCluster}. */
export type ClusterNode = { readonly host: '127.0.0.1'; readonly port: number };

/** A running Redis Cluster on loopback ports, started from Debian's `redis-server`. */
export type RunningRedisCluster = {
  /** Every node, masters first as created. */
  readonly nodes: readonly ClusterNode[];
  /** The nodes currently serving as masters (asked from the cluster). */
  masters(): Promise<ClusterNode[]>;
  /** Kills one node at once (SIGKILL), as a crashed master would go. */
  kill(node: ClusterNode): Promise<void>;
  /** Waits until a replica has replaced the killed master `node` and every slot is served again. */
  awaitFailover(node: ClusterNode, timeoutMs?: number): Promise<void>;
  /** Restarts a killed node on its port with its cluster state; it rejoins as a replica. */
  restart(node: ClusterNode): Promise<void>;
  /** Waits until the cluster reports `cluster_state:ok` with every slot served. */
  waitHealthy(timeoutMs?: number): Promise<void>;
  /** Stops every node and removes their directories. */
  stop(): Promise<void>;
};

const HINT =
  '`redis-server` and `redis-cli` were not found on PATH (Debian: `apt-get install -y redis-server`).';

/** A port p with p and its cluster bus port p + 10000 both free on 127.0.0.1. */
async function freeClusterPort(taken: ReadonlySet<number>): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if (taken.has(port) || taken.has(port + 10_000)) continue;
    if ((await portFree(port)) && (await portFree(port + 10_000))) return port;
  }
  throw new ServiceUnavailableError('redis', 'no free port pair for a Redis Cluster node');
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function spawnNode(dir: string, port: number): ChildProcess {
  return spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      'nodes.conf',
      '--cluster-node-timeout',
      '1000',
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { cwd: dir, stdio: 'ignore' },
  );
}

/** Runs `fn` on a one-off client of the node on `port` (no retries), then disconnects. */
async function onNode<T>(port: number, fn: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    retryStrategy: () => null,
  });
  // Connection errors surface through connect()'s rejection; the listener only silences repeats.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await fn(client);
  } finally {
    client.disconnect();
  }
}

async function ping(port: number): Promise<void> {
  await onNode(port, (client) => client.ping());
}

async function clusterInfo(port: number, command: 'INFO' | 'NODES'): Promise<string> {
  return onNode(port, async (client) => String(await client.call('CLUSTER', command)));
}

async function replicasInSync(nodes: readonly ClusterNode[]): Promise<void> {
  for (const node of nodes) {
    const info = await onNode(node.port, (client) => client.info('replication'));
    if (info.includes('role:slave') && !info.includes('master_link_status:up')) {
      throw new Error('a replica has not synced yet');
    }
  }
}

/**
 * Starts a Redis Cluster of `masters` masters with `replicas` replicas each
 * on loopback ports (node timeout 1 s, no persistence), and waits until every
 * slot is served.
 *
 * @param opts - masters (default 3) and replicas per master (default 1)
 * @returns the cluster's nodes and controls for fault tests
 * @throws {ServiceUnavailableError} when redis-server/redis-cli are missing or the cluster does not form
 */
export async function startRedisCluster(
  opts: { masters?: number; replicas?: number } = {},
): Promise<RunningRedisCluster> {
  if (spawnSync('redis-cli', ['--version']).error !== undefined) {
    throw new ServiceUnavailableError('redis', HINT);
  }
  const masters = opts.masters ?? 3;
  const replicas = opts.replicas ?? 1;
  const root = await mkdtemp(join(tmpdir(), 'claw-redis-cluster-'));
  const taken = new Set<number>();
  const nodes: ClusterNode[] = [];
  const children = new Map<number, ChildProcess>();
  for (let i = 0; i < masters * (1 + replicas); i++) {
    const port = await freeClusterPort(taken);
    taken.add(port);
    taken.add(port + 10_000);
    const dir = join(root, String(port));
    await mkdir(dir);
    children.set(port, spawnNode(dir, port));
    nodes.push({ host: '127.0.0.1', port });
  }

  async function stopAll(): Promise<void> {
    await Promise.all(
      [...children.values()].map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }),
    );
    await rm(root, { recursive: true, force: true });
  }

  async function waitHealthy(timeoutMs = 30_000): Promise<void> {
    await waitUntil(
      async () => {
        for (const node of nodes) {
          const child = children.get(node.port);
          if (child === undefined || child.exitCode !== null || child.signalCode !== null) continue;
          const info = await clusterInfo(node.port, 'INFO');
          if (!info.includes('cluster_state:ok') || !info.includes('cluster_slots_ok:16384')) {
            throw new Error('cluster not healthy yet');
          }
        }
      },
      { timeoutMs },
    );
  }

  async function liveMasters(): Promise<ClusterNode[]> {
    const alive = nodes.find((n) => {
      const c = children.get(n.port);
      return c !== undefined && c.exitCode === null && c.signalCode === null;
    });
    if (alive === undefined) return [];
    const lines = (await clusterInfo(alive.port, 'NODES')).split('\n');
    // `<id> <host:port@bus> <flags,...> ...`: a live master has `master` and no `fail` flag.
    return lines
      .map((line) => line.split(' '))
      .filter(([, , flags = '']) => {
        const set = flags.split(',');
        return set.includes('master') && !set.includes('fail') && !set.includes('fail?');
      })
      .map(([, address = '']) => ({
        host: '127.0.0.1' as const,
        port: Number(/:(\d+)@/.exec(address)?.[1]),
      }));
  }

  try {
    await waitUntil(async () => Promise.all(nodes.map((n) => ping(n.port))), {
      timeoutMs: 15_000,
    });
    const created = spawnSync(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...nodes.map((n) => `${n.host}:${n.port}`),
        '--cluster-replicas',
        String(replicas),
        '--cluster-yes',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (created.status !== 0) throw new Error('redis-cli --cluster create failed');
    await waitHealthy();
    // A replica that never synced refuses to take over: wait until each one has.
    await waitUntil(() => replicasInSync(nodes), { timeoutMs: 30_000 });
  } catch (cause) {
    await stopAll();
    throw new ServiceUnavailableError('redis', 'the Redis Cluster did not form', { cause });
  }

  return {
    nodes,
    masters: liveMasters,
    async kill(node) {
      const child = children.get(node.port);
      if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
    async awaitFailover(node, timeoutMs = 60_000) {
      await waitUntil(
        async () => {
          const live = await liveMasters();
          if (live.some((m) => m.port === node.port) || live.length < masters) {
            throw new Error('no replica has taken over yet');
          }
        },
        { timeoutMs },
      );
      await waitHealthy(timeoutMs);
    },
    async restart(node) {
      children.set(node.port, spawnNode(join(root, String(node.port)), node.port));
      await waitUntil(() => ping(node.port), { timeoutMs: 15_000 });
    },
    waitHealthy,
    stop: stopAll,
  };
}
