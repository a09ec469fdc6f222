/**
 * Benchmark: this package (one EVALSHA per decision, O(1) hash per key)
 * against the sorted-set approach (ZADD every request, ZCOUNT both windows,
 * two round trips) on the same local Redis, the same load, in one run.
 * Runs against the built package: `pnpm --filter @clawexchange/rate-limiter build` first.
 */
import { performance } from 'node:perf_hooks';
import { startRedis } from '@clawexchange/test-utils';
import { Redis } from 'ioredis';
import { createRateLimiter } from '../dist/index.js';

const TOTAL = 20_000;
const CONCURRENCY = 32;
const AGENTS = 1_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

type Stats = { perSec: number; p50: number; p99: number };

async function drive(
  decide: (agent: string) => Promise<unknown>,
  concurrency = CONCURRENCY,
  total = TOTAL,
): Promise<Stats> {
  const lat: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await decide(`agent-${i % AGENTS}`);
        lat.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p: number): number => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0;
  return { perSec: total / elapsed, p50: q(0.5), p99: q(0.99) };
}

async function serverMs(redis: Redis): Promise<number> {
  const [s, us] = await redis.time();
  return Number(s) * 1000 + Math.floor(Number(us) / 1000);
}

/** The upstream shape: store every request, count it, two round trips. */
function zsetDecide(redis: Redis) {
  let seq = 0;
  return async (agent: string): Promise<boolean> => {
    const key = `zset:${agent}:POSTS`;
    const now = Date.now();
    await redis
      .multi()
      .zremrangebyscore(key, 0, now - HOUR)
      .zadd(key, now, `${now}-${seq++}`)
      .pexpire(key, HOUR)
      .exec();
    const counts = await redis
      .multi()
      .zcount(key, now - MINUTE, '+inf')
      .zcount(key, now - HOUR, '+inf')
      .exec();
    const [m, h] = (counts ?? []).map(([, n]) => Number(n));
    return (m ?? 0) <= 1e9 && (h ?? 0) <= 1e9;
  };
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

/** Fills `n` keys as each approach holds one agent sending 10,000 requests per hour. */
async function memoryAt10kPerHour(redis: Redis, n: number) {
  const now = await serverMs(redis);
  const perMs = 10_000 / HOUR;
  // ours: the hash the decide script keeps for the default tier layout
  // (60 buckets per window: 1 s buckets for the minute, 1 min buckets for the hour)
  const fields: Record<string, string> = {};
  const bSec = Math.floor(now / 1000);
  for (let i = 0; i <= 60; i++) fields[`b${bSec - i}`] = String(Math.round(perMs * 1000));
  const bMin = Math.floor(now / MINUTE);
  for (let i = 0; i <= 60; i++) fields[`w${bMin - i}`] = String(Math.round(perMs * MINUTE));
  // The counter key names the window layout: burst window, window, buckets (the defaults).
  const oursKeyOf = (k: number): string => `mem:{a${k}}:t:POSTS:60000:3600000:60`;
  const base0 = await usedMemory(redis);
  for (let k = 0; k < n; k++) await redis.hset(oursKeyOf(k), fields);
  const oursAgg = ((await usedMemory(redis)) - base0) / n;
  const oursKey = Number(await redis.call('MEMORY', 'USAGE', oursKeyOf(0), 'SAMPLES', '0'));
  // zset: one member per request of the last hour
  const base1 = await usedMemory(redis);
  for (let k = 0; k < n; k++) {
    const args: (string | number)[] = [];
    for (let i = 0; i < 10_000; i++) {
      const t = now - Math.floor(i / perMs);
      args.push(t, `${t}-${i}`);
    }
    await redis.zadd(`zmem:a${k}:POSTS`, ...args);
  }
  const zsetAgg = ((await usedMemory(redis)) - base1) / n;
  const zsetKey = Number(await redis.call('MEMORY', 'USAGE', 'zmem:a0:POSTS', 'SAMPLES', '0'));
  return { oursKey, oursAgg, zsetKey, zsetAgg, fieldCount: Object.keys(fields).length };
}

async function main(): Promise<void> {
  const server = await startRedis();
  const redis = new Redis(server.url);
  try {
    const limiter = createRateLimiter({
      redis,
      keyPrefix: 'bench:',
      limits: { POSTS: { limit: 1_000_000_000, burst: 1_000_000_000 } },
      inMemoryBlock: false,
      redisTimeoutMs: 5000,
    });
    // warm-up both (script cache, connections, JIT)
    await drive((a) => limiter.consume(a, 'POSTS', { trustLevel: 'ESTABLISHED' }));
    await drive(zsetDecide(redis));
    await redis.flushall();
    const ours = await drive((a) => limiter.consume(a, 'POSTS', { trustLevel: 'ESTABLISHED' }));
    const zset = await drive(zsetDecide(redis));
    await redis.flushall();
    const oursSeq = await drive(
      (a) => limiter.consume(a, 'POSTS', { trustLevel: 'ESTABLISHED' }),
      1,
      5000,
    );
    const zsetSeq = await drive(zsetDecide(redis), 1, 5000);
    await redis.flushall();
    const mem = await memoryAt10kPerHour(redis, 100);
    // The decide script must read the synthetic key as ~10,000 requests in the hour.
    const reader = createRateLimiter({
      redis,
      keyPrefix: 'mem:',
      limits: { POSTS: { limit: 1_000_000, burst: 1_000_000 } },
    });
    const readBack = await reader.check('a0', 'POSTS', { trustLevel: 'ESTABLISHED' });
    if (!readBack.windows.some((w) => w.used >= 9_000)) {
      throw new Error(
        'the decide script did not read the synthetic key: has the key layout changed?',
      );
    }
    const row = (name: string, s: Stats): string =>
      `| ${name} | ${Math.round(s.perSec)} | ${s.p50.toFixed(3)} | ${s.p99.toFixed(3)} |`;
    const out = [
      `node ${process.version}, ${TOTAL} decisions, concurrency ${CONCURRENCY}, ${AGENTS} agents, local redis-server`,
      '',
      '| approach | decisions/s | p50 ms | p99 ms |',
      '|---|---|---|---|',
      row('rate-limiter (1 EVALSHA)', ours),
      row('sorted set (ZADD + ZCOUNT, 2 round trips)', zset),
      row('rate-limiter, concurrency 1 (5,000)', oursSeq),
      row('sorted set, concurrency 1 (5,000)', zsetSeq),
      '',
      `throughput ratio (ours / zset): ${(ours.perSec / zset.perSec).toFixed(2)}x`,
      `p99 latency ratio (zset / ours): ${(zset.p99 / ours.p99).toFixed(2)}x at concurrency ${CONCURRENCY}, ${(zsetSeq.p99 / oursSeq.p99).toFixed(2)}x at concurrency 1`,
      '',
      '| approach | MEMORY USAGE per key (bytes) | used_memory delta per key, 100 keys (bytes) |',
      '|---|---|---|',
      `| rate-limiter hash (${mem.fieldCount} fields) | ${mem.oursKey} | ${Math.round(mem.oursAgg)} |`,
      `| sorted set (10,000 members) | ${mem.zsetKey} | ${Math.round(mem.zsetAgg)} |`,
      '',
      `memory ratio (zset / ours): ${(mem.zsetKey / mem.oursKey).toFixed(1)}x per key, ${(mem.zsetAgg / mem.oursAgg).toFixed(1)}x aggregate`,
      `sanity: the decide script reads the synthetic key as ${readBack.windows.map((w) => `${w.name} ${w.used}`).join(', ')} requests`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    redis.disconnect();
    await server.stop();
  }
}

await main();
