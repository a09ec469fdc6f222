/**
 * The security suite's fuzzing of the gate's HTTP surfaces (Express
 * middleware over a real socket, and the Fetch adapter): random, hostile and
 * malformed bodies. Every answer is a documented status with the family's
 * JSON error body (never a 500 from the gate, a stack or HTML), content the
 * gate holds is never published, and a canary planted in the bodies never
 * reaches a log line, a metric attribute, an audit event or an error body.
 */
import type { AddressInfo } from 'node:net';
import { type RawReply, sendRaw } from '@clawexchange/test-utils/http';
import express from 'express';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isErrorBody } from '../common/http.js';
import { createSSG } from '../create-ssg.js';
import {
  memoryAudit,
  memoryQuarantine,
  recordingLogger,
  recordingMeter,
} from '../internal/test-doubles.js';
import { keywordPlugin } from '../keyword-plugin.js';

const CANARY = 'CANARY-ssg-fuzz-7f3a9c';
const plugin = keywordPlugin({
  rules: [
    { term: 'hold me', label: 'SUSPICIOUS', score: 70 },
    { term: 'drop table', label: 'ATTACK', score: 95 },
  ],
});

function gate() {
  const logger = recordingLogger();
  const meter = recordingMeter();
  const audit = memoryAudit();
  const quarantine = memoryQuarantine();
  const ssg = createSSG({ plugins: [plugin], quarantine, audit, logger, meter });
  return { ssg, logger, meter, audit, quarantine };
}

const g = gate();
const published: string[] = [];
let base = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const app = express();
  app.post('/v1/posts', g.ssg.middleware({ maxBodyBytes: 256 * 1024 }), (req, res) => {
    const text = (req.body as { text?: unknown } | undefined)?.text;
    published.push(typeof text === 'string' ? text : '');
    res.status(201).json({ ok: true });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await close();
});

function post(body: Buffer, contentType: string): Promise<RawReply> {
  return sendRaw({
    url: base,
    method: 'POST',
    path: '/v1/posts',
    headers: { 'content-type': contentType },
    body,
  });
}

const deep = (n: number): string => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
const textValue = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom('hold me', 'please drop table users', `${CANARY} hold me`, `x${CANARY}\ud800`),
  fc.string({ unit: 'binary', maxLength: 80 }).map((s) => `${s} ${CANARY}`),
);
const body = fc.oneof(
  textValue.map((text) => Buffer.from(JSON.stringify({ text }))),
  fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v))),
  fc.constant(Buffer.from(`{"__proto__":{"polluted":"${CANARY}"},"text":"hi"}`)),
  fc.constant(Buffer.from(`{"constructor":{"prototype":{"polluted":1}},"text":"${CANARY}"}`)),
  fc.constant(Buffer.from(deep(20_000))),
  fc.constant(Buffer.from(`{"text":"${CANARY}${'x'.repeat(300 * 1024)}"}`)),
  fc.constant(Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(`${s}${CANARY}`)),
);
/** Bodies print as their size in counterexamples (some are megabytes). */
const shortBody = body.map((b) =>
  Object.assign(b, {
    [fc.toStringMethod]: () => `<${b.length} bytes: ${b.subarray(0, 40).toString('latin1')}…>`,
  }),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
);

/** The gate's documented answers: pass, 400 body, 403 block, 413 size, 202/403 held, 503. */
const DOCUMENTED = new Set([201, 400, 403, 413, 415, 422, 503, 202]);

describe('gate HTTP surfaces under fuzzing', () => {
  /** regression: issue 16 — the security suite's fuzzing of every HTTP endpoint. */
  it('Express: documented statuses, JSON error bodies, nothing held is published, no canary leaks', async () => {
    await fc.assert(
      fc.asyncProperty(shortBody, contentType, async (raw, type) => {
        const before = published.length;
        const res = await post(raw, type);
        expect(DOCUMENTED.has(res.status), `status ${res.status}`).toBe(true);
        expect(res.body).not.toMatch(/<html|at .+\.(ts|js):\d+/i);
        if (res.status >= 400) {
          expect(res.type).toMatch(/^application\/json/);
          expect(isErrorBody(JSON.parse(res.body))).toBe(true);
          expect(published.length).toBe(before);
        }
        if (res.status !== 201) expect(res.body).not.toContain(CANARY);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
    // Nothing published was held or blocked content.
    for (const p of published) expect(p).not.toMatch(/hold me|drop table/);
    const outside = JSON.stringify([g.logger.lines, g.meter.points, g.audit.stored]);
    expect(outside).not.toContain(CANARY);
  }, 300_000);

  it('Fetch adapter: the same answers for the same hostile bodies', async () => {
    const f = gate();
    const handler = f.ssg.fetchHandler(async () => new Response(null, { status: 201 }), {
      maxBodyBytes: 256 * 1024,
    });
    await fc.assert(
      fc.asyncProperty(shortBody, contentType, async (raw, type) => {
        const res = await handler(
          new Request('http://gate.test/v1/posts', {
            method: 'POST',
            headers: { 'content-type': type },
            body: raw,
          }),
        );
        expect(DOCUMENTED.has(res.status), `status ${res.status}`).toBe(true);
        if (res.status >= 400) {
          const text = await res.text();
          expect(isErrorBody(JSON.parse(text))).toBe(true);
          expect(text).not.toContain(CANARY);
        }
      }),
      { numRuns: 200 },
    );
    expect(JSON.stringify([f.logger.lines, f.meter.points, f.audit.stored])).not.toContain(CANARY);
  }, 300_000);
});
