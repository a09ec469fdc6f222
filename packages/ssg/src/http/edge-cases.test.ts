import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import express5 from 'express';
import express4 from 'express4';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { SSGConfig } from '../config.js';
import { createSSG } from '../create-ssg.js';
import { isSSGError } from '../errors.js';
import { memoryAudit, memoryQuarantine } from '../internal/test-doubles.js';
import { keywordPlugin } from '../keyword-plugin.js';
import { readNodeBody } from './body.js';
import type { SSGMiddlewareOptions } from './express.js';

const plugin = keywordPlugin({
  rules: [
    { term: 'hold me', label: 'SUSPICIOUS', score: 70 },
    { term: 'drop table', label: 'ATTACK', score: 95 },
  ],
});

/** `{"text":"` + 0xFF 0xFE + `"}`: not UTF-8. */
const NOT_UTF8 = Buffer.from([
  0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d,
]);

type ExpressLike = typeof express5;
const majors: [string, ExpressLike][] = [
  ['Express 5', express5],
  ['Express 4', express4 as unknown as ExpressLike],
];

describe.each(majors)('middleware edge cases on %s', (_name, express) => {
  function app(config: Partial<SSGConfig> = {}, options: SSGMiddlewareOptions = {}) {
    const audit = memoryAudit();
    const ssg = createSSG({ plugins: [plugin], quarantine: memoryQuarantine(), audit, ...config });
    const calls: unknown[] = [];
    const a = express();
    a.use(express.json());
    a.post(
      '/v1/posts',
      ssg.middleware(options),
      express.urlencoded({ extended: false }),
      (req, res) => {
        calls.push(req.body);
        res.status(201).json({ ssgResult: req.ssgResult ?? null });
      },
    );
    return { app: a, calls, audit };
  }

  /** regression: Express 4's express.json() leaves `req.body = {}` for types it skips. */
  it('never takes a skipped parser’s placeholder body for the content', async () => {
    const t = app();
    const form = await request(t.app)
      .post('/v1/posts')
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('text=drop+table');
    expect(form.status).toBe(400);
    const plain = await request(t.app)
      .post('/v1/posts')
      .set('content-type', 'text/plain')
      .send('{"text":"drop table"}');
    expect(plain.status).toBe(403);
    expect(t.calls).toEqual([]);
  });

  /** regression: on Express 4 a parser after the gate re-read the drained stream (500). */
  it('leaves the parsed body to parsers mounted after it', async () => {
    const ssg = createSSG({ plugins: [plugin] });
    const a = express();
    a.post('/v1/posts', ssg.middleware(), express.json(), (req, res) => {
      res.status(201).json(req.body);
    });
    const res = await request(a).post('/v1/posts').send({ text: 'hello' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ text: 'hello' });
  });

  it('still passes a bodiless request whose placeholder body is {}', async () => {
    const t = app();
    const res = await request(t.app).post('/v1/posts');
    expect(res.status).toBe(201);
    expect(res.body.ssgResult).toMatchObject({ verdict: 'PASS' });
  });

  it('answers 400 for a body that is not UTF-8, naming the reason', async () => {
    const ssg = createSSG({ plugins: [plugin] });
    const a = express();
    a.post('/v1/posts', ssg.middleware(), (_req, res) => {
      res.status(201).end();
    });
    // Raw bytes over a real socket (supertest would JSON-encode a Buffer).
    const server = a.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/v1/posts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: NOT_UTF8,
    });
    const res = { status: response.status, body: await response.json() };
    await new Promise((resolve) => server.close(resolve));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: 'SSG_INVALID_BODY',
        message: 'Invalid request body',
        field: 'body',
        detail: 'request body is not valid UTF-8',
      },
    });
  });

  it('QUARANTINE with onQuarantine next still answers 503 when the content cannot be held', async () => {
    const t = app({ quarantine: memoryQuarantine({ fail: true }) }, { onQuarantine: 'next' });
    const res = await request(t.app).post('/v1/posts').send({ text: 'hold me' });
    expect(res.status).toBe(503);
    expect(t.calls).toEqual([]);
    expect(t.audit.events[0]?.metadata).toMatchObject({ quarantineFailed: true });
  });

  it('QUARANTINE with onQuarantine next hands the handler no score', async () => {
    const t = app({}, { onQuarantine: 'next' });
    const res = await request(t.app).post('/v1/posts').send({ text: 'hold me' });
    expect(res.status).toBe(201);
    expect(res.body.ssgResult).toMatchObject({ verdict: 'QUARANTINE', quarantineId: 'q-1' });
    expect(Object.keys(res.body.ssgResult)).not.toContain('score');
  });

  it('ignores prototype keys in the body and pollutes nothing', async () => {
    const t = app({}, { fields: ['text', 'post.text'] });
    const body =
      '{"__proto__":{"text":"drop table"},"post":{"__proto__":{"text":"drop table"}},' +
      '"constructor":{"prototype":{"text":"drop table"}}}';
    const res = await request(t.app)
      .post('/v1/posts')
      .set('content-type', 'application/json')
      .send(body);
    expect(res.status).toBe(201);
    expect(({} as Record<string, unknown>).text).toBeUndefined();
  });

  it('handles a body with very many fields within the limit', async () => {
    const body: Record<string, string> = { text: 'drop table' };
    for (let i = 0; i < 5_000; i++) body[`k${i}`] = 'v';
    const res = await request(app().app).post('/v1/posts').send(body);
    expect(res.status).toBe(403);
  });
});

