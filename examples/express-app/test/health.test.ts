import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RunningRedis, type RunningS3, startRedis, startS3 } from '@clawexchange/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { composePipeline, type Pipeline } from '../src/compose.js';
import type { FeatureFlags } from '../src/flags.js';
import { HEALTH_CHECK_EVENT } from '../src/health/deep-check.js';
import type { DemoServices } from '../src/services.js';
import { createTestServices, type TestServices } from './services.js';

const ALL_ON: FeatureFlags = { quarantine: true, audit: true, rateLimit: true, dryRun: false };
const TOKEN = 'deep-probe-token-for-tests-0123456789';

type Running = { url: string; pipeline: Pipeline; server: Server };

async function serve(services: DemoServices, prefix: string, deepToken?: string): Promise<Running> {
  const pipeline = await composePipeline(services, ALL_ON, {
    ...process.env,
    RATE_LIMIT_KEY_PREFIX: prefix,
  });
  const app = createApp(pipeline, ALL_ON, { health: { deepToken, timeoutMs: 1000 } });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, pipeline, server };
}

async function getJson(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: (await response.json()) as Record<string, unknown> & {
      components?: Record<string, { status: string; latencyMs: number; code?: string }>;
    },
  };
}

async function counts(pipeline: Pipeline) {
  const [rows] = await pipeline.sequelize.query(
    'SELECT (SELECT count(*) FROM quarantine_records)::int AS q, (SELECT count(*) FROM audit_logs)::int AS a',
  );
  return rows[0] as { q: number; a: number };
}

describe('health endpoints over real HTTP', () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  /** regression: issue 17 */
  it('/livez and /readyz answer JSON, write nothing, and /readyz names the component whose service stopped', async () => {
    const [redis, s3] = await Promise.all([startRedis(), startS3()]);
    const stops: Array<RunningRedis | RunningS3> = [redis, s3];
    const services = t.services({ s3, redisUrl: redis.url });
    const { url, pipeline, server } = await serve(services, 'readyz:');
    try {
      const live = await getJson(`${url}/livez`);
      expect(live).toMatchObject({ status: 200, body: { status: 'ok' } });
      const before = await counts(pipeline);
      const ready = await getJson(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(ready.type).toMatch(/^application\/json/);
      expect(ready.body.status).toBe('ok');
      for (const name of ['postgres', 's3', 'redis']) {
        expect(ready.body.components?.[name]?.status).toBe('ok');
        expect(ready.body.components?.[name]?.latencyMs).toBeGreaterThanOrEqual(0);
      }
      // The guide's users keep probing /healthz: it is the same read-only check.
      for (let i = 0; i < 5; i++) expect((await getJson(`${url}/healthz`)).status).toBe(200);
      expect(await counts(pipeline)).toEqual(before);

      await redis.stop();
      const noRedis = await getJson(`${url}/readyz`);
      expect(noRedis.status).toBe(503);
      expect(noRedis.type).toMatch(/^application\/json/);
      expect(noRedis.body.status).toBe('fail');
      expect(noRedis.body.components?.redis?.status).toBe('fail');
      expect(noRedis.body.components?.postgres?.status).toBe('ok');
      expect(noRedis.body.components?.s3?.status).toBe('ok');

      await s3.stop();
      const noS3 = await getJson(`${url}/readyz`);
      expect(noS3.status).toBe(503);
      expect(noS3.body.components?.s3).toMatchObject({ status: 'fail' });
      expect(noS3.body.components?.postgres?.status).toBe('ok');
      expect(JSON.stringify(noS3.body)).not.toMatch(/\bat \S+:\d+|127\.0\.0\.1|S3RVER/);
    } finally {
      server.close();
      await pipeline.close();
      await Promise.allSettled(stops.map((s) => s.stop()));
    }
  });

  describe('/healthz/deep', () => {
    let running: Running;
    beforeAll(async () => {
      running = await serve(t.services(), `${t.redis.prefix}deep:`, TOKEN);
    });
    afterAll(async () => {
      running.server.close();
      await running.pipeline.close();
    });

    /** regression: issue 17 */
    it('refuses a missing or wrong bearer token with a JSON 401 and writes nothing', async () => {
      const before = await counts(running.pipeline);
      for (const headers of [{}, { authorization: `Bearer ${TOKEN}x` }, { authorization: TOKEN }]) {
        const answer = await getJson(`${running.url}/healthz/deep`, headers);
        expect(answer.status).toBe(401);
        expect(answer.type).toMatch(/^application\/json/);
        expect(answer.body).toEqual({
          error: { code: 'UNAUTHENTICATED', message: 'a valid bearer token is required' },
        });
      }
      expect(await counts(running.pipeline)).toEqual(before);
    });

    /** regression: issue 17 */
    it('runs the guide’s four checks, shreds the probe record and types its audit event: no review-queue or verdict-query noise', async () => {
      const { pipeline, url } = running;
      for (let i = 0; i < 3; i++) {
        const deep = await getJson(`${url}/healthz/deep`, { authorization: `bearer ${TOKEN}` });
        expect(deep.status).toBe(200);
        expect(deep.body.status).toBe('ok');
        for (const name of ['ssg', 'quarantine', 'audit', 'rateLimiter']) {
          expect(deep.body.components?.[name]?.status).toBe('ok');
        }
      }
      // Nothing waits for review: every probe record is DELETED (key destroyed) at once.
      for (const status of ['QUARANTINED', 'UNDER_REVIEW'] as const) {
        expect((await pipeline.quarantine.list({ status })).items).toEqual([]);
      }
      const deleted = (await pipeline.quarantine.list({ status: 'DELETED' })).items;
      expect(deleted).toHaveLength(3);
      await expect(pipeline.quarantine.read(deleted[0]?.id ?? '')).rejects.toMatchObject({
        code: 'QUARANTINE_CONTENT_UNAVAILABLE',
      });
      // No verdict or moderation query finds the probes; the typed query does.
      const verdicts = await pipeline.audit.query({
        eventType: [
          'SSG_PASS',
          'SSG_WARN',
          'SSG_QUARANTINE',
          'SSG_BLOCK',
          'HUMAN_DELETE',
          'BOT_DELETE',
        ],
      });
      expect(verdicts.records).toEqual([]);
      const probes = await pipeline.audit.query({ eventType: HEALTH_CHECK_EVENT });
      expect(probes.records).toHaveLength(3);
      expect(probes.records[0]).toMatchObject({
        eventType: HEALTH_CHECK_EVENT,
        actorId: 'health-check',
        actorType: 'bot',
        metadata: { probe: 'SSG_PASS' },
      });
      expect((await pipeline.audit.verify()).ok).toBe(true);
    });
  });

  /** regression: issue 17 */
  it('/healthz/deep is 404 when no token is configured', async () => {
    const { url, pipeline, server } = await serve(t.services(), `${t.redis.prefix}nodeep:`);
    try {
      const answer = await getJson(`${url}/healthz/deep`, { authorization: `Bearer ${TOKEN}` });
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: { code: 'NOT_FOUND', message: 'no such route' } });
    } finally {
      server.close();
      await pipeline.close();
    }
  });
});
