import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { composePipeline, type Pipeline } from '../src/compose.js';
import type { FeatureFlags } from '../src/flags.js';
import { seedPosts, sendPosts } from '../src/seed.js';
import { createTestServices, type TestServices } from './services.js';

const ALL_ON: FeatureFlags = { quarantine: true, audit: true, rateLimit: true, dryRun: false };

describe('example host app on real PostgreSQL, Redis and S3', () => {
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

  async function start(flags: FeatureFlags): Promise<{ url: string; pipeline: Pipeline }> {
    const pipeline = await composePipeline(t.services(), flags, {
      ...process.env,
      RATE_LIMIT_KEY_PREFIX: t.redis.prefix,
    });
    const server = createApp(pipeline, flags).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    running.push({ server, pipeline });
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, pipeline };
  }

  it('gives each seeded post its expected outcome, holds the quarantined one, and audits all', async () => {
    const { url, pipeline } = await start(ALL_ON);
    const posts = seedPosts();
    const outcomes = await sendPosts(url, posts);
    expect(outcomes.map((o) => o.outcome)).toEqual(posts.map((p) => p.expected));

    const held = outcomes.find((o) => o.outcome === 'QUARANTINE');
    expect(held?.quarantineId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await pipeline.quarantine.read(held?.quarantineId ?? '')).toBe(held?.post.text);

    const verification = await pipeline.audit.verify();
    expect(verification.ok).toBe(true);
    const page = await pipeline.audit.query({ limit: 100 });
    const types = page.records.map((r) => r.eventType).sort();
    expect(types).toEqual([
      'SSG_BLOCK',
      'SSG_PASS',
      'SSG_PASS',
      'SSG_PASS',
      'SSG_QUARANTINE',
      'SSG_WARN',
    ]);
    // The e-mail post passes, labelled: the label travels, the address does not.
    const email = outcomes.find((o) => o.post.agentId === 'agent-echo');
    expect(email?.labels).toContain('PII_EMAIL');
    // The pasted credential and the injection text never reach the audit trail.
    const auditText = JSON.stringify(page.records);
    for (const post of posts) expect(auditText).not.toContain(post.text);
    const secretLine = posts.find((p) => p.expected === 'BLOCK')?.text.split('\n')[1] ?? '';
    expect(auditText).not.toContain(secretLine.split('=')[1]);
  });

  /** regression: issue 11 */
  it('feeds every verdict back to the rate limiter through the gate (no glue in the app)', async () => {
    const { url, pipeline } = await start(ALL_ON);
    await sendPosts(url, seedPosts());
    const penalties = async (agentId: string) =>
      (await pipeline.limiter.check(agentId, 'POSTS')).penalties;
    expect(await penalties('verified-atlas')).toEqual([]);
    expect(await penalties('agent-borealis')).toEqual(['moderateContentLastHour']);
    expect(await penalties('agent-cirrus')).toEqual(['quarantineLast24h']);
    expect(await penalties('agent-dusk')).toEqual(['quarantineLast24h']);
    // The held agent's hourly limit is halved (NEW: 10 × 0.5 = 5, then × 0.5).
    const held = await pipeline.limiter.check('agent-cirrus', 'POSTS');
    expect(held.windows.find((w) => w.name === 'window')?.limit).toBe(2);
  });

  it('never denies in DRY_RUN, and serves what it would have blocked', async () => {
    const { url } = await start({ ...ALL_ON, dryRun: true, rateLimit: false });
    const outcomes = await sendPosts(url, seedPosts());
    expect(outcomes.every((o) => o.status === 201)).toBe(true);
  });

  /** regression: issue 16 — GET /v1/posts answered every post ever published, whatever the query */
  it('reads the newest published posts, `limit` at a time, and refuses a query it does not know', async () => {
    const { url } = await start({ ...ALL_ON, rateLimit: false });
    const texts = ['first honest post', 'second honest post', 'third honest post'];
    for (const text of texts) {
      const res = await fetch(`${url}/v1/posts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-agent-id': 'verified-reader' },
        body: JSON.stringify({ text }),
      });
      expect(res.status).toBe(201);
    }
    const read = async (query: string) => {
      const res = await fetch(`${url}/v1/posts${query}`);
      return { status: res.status, body: (await res.json()) as unknown };
    };
    expect(await read('')).toMatchObject({ status: 200, body: texts.map((text) => ({ text })) });
    expect(await read('?limit=2')).toMatchObject({
      status: 200,
      body: texts.slice(1).map((text) => ({ text })),
    });
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=5000', 'limit'],
      ['?limit=1&limit=2', 'limit'],
      ['?offset=10', 'query'],
    ] as const) {
      expect(await read(query), query).toEqual({
        status: 400,
        body: { error: { code: 'INVALID_QUERY', message: expect.any(String), field } },
      });
    }
  });
});
