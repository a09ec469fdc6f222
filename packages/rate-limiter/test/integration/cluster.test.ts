import { type RunningRedisCluster, startRedisCluster, waitUntil } from '@clawexchange/test-utils';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, type RateLimitResult } from '../../src/index.js';
import { recordingLogger, recordingMeter } from './helpers.js';

// A real 3-master Redis Cluster (one replica each) from Debian's redis-server on loopback ports.
let cluster: RunningRedisCluster;
let client: Cluster;

beforeAll(async () => {
  cluster = await startRedisCluster({ masters: 3, replicas: 1 });
  client = new Cluster(
    cluster.nodes.map((n) => ({ host: n.host, port: n.port })),
    {
      redisOptions: { maxRetriesPerRequest: 1 },
      clusterRetryStrategy: () => 100,
      // Re-read the slot map every second, so a promoted replica is found without waiting
      // for a MOVED reply (what the README recommends for production clients too).
      slotsRefreshInterval: 1000,
    },
  );
  client.on('error', () => undefined); // node-down noise during the failover test
  await waitUntil(async () => {
    if (client.status !== 'ready') throw new Error('cluster client not ready');
  });
}, 90_000);
afterAll(async () => {
  client.disconnect();
  await cluster.stop();
});

const LIMITS = { T: { limit: 5, windowMs: 600_000, burst: 5, burstWindowMs: 600_000 } };
const VERIFIED = { trustLevel: 'VERIFIED' } as const; // 10 per window

async function allowedOf(results: readonly RateLimitResult[]): Promise<number> {
  return results.filter((r) => r.allowed).length;
}

describe('the limiter on a Redis Cluster', () => {
  it('keeps every agent to its limit, with agents spread over all three masters', async () => {
    const limiter = createRateLimiter({ redis: client, keyPrefix: 'cl:', limits: LIMITS });
    const agents = Array.from({ length: 24 }, (_, i) => `agent-${i}`);
    for (const agent of agents) {
      const results = await Promise.all(
        Array.from({ length: 14 }, () => limiter.consume(agent, 'T', VERIFIED)),
      );
      expect(results.every((r) => r.source === 'redis')).toBe(true);
      expect(await allowedOf(results)).toBe(10);
    }
    // The hash tags keep one agent's keys in one slot, and the agents land on every master.
    const masters = await cluster.masters();
    const sizes = await Promise.all(
      client.nodes('master').map(async (node) => Number(await node.dbsize())),
    );
    expect(masters).toHaveLength(3);
    expect(sizes.filter((n) => n > 0)).toHaveLength(3);
  });

  it('rides out the failover of one master under load and decides in Redis again after it', async () => {
    const log = recordingLogger();
    const m = recordingMeter();
    const limiter = createRateLimiter({
      redis: client,
      keyPrefix: 'fo:',
      limits: LIMITS,
      redisTimeoutMs: 500,
      logger: log.logger,
      meter: m.meter,
    });
    const agents = Array.from({ length: 12 }, (_, i) => `fo-agent-${i}`);
    const sources = new Set<string>();
    const failures: unknown[] = [];
    let stop = false;
    const load = agents.map(async (agent) => {
      while (!stop) {
        try {
          sources.add((await limiter.check(agent, 'T', VERIFIED)).source);
        } catch (error) {
          failures.push(error);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    const [victim] = await cluster.masters();
    if (victim === undefined) throw new Error('no master');
    await cluster.kill(victim);
    // The replica takes over (node timeout 1 s); the load keeps running meanwhile.
    await cluster.awaitFailover(victim);
    await waitUntil(
      async () => {
        const results = await Promise.all(agents.map((a) => limiter.check(a, 'T', VERIFIED)));
        if (!results.every((r) => r.source === 'redis')) throw new Error('not all back in Redis');
      },
      { timeoutMs: 60_000 },
    );
    stop = true;
    await Promise.all(load);
    await cluster.restart(victim); // rejoins as a replica of its successor

    expect(failures).toEqual([]);
    expect([...sources].every((s) => s === 'redis' || s === 'insurance')).toBe(true);
    // After the failover, limits hold in the cluster for a fresh agent.
    const fresh = await Promise.all(
      Array.from({ length: 13 }, () => limiter.consume('after-failover', 'T', VERIFIED)),
    );
    expect(fresh.every((r) => r.source === 'redis')).toBe(true);
    expect(await allowedOf(fresh)).toBe(10);
  }, 120_000);
});
