import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { SSGConfig } from '../config.js';
import { createSSG } from '../create-ssg.js';
import {
  memoryAudit,
  memoryQuarantine,
  recordingLogger,
  testPlugin,
} from '../internal/test-doubles.js';
import type { SSGMiddlewareOptions } from './express.js';
import { expressMajors, makeTestApp, type TestApp } from './express-test-app.js';

describe.each(expressMajors)(
  'ssg.middleware() request facts and DRY_RUN on %s',
  (_name, express) => {
    const app = (
      config: Partial<SSGConfig> = {},
      options: SSGMiddlewareOptions = {},
      opts: { json?: boolean } = {},
    ): TestApp => makeTestApp(express, config, options, opts);

    it('fails closed (500) when extract returns a wrong shape', async () => {
      for (const extract of [() => null, () => ({ agentId: 5 }), () => ({ actorType: 'robot' })]) {
        const t = app({}, { extract: extract as never });
        expect((await request(t.app).post('/v1/posts').send({ text: 'hi' })).status).toBe(500);
        expect(t.calls).toEqual([]);
      }
    });

    it('DRY_RUN lets a request through when extract throws, and logs why (code only)', async () => {
      const logger = recordingLogger();
      const t = app(
        { mode: 'DRY_RUN', logger },
        {
          extract: () => {
            throw new Error('auth down for drop table');
          },
        },
      );
      expect((await request(t.app).post('/v1/posts').send({ text: 'drop table' })).status).toBe(
        201,
      );
      expect(logger.lines).toContainEqual({
        level: 'error',
        fields: { code: 'SSG_DRY_RUN_FAILURE', causeCode: 'SSG_EXTRACT_FAILED' },
        msg: 'dry-run inspection failed',
      });
      expect(JSON.stringify(logger.lines)).not.toContain('drop table');
    });

    it('takes actor, source and content type from the extractor, not the body', async () => {
      const t = app(
        {},
        {
          extract: (req) => ({
            agentId: String(req.headers['x-agent-id']),
            sourceId: 'post-9',
            contentType: 'COMMENT',
          }),
        },
      );
      await request(t.app)
        .post('/v1/posts')
        .set('x-agent-id', 'agent-1')
        .send({ text: 'hello', contentType: 'MESSAGE', agentId: 'spoofed' });
      expect(t.audit.events[0]).toMatchObject({
        actorId: 'agent-1',
        targetId: 'post-9',
        metadata: { contentType: 'COMMENT' },
      });
      expect(t.audit.events[0]?.ipAddress).toMatch(/127\.0\.0\.1/);
    });

    it('defaults the content type to the contentType option', async () => {
      const t = app({}, { contentType: 'MESSAGE' });
      await request(t.app).post('/v1/posts').send({ text: 'hello' });
      expect(t.audit.events[0]?.metadata).toMatchObject({ contentType: 'MESSAGE' });
    });

    it('hands an extractor failure to the error handler (500), never passing the request', async () => {
      const t = app(
        {},
        {
          extract: () => {
            throw new Error('auth down');
          },
        },
      );
      const res = await request(t.app).post('/v1/posts').send({ text: 'hello' });
      expect(res.status).toBe(500);
      expect(t.calls).toEqual([]);
    });

    it('DRY_RUN never denies: blocked, held, malformed and oversized requests all reach the handler', async () => {
      const t = app(
        {
          mode: 'DRY_RUN',
          quarantine: memoryQuarantine({ fail: true }),
          audit: memoryAudit({ fail: true }),
        },
        { maxBodyBytes: 1_000 },
      );
      const blocked = await request(t.app).post('/v1/posts').send({ text: 'drop table' });
      expect(blocked.status).toBe(201);
      expect(blocked.body.ssgResult).toMatchObject({
        verdict: 'PASS',
        wouldVerdict: 'BLOCK',
        dryRun: true,
        audit: 'FAILED',
      });
      const held = await request(t.app).post('/v1/posts').send({ text: 'hold me' });
      expect(held.status).toBe(201);
      expect(held.body.ssgResult).toMatchObject({ verdict: 'PASS', wouldVerdict: 'QUARANTINE' });
      expect(held.body.ssgResult.quarantineId).toBeUndefined();
      const malformed = await request(t.app)
        .post('/v1/posts')
        .set('content-type', 'application/json')
        .send('{');
      expect(malformed.status).toBe(201);
      const oversized = await request(t.app)
        .post('/v1/posts')
        .send({ text: 'a'.repeat(2_000) });
      expect(oversized.status).toBe(201);
    });

    /** regression: issue 2 */
    it('DRY_RUN leaves an oversized chunked body whole for a parser mounted after it', async () => {
      const ssg = createSSG({ plugins: [testPlugin], mode: 'DRY_RUN' });
      const seen: unknown[] = [];
      const a = express();
      a.use('/v1/posts', ssg.middleware({ maxBodyBytes: 1_000 }), express.json({ limit: '1mb' }));
      a.post('/v1/posts', (req, res) => {
        seen.push(req.body);
        res.status(201).end();
      });
      // No Content-Length: the gate has to read past its limit to notice.
      const req = request(a).post('/v1/posts').set('content-type', 'application/json');
      req.write('{"text":"');
      for (let i = 0; i < 6; i++) req.write('b'.repeat(1_000));
      req.write('"}');
      const res = await req;
      expect(res.status).toBe(201);
      expect(seen).toEqual([{ text: 'b'.repeat(6_000) }]);
    });
  },
);