describe('reading a request body that ends early', () => {
  async function readWhile(sabotage: (req: IncomingMessage) => void): Promise<unknown> {
    let settled!: Promise<unknown>;
    const started = new Promise<void>((resolve) => {
      const server = createServer((req) => {
        settled = readNodeBody(req, 10_000).then(
          () => 'resolved',
          (error: unknown) => error,
        );
        sabotage(req);
        resolve();
        void settled.finally(() => server.close());
      });
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        const client = httpRequest({
          port,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': '1000' },
        });
        client.on('error', () => {}); // the server side ends the exchange on purpose
        client.write('{"text":"aaaa');
        // The client aborts once the server has seen the request.
        void started.then(() => setImmediate(() => client.destroy()));
      });
    });
    await started;
    return settled;
  }

  it('rejects with SSG_INVALID_BODY when the client aborts mid-body (no hang)', async () => {
    const error = await readWhile(() => {});
    expect(isSSGError(error) && error.code).toBe('SSG_INVALID_BODY');
  });

  it('the middleware answers (400) and never calls the handler when the client aborts', async () => {
    const ssg = createSSG({ plugins: [plugin] });
    const middleware = ssg.middleware();
    const handled: string[] = [];
    let answered!: (status: number) => void;
    const answer = new Promise<number>((resolve) => {
      answered = resolve;
    });
    let seen!: () => void;
    const requestSeen = new Promise<void>((resolve) => {
      seen = resolve;
    });
    const server = createServer((req, res) => {
      // The socket is gone, so observe the gate's answer where it is written.
      const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
      res.end = ((...args: unknown[]) => {
        answered(res.statusCode);
        return end(...args);
      }) as typeof res.end;
      middleware(req, res, () => handled.push('next'));
      seen();
    });
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const client = httpRequest({
      port,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '1000' },
    });
    client.on('error', () => {});
    client.write('{"text":"drop');
    // Abort only once the server is reading this request (no timing guess).
    void requestSeen.then(() => setImmediate(() => client.destroy()));
    expect(await answer).toBe(400);
    expect(handled).toEqual([]);
    await new Promise((resolve) => server.close(resolve));
  });

  it('rejects when the stream is destroyed without an error (no hang)', async () => {
    const error = await readWhile((req) => req.once('data', () => req.destroy()));
    expect(isSSGError(error) && error.code).toBe('SSG_INVALID_BODY');
  });
});

describe('Fetch adapter bodies', () => {
  const ssg = createSSG({ plugins: [plugin], quarantine: memoryQuarantine({ fail: true }) });
  const post = (body: ReadableStream<Uint8Array> | Uint8Array | string) =>
    new Request('http://localhost/v1/posts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);

  it('answers 400 for a stream that fails mid-body', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"text":"drop'));
        controller.error(new Error('client went away'));
      },
    });
    const outcome = await ssg.inspectRequest(post(stream));
    expect(outcome).toMatchObject({ allowed: false, status: 400 });
  });

  it('answers 400 for a body that is not UTF-8', async () => {
    const outcome = await ssg.inspectRequest(post(NOT_UTF8));
    expect(outcome).toMatchObject({
      allowed: false,
      status: 400,
      payload: { error: { detail: 'request body is not valid UTF-8' } },
    });
  });

  it('refuses a request whose body was already taken', async () => {
    const req = post(JSON.stringify({ text: 'drop table' }));
    (req.body as ReadableStream).getReader();
    await expect(ssg.inspectRequest(req)).rejects.toMatchObject({ code: 'SSG_BODY_UNAVAILABLE' });
  });

  it('answers 503 when the audit sink fails (fail closed by default), lets it pass with continue', async () => {
    const body = JSON.stringify({ text: 'hello' });
    const closed = createSSG({ plugins: [plugin], audit: memoryAudit({ fail: true }) });
    expect(await closed.inspectRequest(post(body))).toMatchObject({
      allowed: false,
      status: 503,
      payload: { error: { code: 'SSG_AUDIT_FAILED' } },
    });
    const open = createSSG({
      plugins: [plugin],
      audit: memoryAudit({ fail: true }),
      onAuditFailure: 'continue',
    });
    expect(await open.inspectRequest(post(body))).toMatchObject({
      allowed: true,
      inspection: { audit: 'FAILED' },
    });
  });

  it("QUARANTINE with onQuarantine 'next' is 503 when the content cannot be held", async () => {
    const outcome = await ssg.inspectRequest(post(JSON.stringify({ text: 'hold me' })), {
      onQuarantine: 'next',
    });
    expect(outcome).toMatchObject({ allowed: false, status: 503 });
  });
});
