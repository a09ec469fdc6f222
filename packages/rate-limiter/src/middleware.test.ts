import express from 'express';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter } from './create-rate-limiter.js';
import type { RateLimitContext } from './middleware.js';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-23T12:00:30.000Z'), toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function app(opts: { legacyHeaders?: boolean; onMissingContext?: 'pass' | 'reject' } = {}) {
  const limiter = createRateLimiter({
    limits: { POSTS: { limit: 4, burst: 2, windowMs: 60_000, burstWindowMs: 10_000, buckets: 10 } },
  });
  const a = express();
  a.post(
    '/v1/posts',
    limiter.middleware((req: express.Request): RateLimitContext | undefined => {
      const agentId = req.header('x-agent');
      if (agentId === undefined) return undefined;
      if (agentId === 'boom') throw new Error('extractor failed');
      return { agentId, tier: req.header('x-tier') ?? 'POSTS', trustLevel: 'ESTABLISHED' };
    }, opts),
    (_req, res) => {
      res.status(201).json({ ok: true });
    },
  );
  a.use(
    (err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(500).json({ error: { code: (err as { code?: string }).code ?? 'INTERNAL' } });
    },
  );
  return a;
}

describe('middleware', () => {
  it('sets IETF headers from the window state and answers 429 with Retry-After', async () => {
    const a = app({ legacyHeaders: true });
    const first = await request(a).post('/v1/posts').set('x-agent', 'm1');
    expect(first.status).toBe(201);
    expect(first.headers['ratelimit-policy']).toBe(
      '"POSTS:burst";q=2;w=10, "POSTS:window";q=4;w=60',
    );
    // burst window: 1 used of 2, bucket of 1 s; the request leaves the count at 00:41
    expect(first.headers.ratelimit).toBe('"POSTS:burst";r=1;t=11');
    expect(first.headers['x-ratelimit-limit']).toBe('2');
    expect(first.headers['x-ratelimit-remaining']).toBe('1');
    expect(first.headers['x-ratelimit-reset']).toBe(
      String(Date.parse('2026-11-23T12:00:41.000Z') / 1000),
    );
    await request(a).post('/v1/posts').set('x-agent', 'm1').expect(201);
    const denied = await request(a).post('/v1/posts').set('x-agent', 'm1');
    expect(denied.status).toBe(429);
    expect(denied.headers['retry-after']).toBe('11');
    expect(denied.headers.ratelimit).toBe('"POSTS:burst";r=0;t=11');
    // The family's one error body: code, message and fields under `error`.
    expect(denied.body).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: 'rate limit exceeded',
        tier: 'POSTS',
        retryAfterMs: 11_000,
      },
    });
    vi.setSystemTime(new Date('2026-11-23T12:00:40.999Z'));
    await request(a).post('/v1/posts').set('x-agent', 'm1').expect(429);
    vi.setSystemTime(new Date('2026-11-23T12:00:41.000Z'));
    await request(a).post('/v1/posts').set('x-agent', 'm1').expect(201);
  });

  it('no legacy headers unless asked', async () => {
    const res = await request(app()).post('/v1/posts').set('x-agent', 'm2').expect(201);
    expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    expect(res.headers.ratelimit).toBeDefined();
  });

  it('passes through without context, or rejects when configured', async () => {
    const pass = await request(app()).post('/v1/posts').expect(201);
    expect(pass.headers.ratelimit).toBeUndefined();
    const rejected = await request(app({ onMissingContext: 'reject' }))
      .post('/v1/posts')
      .expect(403);
    expect(rejected.body).toEqual({
      error: { code: 'RATE_LIMITER_EMPTY_AGENT_ID', message: 'no agent to rate-limit' },
    });
  });

  it('hands extractor errors and unknown tiers to the error handler, never crashing', async () => {
    const a = app();
    await request(a).post('/v1/posts').set('x-agent', 'boom').expect(500);
    const res = await request(a).post('/v1/posts').set('x-agent', 'm3').set('x-tier', 'NOPE');
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('RATE_LIMITER_UNKNOWN_TIER');
  });

  it('answers every request when Redis hangs or errors (insurance), and 503 when failing closed', async () => {
    const hanging = {
      status: 'ready',
      evalsha: (): Promise<unknown> => new Promise(() => undefined),
      eval: (): Promise<unknown> => new Promise(() => undefined),
      del: (): Promise<number> => new Promise(() => undefined),
    };
    const failing = {
      ...hanging,
      evalsha: async (): Promise<unknown> => Promise.reject(new Error('READONLY')),
    };
    const serve = (limiter: ReturnType<typeof createRateLimiter>) => {
      const a = express();
      a.post(
        '/',
        limiter.middleware(() => ({ agentId: 'h1', tier: 'POSTS' })),
        (_req, res) => {
          res.status(201).end();
        },
      );
      return a;
    };
    await request(serve(createRateLimiter({ redis: hanging, redisTimeoutMs: 20 })))
      .post('/')
      .expect(201);
    await request(serve(createRateLimiter({ redis: failing })))
      .post('/')
      .expect(201);
    const closed = createRateLimiter({ redis: failing, onRedisDown: 'closed' });
    const res = await request(serve(closed)).post('/').expect(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body).toEqual({
      error: {
        code: 'RATE_LIMITER_REDIS_FAILED',
        message: 'rate limiter unavailable',
        tier: 'POSTS',
        retryAfterMs: 1000,
      },
    });
  });

  it('decide rejects a missing context with a typed error', async () => {
    const limiter = createRateLimiter();
    await expect(limiter.decide(null as never)).rejects.toMatchObject({
      code: 'RATE_LIMITER_EMPTY_AGENT_ID',
    });
    await expect(limiter.decide({ tier: 'POSTS' } as never)).rejects.toMatchObject({
      code: 'RATE_LIMITER_EMPTY_AGENT_ID',
    });
    expect((await limiter.check('n', 'POSTS', null as never)).allowed).toBe(true);
  });

  it('fail-closed answers 503 with Retry-After and an honest r=0', async () => {
    const lost = {
      status: 'end',
      evalsha: async (): Promise<unknown> => Promise.reject(new Error('closed')),
      eval: async (): Promise<unknown> => Promise.reject(new Error('closed')),
      del: async (): Promise<number> => Promise.reject(new Error('closed')),
    };
    const limiter = createRateLimiter({ redis: lost, onRedisDown: 'closed' });
    const d = await limiter.decide({ agentId: 'c1', tier: 'POSTS' });
    expect(d.status).toBe(503);
    expect(d.headers['Retry-After']).toBe('1');
    expect(d.headers.RateLimit).toBe('"POSTS:burst";r=0;t=1');
  });

  it('decide works without a framework', async () => {
    const limiter = createRateLimiter();
    const d = await limiter.decide({ agentId: 'd1', tier: 'POSTS' });
    expect(d).toMatchObject({ allowed: true, status: 200 });
    const d2 = await limiter.decide({ agentId: 'd1', tier: 'POSTS' });
    expect(d2.status).toBe(429);
    expect(Number(d2.headers['Retry-After'])).toBeGreaterThan(0);
  });
});
