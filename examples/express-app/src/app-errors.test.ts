import type { AddressInfo } from 'node:net';
import { createRateLimiter } from '@clawexchange/rate-limiter';
import { createSSG } from '@clawexchange/ssg';
import { isErrorBody } from '@clawexchange/ssg/common';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { Pipeline } from './compose.js';

// Only the gate and the limiter are reached on these paths.
const pipeline = {
  ssg: createSSG({ plugins: [] }),
  limiter: createRateLimiter({ limits: { POSTS: { limit: 1, burst: 1 } } }),
} as unknown as Pipeline;
const flags = { quarantine: false, audit: false, rateLimit: true, dryRun: false };

describe('example app error answers', () => {
  /** regression: issue 11 */
  it('answers every error with the one family body, JSON, never HTML', async () => {
    const server = createApp(pipeline, flags).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const call = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${url}${path}`, init);
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as { error: Record<string, unknown> },
      };
    };
    const post = (body: string, agentId = 'e1') =>
      call('/v1/posts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-agent-id': agentId },
        body,
      });
    expect((await post('{"text":"first"}')).status).toBe(201);
    const limited = await post('{"text":"second"}');
    const invalid = await post('not json', 'e2');
    const missing = await call('/nope');
    /** regression: issue 16 — an agent id over 256 characters answered 500 */
    const longId = await post('{"text":"hi"}', 'a'.repeat(300));
    const lone = await post('{"text":"hold \\ud800"}', 'e3');
    server.close();
    expect([limited.status, invalid.status, missing.status]).toEqual([429, 400, 404]);
    expect([longId.status, longId.body.error.code, longId.body.error.field]).toEqual([
      400,
      'INVALID_AGENT_ID',
      'x-agent-id',
    ]);
    expect([lone.status, lone.body.error.code, lone.body.error.field]).toEqual([
      400,
      'SSG_INVALID_INPUT',
      'text',
    ]);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.headers.get('ratelimit')).toContain('r=0');
    for (const res of [limited, invalid, missing, longId, lone]) {
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(isErrorBody(res.body)).toBe(true);
    }
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED', tier: 'POSTS' });
    expect(invalid.body.error.code).toBe('SSG_INVALID_BODY');
    expect(missing.body).toEqual({ error: { code: 'NOT_FOUND', message: 'no such route' } });
  });
});
