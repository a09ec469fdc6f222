import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppOptions, createApp } from '../src/app.js';
import { composePipeline, type Pipeline } from '../src/compose.js';
import type { FeatureFlags } from '../src/flags.js';
import { createTestServices, type TestServices } from './services.js';

const ALL_ON: FeatureFlags = { quarantine: true, audit: true, rateLimit: true, dryRun: false };

describe('anonymous traffic is limited by client address (real Redis)', () => {
  let t: TestServices;
  const running: Array<{ server: Server; pipeline: Pipeline }> = [];

  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(async () => {
    for (const { server, pipeline } of running) {
      server.close();
      await pipeline.close();
    }
    await t.cleanup();
  });

  /** Each app gets its own key prefix, so each test starts with empty windows. */
  async function start(name: string, options: AppOptions = {}): Promise<string> {
    const pipeline = await composePipeline(t.services(), ALL_ON, {
      ...process.env,
      RATE_LIMIT_KEY_PREFIX: `${t.redis.prefix}${name}:`,
    });
    const server = createApp(pipeline, ALL_ON, options).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    running.push({ server, pipeline });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async function burst(url: string, count: number, headers: (i: number) => Record<string, string>) {
    const answers = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers(i) },
          body: JSON.stringify({ text: `Anyone up for trading GPU hours? (#${i})` }),
        });
        return {
          status: response.status,
          body: (await response.json()) as Record<string, unknown>,
        };
      }),
    );
    const statuses = answers.map((a) => a.status);
    return {
      created: statuses.filter((s) => s === 201).length,
      limited: answers.filter(
        (a) => a.status === 429 && (a.body.error as { code?: string }).code === 'RATE_LIMITED',
      ).length,
      other: statuses.filter((s) => s !== 201 && s !== 429),
    };
  }

  /** regression: issue 17 */
  it('60 parallel anonymous posts: the NEW burst (1 a minute) passes, the rest get 429, even with forged X-Forwarded-For', async () => {
    const url = await start('posts');
    const result = await burst(`${url}/v1/posts`, 60, (i) => ({
      // Without `trust proxy` the header is the client's word and is ignored.
      'x-forwarded-for': `203.0.113.${i + 1}`,
    }));
    expect(result).toEqual({ created: 1, limited: 59, other: [] });
  });

  /** regression: issue 17 */
  it('60 parallel anonymous comments: the COMMENTS burst for NEW (5 a minute) passes, the rest get 429', async () => {
    const url = await start('comments');
    const result = await burst(`${url}/v1/comments`, 60, () => ({}));
    expect(result).toEqual({ created: 5, limited: 55, other: [] });
  });

  /** regression: issue 17 */
  it('behind a trusted proxy each forwarded client has its own window; authenticated agents keep theirs', async () => {
    const url = await start('proxied', { trustProxy: 'loopback' });
    const perClient = await burst(`${url}/v1/posts`, 6, (i) => ({
      'x-forwarded-for': `198.51.100.${Math.floor(i / 2) + 1}`,
    }));
    // Three clients, two posts each: one passes per client.
    expect(perClient).toEqual({ created: 3, limited: 3, other: [] });
    const agent = await burst(`${url}/v1/posts`, 1, () => ({
      'x-agent-id': 'verified-anon-test',
      'x-forwarded-for': '198.51.100.1',
    }));
    expect(agent.created).toBe(1);
  });
});
