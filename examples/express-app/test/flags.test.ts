import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeLLMVendor, startFakeLLMVendor } from '@clawexchange/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { composePipeline, type Pipeline } from '../src/compose.js';
import { type FeatureFlags, flagsFromEnv } from '../src/flags.js';
import { seedPosts, sendPosts } from '../src/seed.js';
import { createTestServices, type TestServices } from './services.js';

describe('feature flags over real HTTP (real PostgreSQL, Redis, S3; a local fake LLM vendor)', () => {
  let t: TestServices;
  let vendor: FakeLLMVendor;
  const running: Array<{ server: Server; pipeline: Pipeline }> = [];
  beforeAll(async () => {
    [t, vendor] = await Promise.all([createTestServices(), startFakeLLMVendor()]);
  });
  afterAll(async () => {
    for (const { server, pipeline } of running) {
      server.close();
      await pipeline.close();
    }
    await vendor.close();
    await t.cleanup();
  });

  async function start(env: Record<string, string>) {
    const flags: FeatureFlags = flagsFromEnv(env);
    const pipeline = await composePipeline(t.services(), flags, {
      ...process.env,
      LLM_API_URL: vendor.openAiUrl,
      LLM_PROVIDER: 'openai-compatible',
      LLM_MODEL: 'fake-judge',
      LLM_DATA_USAGE: 'none',
      RATE_LIMIT_KEY_PREFIX: `${t.redis.prefix}${running.length}:`,
    });
    const server = createApp(pipeline, flags).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    running.push({ server, pipeline });
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, pipeline };
  }

  async function rowCounts(pipeline: Pipeline) {
    const [rows] = await pipeline.sequelize.query(
      'SELECT (SELECT count(*) FROM quarantine_records)::int AS q, (SELECT count(*) FROM audit_logs)::int AS a',
    );
    return rows[0] as { q: number; a: number };
  }

  /** regression: issue 17 */
  it('all four off: nothing held (held content is blocked instead), nothing audited, nothing limited, no vendor call', async () => {
    const { url, pipeline } = await start({
      QUARANTINE_ENABLED: 'false',
      AUDIT_ENABLED: 'false',
      RATE_LIMIT_ENABLED: 'false',
      LLM_JUDGE_ENABLED: 'false',
    });
    expect(pipeline.judge).toBeUndefined();
    const before = await rowCounts(pipeline);
    const outcomes = await sendPosts(url, seedPosts());
    expect(outcomes.map((o) => o.outcome)).toEqual([
      'PASS',
      'PASS',
      'WARN',
      'BLOCK',
      'BLOCK',
      'PASS',
      'PASS',
    ]);
    expect(await rowCounts(pipeline)).toEqual(before);
    expect(vendor.requests).toEqual([]);
    const ready = (await (await fetch(`${url}/readyz`)).json()) as {
      components: Record<string, { status: string }>;
    };
    expect(ready.components).toEqual({
      postgres: { status: 'disabled', latencyMs: 0 },
      s3: { status: 'disabled', latencyMs: 0 },
      redis: { status: 'disabled', latencyMs: 0 },
    });
  });

  /** regression: issue 17 */
  it('LLM_JUDGE_ENABLED on: the judge asks the vendor at LLM_API_URL with redacted text, and its verdict reaches the gate', async () => {
    const { url, pipeline } = await start({ LLM_JUDGE_ENABLED: 'true' });
    expect(pipeline.judge?.origin).toBe('from LLM_API_URL');
    vendor.enqueue({
      kind: 'answer',
      text: JSON.stringify({ injection: false, scam: true, confidence: 0.7 }),
    });
    const email = 'payments.desk@example.org';
    const response = await fetch(`${url}/v1/posts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-agent-id': 'verified-judge-test' },
      body: JSON.stringify({
        text: `Pay the release fee first and your escrow unlocks; confirm with ${email}.`,
      }),
    });
    // Score 70 from the judge: HIGH, held for review.
    expect(response.status).toBe(202);
    expect(vendor.requests).toHaveLength(1);
    const sent = vendor.requests[0]?.body ?? '';
    expect(sent).toContain('escrow');
    expect(sent).not.toContain(email);
    const held = await pipeline.quarantine.list({ status: 'QUARANTINED' });
    expect(held.items[0]?.labels).toContain('LLM_JUDGE_SCAM');
    const calls = await pipeline.audit.query({ eventType: 'LLM_CALL' });
    expect(calls.records).toHaveLength(1);
    expect(JSON.stringify(calls.records)).not.toContain(email);
  });
});
