/**
 * The verdict loop by composition, against real Redis: the gate's
 * `onInspection` hook is the limiter's `verdictFeedback()`, the agent is
 * resolved once per request, and a QUARANTINE verdict tightens that agent's
 * limits from its next request on.
 */
import type { IncomingMessage } from 'node:http';
import { createSSG, keywordPlugin, type SSGConfig, type SSGMeter } from '@clawexchange/ssg';
import { createTestRedis, type TestRedis } from '@clawexchange/test-utils';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, type RateLimiter } from '../../src/index.js';
import { recordingLogger } from './helpers.js';

let r: TestRedis;
let limiter: RateLimiter;

// Long windows: which request is denied must not depend on how fast this machine is.
const POSTS = { limit: 10, windowMs: 600_000, burst: 4, burstWindowMs: 300_000, buckets: 10 };
const HOOK_FAILURES = 'clawexchange.ssg.inspection_hook.failures';

const rules = keywordPlugin({
  rules: [
    { term: 'wire the deposit first', label: 'ADVANCE_FEE', score: 70 },
    { term: 'guaranteed returns', label: 'FINANCIAL_PROMISE', score: 45 },
  ],
});

/** A meter that keeps every counter increment (histograms are ignored). */
function countingMeter(): SSGMeter & { adds: { name: string; attributes: unknown }[] } {
  const adds: { name: string; attributes: unknown }[] = [];
  const meter = {
    adds,
    createHistogram: () => ({ record: () => undefined }),
    createCounter: (name: string) => ({
      add: (_v: number, attributes: unknown) => adds.push({ name, attributes }),
    }),
  };
  return meter as unknown as SSGMeter & { adds: typeof adds };
}

/** The agent behind a request, resolved once and kept on the request. */
type AgentRequest = IncomingMessage & { agent?: { agentId: string } };

function app(ssgConfig: Partial<SSGConfig>) {
  const ssg = createSSG({
    plugins: [rules],
    quarantine: { store: async () => 'q-1' },
    ...ssgConfig,
  });
  const a = express();
  a.use((req: AgentRequest, _res, next) => {
    const id = req.headers['x-agent-id'];
    if (typeof id === 'string') req.agent = { agentId: id };
    next();
  });
  a.post(
    '/v1/posts',
    limiter.middleware((req: AgentRequest) =>
      req.agent ? { agentId: req.agent.agentId, tier: 'POSTS', trustLevel: 'ONE' } : undefined,
    ),
    ssg.middleware({ extract: (req: AgentRequest) => ({ ...req.agent }) }),
    (_req, res) => {
      res.status(201).json({ created: true });
    },
  );
  return a;
}

const post = (a: express.Express, agent: string, text: string) =>
  request(a).post('/v1/posts').set('x-agent-id', agent).send({ text });

beforeAll(async () => {
  r = await createTestRedis();
  limiter = createRateLimiter({
    redis: r.client,
    redisTimeoutMs: 5000,
    keyPrefix: r.prefix,
    limits: { POSTS },
    trustMultipliers: { ONE: 1 },
  });
});
afterAll(async () => {
  await r.cleanup();
});

describe('onInspection: limiter.verdictFeedback() over real Redis', () => {
  /** regression: issue 11 */
  it("a QUARANTINE verdict tightens the agent's limit through the hook", async () => {
    const a = app({ onInspection: limiter.verdictFeedback() });
    const held = await post(a, 'agent-q', 'wire the deposit first, please');
    expect(held.status).toBe(202);
    // The penalty is in Redis before the client got its answer.
    const status = await limiter.check('agent-q', 'POSTS', { trustLevel: 'ONE' });
    expect(status).toMatchObject({ source: 'redis', penalties: ['quarantineLast24h'] });
    expect(status.windows.map((w) => w.limit)).toEqual([2, 5]);
    // Burst 4 halved to 2: the first post counted one, the second is the last one admitted.
    const second = await post(a, 'agent-q', 'hello again');
    expect(second.status).toBe(201);
    expect(second.headers['ratelimit-policy']).toBe(
      '"POSTS:burst";q=2;w=300, "POSTS:window";q=5;w=600',
    );
    expect((await post(a, 'agent-q', 'and again')).status).toBe(429);
    // An agent with only clean posts keeps the full burst.
    for (let i = 0; i < 3; i++) expect((await post(a, 'agent-clean', `hi ${i}`)).status).toBe(201);
    expect((await limiter.check('agent-clean', 'POSTS', { trustLevel: 'ONE' })).penalties).toEqual(
      [],
    );
  });

  it('a WARN verdict applies the lighter penalty', async () => {
    const a = app({ onInspection: limiter.verdictFeedback() });
    const warned = await post(a, 'agent-w', 'guaranteed returns for all');
    expect(warned.status).toBe(201);
    const status = await limiter.check('agent-w', 'POSTS', { trustLevel: 'ONE' });
    expect(status.penalties).toEqual(['moderateContentLastHour']);
  });

  /** regression: issue 11 */
  it('a failing hook is logged and counted; the client gets its normal answer', async () => {
    const logger = recordingLogger();
    const meter = countingMeter();
    const feedback = limiter.verdictFeedback();
    const a = app({
      logger: logger.logger,
      meter,
      onInspection: async (event) => {
        await feedback(event);
        throw new Error('notifier for agent-f is down');
      },
    });
    expect((await post(a, 'agent-f', 'wire the deposit first')).status).toBe(202);
    expect((await post(a, 'agent-f', 'a clean post')).status).toBe(201);
    const failures = logger.lines.filter((l) => l.msg === 'onInspection hook failed');
    expect(failures.map((l) => l.fields)).toEqual([
      { code: 'SSG_INSPECTION_HOOK_FAILED', reason: 'error', verdict: 'QUARANTINE' },
      { code: 'SSG_INSPECTION_HOOK_FAILED', reason: 'error', verdict: 'PASS' },
    ]);
    expect(meter.adds.filter((m) => m.name === HOOK_FAILURES)).toHaveLength(2);
    expect(JSON.stringify(logger.lines)).not.toContain('notifier');
    // What the hook did before it failed still counts.
    const status = await limiter.check('agent-f', 'POSTS', { trustLevel: 'ONE' });
    expect(status.penalties).toEqual(['quarantineLast24h']);
  });
});
