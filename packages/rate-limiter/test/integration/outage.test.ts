import { type RunningRedis, startRedis, waitUntil } from '@clawexchange/test-utils';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, type RateLimiter, type RedisDownPolicy } from '../../src/index.js';
import { recordingLogger, recordingMeter } from './helpers.js';

const CANARY = 'agent-CANARY-5e3b91';
let server: RunningRedis;
let client: Redis;

beforeAll(async () => {
  // A private Redis: this file kills and restarts it on the same port.
  server = await startRedis();
  client = new Redis(server.url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => 50,
  });
  client.on('error', () => undefined); // reconnect noise while the server is down
  await client.connect();
});
afterAll(async () => {
  client.disconnect();
  await server.stop();
});

function make(policy: RedisDownPolicy) {
  const log = recordingLogger();
  const m = recordingMeter();
  const limiter: RateLimiter = createRateLimiter({
    redis: client,
    keyPrefix: `outage-${policy}:`,
    onRedisDown: policy,
    redisTimeoutMs: 2000, // the outage here is a dead server, not a slow one
    limits: { T: { limit: 3, windowMs: 60_000, burst: 3, burstWindowMs: 60_000, buckets: 60 } },
    logger: log.logger,
    meter: m.meter,
  });
  return { limiter, log, m };
}

describe('Redis killed and restarted mid-test', () => {
  it('each policy holds while Redis is down, is observable, and recovers', async () => {
    const ins = make('insurance');
    const open = make('open');
    const closed = make('closed');
    const opts = { trustLevel: 'VERIFIED' } as const; // T: 6 per window
    for (const p of [ins, open, closed]) {
      expect((await p.limiter.consume(CANARY, 'T', opts)).source).toBe('redis');
    }

    await server.stop();
    await waitUntil(async () => {
      if (client.status === 'ready') throw new Error('still connected');
    });

    // insurance: the memory limiter enforces the same limits in this process,
    // starting from the one request Redis had already counted (6 - 1 left)
    const insured = [];
    for (let i = 0; i < 8; i++) insured.push(await ins.limiter.consume(CANARY, 'T', opts));
    expect(insured.every((x) => x.source === 'insurance' && !x.failedOpen)).toBe(true);
    expect(insured.filter((x) => x.allowed)).toHaveLength(5);
    // open: admitted, and says so
    const o = await open.limiter.consume(CANARY, 'T', opts);
    expect(o).toMatchObject({ allowed: true, failedOpen: true, source: 'fail-open' });
    // closed: refused with a retry hint, 503 through decide
    const c = await closed.limiter.consume(CANARY, 'T', opts);
    expect(c).toMatchObject({
      allowed: false,
      deniedBy: 'outage',
      source: 'fail-closed',
      retryAfterMs: 1000,
    });
    const d = await closed.limiter.decide({ agentId: CANARY, tier: 'T', trustLevel: 'VERIFIED' });
    expect(d.status).toBe(503);
    expect(d.headers['Retry-After']).toBe('1');
    // admin calls say Redis is down instead of editing a stand-in
    await expect(ins.limiter.reset(CANARY, 'T')).rejects.toMatchObject({
      code: 'RATE_LIMITER_REDIS_FAILED',
    });
    // verdicts are kept by the insurance store meanwhile, and never throw
    await ins.limiter.recordVerdict(CANARY, 'QUARANTINE');

    server = await startRedis({ port: server.port });
    await waitUntil(async () => {
      if (client.status !== 'ready') throw new Error('not yet');
    });
    for (const p of [ins, open, closed]) {
      const back = await p.limiter.consume(CANARY, 'T', opts);
      expect(back.source).toBe('redis');
      expect(back.failedOpen).toBe(false);
    }

    for (const p of [ins, open, closed]) {
      // exactly one switch down and one back, however many calls failed
      const changes = p.m.adds.filter(
        (a) => a.name === 'clawexchange.rate_limiter.redis_state_changes',
      );
      expect(changes.map((a) => a.attributes.state)).toEqual(['down', 'up']);
      const warn = p.log.lines.filter((l) => l.msg.includes('redis unavailable'));
      const info = p.log.lines.filter((l) => l.msg.includes('redis recovered'));
      expect([warn.length, info.length]).toEqual([1, 1]);
      expect(warn[0]?.fields.code).toBe('RATE_LIMITER_REDIS_FAILED');
      expect(p.m.adds.some((a) => a.name === 'clawexchange.rate_limiter.redis_failures')).toBe(
        true,
      );
      // nothing about the agent leaks into logs or metric labels
      expect(JSON.stringify(p.log.lines) + JSON.stringify(p.m.adds)).not.toContain('CANARY');
    }
  });

  /** regression: issue 16 — the insurance limiter started from zero and admitted an agent at its limit. */
  it('insurance starts from the counts Redis last reported: an agent at its limit stays limited', async () => {
    const { limiter } = make('insurance');
    const agent = 'at-limit-agent';
    const opts = { trustLevel: 'VERIFIED' } as const; // T: 6 per window
    // Exactly at the limit, never denied: no remembered denial can stand in for the counts.
    const inRedis = [];
    for (let i = 0; i < 6; i++) inRedis.push(await limiter.consume(agent, 'T', opts));
    expect(inRedis.every((r) => r.source === 'redis' && r.allowed)).toBe(true);
    const fresh = 'never-seen-agent';

    await server.stop();
    await waitUntil(async () => {
      if (client.status === 'ready') throw new Error('still connected');
    });
    const during = await limiter.consume(agent, 'T', opts);
    // An agent Redis never reported on starts from zero (nothing better is known).
    const unseen = await limiter.consume(fresh, 'T', opts);

    server = await startRedis({ port: server.port });
    await waitUntil(async () => {
      if (client.status !== 'ready') throw new Error('not yet');
    });
    expect(during).toMatchObject({ source: 'insurance', allowed: false, remaining: 0 });
    expect(unseen).toMatchObject({ source: 'insurance', allowed: true });
  });

  it('a Redis that hangs (CLIENT PAUSE) counts as down after redisTimeoutMs, then recovers', async () => {
    const log = recordingLogger();
    const limiter = createRateLimiter({
      redis: client,
      keyPrefix: 'pause:',
      // 5x below the pause, yet loose enough that a busy machine does not time out the calls
      // before and after it (that would add log lines and fail the exact-log assertion).
      redisTimeoutMs: 400,
      logger: log.logger,
    });
    expect((await limiter.consume('p1', 'MESSAGES')).source).toBe('redis');
    const admin = new Redis(server.url);
    // The pause outlasts the 400 ms timeout by far, so an 'insurance' answer
    // proves the limiter stopped waiting (no wall-clock assertion: shared CI).
    const pauseMs = 2000;
    const paused = Date.now();
    await admin.call('CLIENT', 'PAUSE', String(pauseMs), 'ALL');
    const during = await limiter.consume('p1', 'MESSAGES');
    expect(during.source).toBe('insurance');
    await new Promise((r) => setTimeout(r, Math.max(0, paused + pauseMs + 200 - Date.now())));
    expect((await limiter.consume('p1', 'MESSAGES')).source).toBe('redis');
    expect(log.lines.map((l) => l.msg)).toEqual([
      'rate limiter: redis unavailable, outage policy in force',
      'rate limiter: redis recovered, deciding in redis again',
    ]);
    admin.disconnect();
  });
});
