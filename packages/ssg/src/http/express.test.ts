import { gzipSync } from 'node:zlib';
import express4 from 'express4';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { SSGConfig } from '../config.js';
import { createSSG } from '../create-ssg.js';
import { memoryAudit, memoryQuarantine, testPlugin } from '../internal/test-doubles.js';
import type { SSGMiddlewareOptions, SSGRequest } from './express.js';
import { expressMajors, makeTestApp, type TestApp } from './express-test-app.js';

/** superagent JSON-encodes a Buffer under a JSON content type; this sends its bytes as they are. */
const bytesAsSent = (bytes: Buffer): string => bytes as unknown as string;

describe.each(expressMajors)('ssg.middleware() on %s over real HTTP', (_name, express) => {
  const app = (
    config: Partial<SSGConfig> = {},
    options: SSGMiddlewareOptions = {},
    opts: { json?: boolean } = {},
  ): TestApp => makeTestApp(express, config, options, opts);

  it('PASS: calls the handler with req.ssgResult (no score) and the parsed body', async () => {
    const t = app();
    const res = await request(t.app).post('/v1/posts').send({ text: 'hello world' });
    expect(res.status).toBe(201);
    expect(res.body.ssgResult).toMatchObject({
      verdict: 'PASS',
      tier: 'CLEAR',
      labels: [],
      matches: [],
      degraded: [],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/score/i);
    expect(t.calls).toEqual([{ text: 'hello world' }]);
    expect(t.audit.events[0]?.eventType).toBe('SSG_PASS');
  });

  it('WARN: calls the handler with the warning and redacted matches', async () => {
    const res = await request(app().app).post('/v1/posts').send({ text: 'Cheap Pills here' });
    expect(res.status).toBe(201);
    expect(res.body.ssgResult).toMatchObject({
      verdict: 'WARN',
      tier: 'MODERATE',
      matches: [{ label: 'SPAM', redacted: '[REDACTED]' }],
    });
    expect(JSON.stringify(res.body.ssgResult)).not.toMatch(/cheap/i);
  });

  it('BLOCK: 403 { error, tier } without calling the handler', async () => {
    const t = app();
    const res = await request(t.app).post('/v1/posts').send({ text: 'x; drop table users' });
    expect(res.status).toBe(403);
    /** regression: issue 11 (one error body) */
    expect(res.body).toEqual({
      error: { code: 'SSG_CONTENT_BLOCKED', message: 'Content blocked', tier: 'CRITICAL' },
    });
    expect(t.calls).toEqual([]);
  });

  it('QUARANTINE: 202 with the quarantine id, handler not called, content held', async () => {
    const t = app();
    const res = await request(t.app).post('/v1/posts').send({ text: 'please hold me' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'QUARANTINED', quarantineId: 'q-1', tier: 'HIGH' });
    expect(t.calls).toEqual([]);
    expect(t.quarantine.records.get('q-1')?.content).toBe('please hold me');
  });

  it("QUARANTINE with onQuarantine 'next' calls the handler with the id", async () => {
    const t = app({}, { onQuarantine: 'next' });
    const res = await request(t.app).post('/v1/posts').send({ text: 'hold me' });
    expect(res.status).toBe(201);
    expect(res.body.ssgResult).toMatchObject({ verdict: 'QUARANTINE', quarantineId: 'q-1' });
  });

  it('503 when the quarantine store fails; the request never passes', async () => {
    const t = app({ quarantine: memoryQuarantine({ fail: true }) });
    const res = await request(t.app).post('/v1/posts').send({ text: 'hold me' });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      error: {
        code: 'SSG_QUARANTINE_FAILED',
        message: 'Content could not be held for review',
      },
    });
    expect(t.calls).toEqual([]);
  });

  it('the unavailable status is configurable', async () => {
    const t = app(
      { quarantine: memoryQuarantine({ fail: true }) },
      { statusCodes: { unavailable: 500 } },
    );
    expect((await request(t.app).post('/v1/posts').send({ text: 'hold me' })).status).toBe(500);
  });

  it('audit failure: 503 by default, passes with onAuditFailure continue', async () => {
    const closed = app({ audit: memoryAudit({ fail: true }) });
    const res = await request(closed.app).post('/v1/posts').send({ text: 'hello' });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('SSG_AUDIT_FAILED');
    expect(closed.calls).toEqual([]);
    const open = app({ audit: memoryAudit({ fail: true }), onAuditFailure: 'continue' });
    const ok = await request(open.app).post('/v1/posts').send({ text: 'hello' });
    expect(ok.status).toBe(201);
    expect(ok.body.ssgResult.audit).toBe('FAILED');
  });

  it('413 for a body over maxBodyBytes, whether it reads the body itself or not', async () => {
    const big = { text: 'a'.repeat(2_000) };
    const self = app({}, { maxBodyBytes: 1_000 });
    const res = await request(self.app).post('/v1/posts').send(big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('SSG_BODY_TOO_LARGE');
    const parsed = app({}, { maxBodyBytes: 1_000 }, { json: true });
    expect((await request(parsed.app).post('/v1/posts').send(big)).status).toBe(413);
    expect(self.calls).toEqual([]);
    expect(parsed.calls).toEqual([]);
  });

  it('413 when a chunked body without Content-Length grows past the limit', async () => {
    const t = app({}, { maxBodyBytes: 1_000 });
    const req = request(t.app).post('/v1/posts').set('content-type', 'application/json');
    req.write('{"text":"');
    req.write('b'.repeat(3_000));
    req.write('"}');
    const res = await req;
    expect(res.status).toBe(413);
  });

  it('400 for malformed JSON, without echoing the body', async () => {
    const t = app();
    const res = await request(t.app)
      .post('/v1/posts')
      .set('content-type', 'application/json')
      .send('{"text": "sk_live_CANARY');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: 'SSG_INVALID_BODY',
        message: 'Invalid request body',
        field: 'body',
        detail: 'request body is not valid JSON',
      },
    });
    expect(res.text).not.toContain('CANARY');
  });

  /** regression: issue 16 — a compressed body was answered "not valid JSON". */
  it('415 for a body it reads itself with a Content-Encoding; a host parser that inflates is fine', async () => {
    const zipped = gzipSync(JSON.stringify({ text: 'drop table' }));
    for (const coding of ['gzip', 'deflate', 'br', 'GZIP ']) {
      const t = app();
      const res = await request(t.app)
        .post('/v1/posts')
        .set('content-type', 'application/json')
        .set('content-encoding', coding)
        .serialize(bytesAsSent)
        .send(zipped);
      expect(res.status, coding).toBe(415);
      // RFC 9110 §15.5.16: say which coding would have been read.
      expect(res.headers['accept-encoding'], coding).toBe('identity');
      expect(res.body).toEqual({
        error: {
          code: 'SSG_UNSUPPORTED_ENCODING',
          message: 'Unsupported content encoding',
          field: 'content-encoding',
        },
      });
      expect(t.calls).toEqual([]);
    }
    // Other denials carry no Accept-Encoding.
    const blocked = await request(app().app)
      .post('/v1/posts')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ text: 'drop table' }));
    expect(blocked.status).toBe(403);
    expect(blocked.headers['accept-encoding']).toBeUndefined();
    // express.json() inflates gzip itself: the gate then inspects the decoded body.
    const parsed = await request(app({}, {}, { json: true }).app)
      .post('/v1/posts')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .serialize(bytesAsSent)
      .send(zipped);
    expect(parsed.status, parsed.text).toBe(403);
  });

  it('400 for a wrong-typed inspected field', async () => {
    for (const text of [42, ['a'], { nested: 'x' }, true]) {
      const res = await request(app().app).post('/v1/posts').send({ text });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'SSG_INVALID_BODY', field: 'text' } });
    }
  });

  it('works after express.json() and inspects configured dotted fields', async () => {
    const t = app({}, { fields: ['title', 'post.body'] }, { json: true });
    const res = await request(t.app)
      .post('/v1/posts')
      .send({ title: 'fine', post: { body: 'drop table' }, text: 'ignored' });
    expect(res.status).toBe(403);
    const ok = await request(t.app).post('/v1/posts').send({ title: 'fine', text: 'drop table' });
    expect(ok.status).toBe(201);
  });

  it('parses bodies left as text or bytes by express.text() / express.raw()', async () => {
    for (const parser of [express.text({ type: '*/*' }), express.raw({ type: '*/*' })]) {
      const ssg = createSSG({ plugins: [testPlugin] });
      const a = express();
      a.use(parser);
      a.post('/v1/posts', ssg.middleware(), (_req, res) => {
        res.status(201).end();
      });
      const res = await request(a)
        .post('/v1/posts')
        .set('content-type', 'application/json')
        .send('{"text":"drop table"}');
      expect(res.status).toBe(403);
    }
  });

  it('fails closed (500) when the body stream was consumed before the gate', async () => {
    const ssg = createSSG({ plugins: [testPlugin] });
    const calls: unknown[] = [];
    const a = express();
    a.use((req, _res, next) => {
      req.on('data', () => {});
      req.on('end', () => next());
    });
    a.post('/v1/posts', ssg.middleware(), (_req, res) => {
      calls.push(1);
      res.status(201).end();
    });
    const res = await request(a).post('/v1/posts').send({ text: 'drop table' });
    expect(res.status).toBe(500);
    expect(calls).toEqual([]);
  });

  it('400 for a JSON body that is not an object', async () => {
    for (const body of ['[]', '"drop table"', '42', 'null']) {
      const res = await request(app().app)
        .post('/v1/posts')
        .set('content-type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'SSG_INVALID_BODY', field: 'body' } });
    }
  });

  it('413 by inspected text size when a host parser read a chunked body (no Content-Length)', async () => {
    const t = app({}, { maxBodyBytes: 1_000 }, { json: true });
    const req = request(t.app).post('/v1/posts').set('content-type', 'application/json');
    req.write(JSON.stringify({ text: 'c'.repeat(3_000) }));
    const res = await req;
    expect(res.status).toBe(413);
    expect(t.calls).toEqual([]);
  });

  it('inspects only the configured methods', async () => {
    const t = app({}, { methods: ['post', 'DELETE'] });
    expect((await request(t.app).delete('/v1/posts').send({ text: 'drop table' })).status).toBe(
      403,
    );
    expect((await request(t.app).put('/v1/posts').send({ text: 'drop table' })).status).toBe(201);
  });

  it('does not inspect GET requests by default', async () => {
    const t = app();
    const res = await request(t.app).get('/v1/posts');
    expect(res.status).toBe(201);
    expect(res.body.ssgResult).toBeNull();
    expect(t.audit.events).toEqual([]);
  });

  it('validates middleware options at creation', () => {
    const ssg = createSSG({ plugins: [testPlugin] });
    expect(() => ssg.middleware({ fields: [] })).toThrow(/`fields`/);
    expect(() => ssg.middleware({ fields: ['__proto__.x'] })).toThrow(/`fields\[0\]`/);
    expect(() => ssg.middleware({ maxBodyBytes: 0 })).toThrow(/`maxBodyBytes`/);
    expect(() => ssg.middleware({ statusCodes: { block: 99 } })).toThrow(/`statusCodes.block`/);
    expect(() => ssg.middleware({ onQuarantine: 'drop' as never })).toThrow(/`onQuarantine`/);
    expect(() => ssg.middleware({ methods: [''] })).toThrow(/`methods`/);
    expect(() => ssg.middleware({ contentType: '' })).toThrow(/`contentType`/);
    expect(() => ssg.middleware({ extract: 'x' as never })).toThrow(/`extract`/);
  });
});

describe('type compatibility with both Express majors', () => {
  it('mounts with app.use on Express 4 types as well as Express 5 types', async () => {
    const ssg = createSSG({ plugins: [testPlugin] });
    const app4: import('express4').Express = express4();
    const router4 = express4.Router();
    router4.post('/', (req, res) => {
      res.json({ verdict: (req as SSGRequest).ssgResult?.verdict });
    });
    app4.use('/v1/posts', ssg.middleware(), router4);
    const res = await request(app4).post('/v1/posts').send({ text: 'hi' });
    expect(res.body).toEqual({ verdict: 'PASS' });
  });
});
