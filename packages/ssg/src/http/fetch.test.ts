import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createSSG } from '../create-ssg.js';
import { memoryAudit, memoryQuarantine } from '../internal/test-doubles.js';
import { keywordPlugin } from '../keyword-plugin.js';
import { denialResponse } from './fetch.js';

const plugin = keywordPlugin({
  rules: [
    { term: 'hold me', label: 'SUSPICIOUS', score: 70 },
    { term: 'drop table', label: 'ATTACK', score: 95 },
  ],
});

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://localhost/v1/posts', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('ssg.inspectRequest (Fetch API)', () => {
  const ssg = createSSG({ plugins: [plugin], quarantine: memoryQuarantine() });

  it('allows clean content and returns the parsed body', async () => {
    const outcome = await ssg.inspectRequest(post(JSON.stringify({ text: 'hello' })));
    expect(outcome).toMatchObject({
      allowed: true,
      body: { text: 'hello' },
      inspection: { verdict: 'PASS' },
    });
  });

  it('denies BLOCK with 403 and builds the matching Response', async () => {
    const outcome = await ssg.inspectRequest(post(JSON.stringify({ text: 'drop table' })));
    expect(outcome).toMatchObject({
      allowed: false,
      status: 403,
      payload: {
        error: { code: 'SSG_CONTENT_BLOCKED', message: 'Content blocked', tier: 'CRITICAL' },
      },
    });
    if (outcome.allowed) throw new Error('unreachable');
    const response = denialResponse(outcome);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({
      error: { code: 'SSG_CONTENT_BLOCKED', message: 'Content blocked', tier: 'CRITICAL' },
    });
  });

  it('answers 202 for QUARANTINE with the id', async () => {
    const outcome = await ssg.inspectRequest(post(JSON.stringify({ text: 'hold me' })));
    expect(outcome).toMatchObject({
      allowed: false,
      status: 202,
      payload: { status: 'QUARANTINED', tier: 'HIGH' },
    });
  });

  it('answers 413 by Content-Length and by streamed size, 400 for malformed JSON and wrong types', async () => {
    const big = JSON.stringify({ text: 'a'.repeat(500) });
    expect(await ssg.inspectRequest(post(big), { maxBodyBytes: 100 })).toMatchObject({
      status: 413,
    });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(50)));
        controller.close();
      },
    });
    const chunked = new Request('http://localhost/', {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(await ssg.inspectRequest(chunked, { maxBodyBytes: 100 })).toMatchObject({ status: 413 });
    expect(await ssg.inspectRequest(post('{oops'))).toMatchObject({
      status: 400,
      payload: { error: { code: 'SSG_INVALID_BODY' } },
    });
    expect(await ssg.inspectRequest(post('{"text":1}'))).toMatchObject({
      status: 400,
      payload: { error: { field: 'text' } },
    });
  });

  /** regression: issue 16 — a compressed body was answered "not valid JSON". */
  it('answers 415 for a body with a Content-Encoding, and reads identity as plain', async () => {
    const zipped = new Uint8Array(gzipSync(JSON.stringify({ text: 'drop table' })));
    const request = new Request('http://localhost/v1/posts', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: zipped,
    });
    const again = request.clone();
    expect(await ssg.inspectRequest(request)).toEqual({
      allowed: false,
      status: 415,
      inspection: undefined,
      payload: {
        error: {
          code: 'SSG_UNSUPPORTED_ENCODING',
          message: 'Unsupported content encoding',
          field: 'content-encoding',
        },
      },
    });
    const refused = await ssg.inspectRequest(again);
    if (refused.allowed) throw new Error('expected a denial');
    // RFC 9110 §15.5.16: the answer says which coding would have been read.
    const answer = denialResponse(refused);
    expect(answer.headers.get('accept-encoding')).toBe('identity');
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const plain = post(JSON.stringify({ text: 'drop table' }), { 'content-encoding': 'Identity' });
    const blocked = await ssg.inspectRequest(plain);
    expect(blocked).toMatchObject({ allowed: false, status: 403 });
    if (blocked.allowed) throw new Error('expected a denial');
    expect(denialResponse(blocked).headers.get('accept-encoding')).toBeNull();
  });

  it('lets uninspected methods through without reading the body', async () => {
    const get = new Request('http://localhost/v1/posts');
    expect(await ssg.inspectRequest(get)).toEqual({
      allowed: true,
      inspection: undefined,
      body: undefined,
    });
  });

  it('uses the extractor for actor and content type', async () => {
    const audit = memoryAudit();
    const gated = createSSG({ plugins: [plugin], audit });
    await gated.inspectRequest(post('{"text":"hi"}', { 'x-agent': 'a-1' }), {
      extract: (request) => ({
        agentId: request.headers.get('x-agent') ?? 'none',
        contentType: 'MESSAGE',
      }),
    });
    expect(audit.events[0]).toMatchObject({ actorId: 'a-1', metadata: { contentType: 'MESSAGE' } });
  });

  it('fetchHandler wraps a handler: denied requests never reach it', async () => {
    const seen: unknown[] = [];
    const handler = ssg.fetchHandler((_request, gate) => {
      seen.push(gate.body);
      return Response.json({ ok: true, verdict: gate.inspection?.verdict });
    });
    const ok = await handler(post('{"text":"hello"}'));
    expect(await ok.json()).toEqual({ ok: true, verdict: 'PASS' });
    const denied = await handler(post('{"text":"drop table"}'));
    expect(denied.status).toBe(403);
    expect(seen).toEqual([{ text: 'hello' }]);
  });

  it('503 when the quarantine store fails', async () => {
    const failing = createSSG({ plugins: [plugin], quarantine: memoryQuarantine({ fail: true }) });
    expect(await failing.inspectRequest(post('{"text":"hold me"}'))).toMatchObject({
      allowed: false,
      status: 503,
      payload: { error: { code: 'SSG_QUARANTINE_FAILED' } },
    });
  });

  it('DRY_RUN always allows, even for BLOCK, malformed bodies and failing extractors', async () => {
    const dry = createSSG({ plugins: [plugin], mode: 'DRY_RUN' });
    expect(await dry.inspectRequest(post('{"text":"drop table"}'))).toMatchObject({
      allowed: true,
      body: { text: 'drop table' },
      inspection: { verdict: 'PASS', wouldVerdict: 'BLOCK' },
    });
    expect((await dry.inspectRequest(post('{'))).allowed).toBe(true);
    const boom = () => {
      throw new Error('x');
    };
    expect((await dry.inspectRequest(post('{}'), { extract: boom })).allowed).toBe(true);
  });

  /** regression: issue 2 */
  it('DRY_RUN leaves the request body whole for the handler, even past the limit', async () => {
    const dry = createSSG({ plugins: [plugin], mode: 'DRY_RUN' });
    const big = JSON.stringify({ text: 'b'.repeat(5_000) });
    const bodies: string[] = [];
    const handler = dry.fetchHandler(
      async (request) => {
        bodies.push(await request.text());
        return new Response(null, { status: 201 });
      },
      { maxBodyBytes: 1_000 },
    );
    const chunked = new Request('http://localhost/v1/posts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect((await handler(chunked)).status).toBe(201);
    expect((await handler(post('{'))).status).toBe(201);
    const clean = post('{"text":"drop table"}');
    expect(await dry.inspectRequest(clean)).toMatchObject({
      allowed: true,
      body: { text: 'drop table' },
    });
    expect(bodies).toEqual([big, '{']);
    expect(await clean.json()).toEqual({ text: 'drop table' });
  });
});
