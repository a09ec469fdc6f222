/**
 * The security suite's fuzzing of every moderation route over real HTTP,
 * against the real quarantine (PostgreSQL + S3) and audit trail: random and
 * hostile methods, paths, ids, queries, credentials and bodies. Whatever
 * arrives, the router answers with a status it documents and the family's
 * JSON error body (never a 500, a stack trace or HTML), pollutes no
 * prototype, and never lets held content out except through a content view.
 */
import { isErrorBody } from '@clawexchange/ssg/common';
import { type RawReply, sendRaw } from '@clawexchange/test-utils/http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canary, hold, startWorld, type World } from './setup.js';

let w: World;
let secret: string;
let heldId: string;
let csrf: string;

beforeAll(async () => {
  w = await startWorld();
  secret = canary();
  heldId = await hold(w, `leaked ${secret} here`, { tier: 'HIGH', sourceId: 'fuzz-post' });
  const res = await send('GET', '/human/csrf-token', { Cookie: 'sid=alice' });
  csrf = (JSON.parse(res.body) as { csrfToken: string }).csrfToken;
});
afterAll(async () => {
  await w?.close();
});

/** One raw request to the router (bytes as given: invalid UTF-8 and odd paths arrive unchanged). */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<RawReply> {
  return sendRaw({ url: w.url, method, path: `${w.mount}${path}`, headers, body });
}

const hostileSegment = fc.oneof(
  fc.constantFrom(
    '..',
    '..%2F..%2Fetc%2Fpasswd',
    '%00',
    "' OR 1=1 --",
    '%27%3B%20DROP%20TABLE%20quarantine_records%3B--',
    '__proto__',
    'constructor',
    '%F0%9F%98%80',
    '%ED%A0%80',
    '%FF%FE',
    'a'.repeat(5000),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent),
  fc.uuid(),
);

const path = fc.oneof(
  fc.constant('/bot/queue'),
  fc.constant('/bot/action'),
  fc.constant('/human/quarantine'),
  hostileSegment.map((id) => `/human/quarantine/${id}`),
  hostileSegment.map((id) => `/human/quarantine/${id}/history`),
  fc.constant('/human/action'),
  fc.constant('/human/content-access'),
  hostileSegment.map((t) => `/human/content/${t}`),
  fc.constant('/human/csrf-token'),
  hostileSegment.map((p) => `/${p}`),
);

const query = fc.oneof(
  fc.constant(''),
  fc
    .dictionary(
      fc.constantFrom('cursor', 'limit', 'tier', 'status', 'label', '__proto__', 'extra'),
      fc.oneof(
        hostileSegment,
        fc.integer().map(String),
        fc.constantFrom('-1', '1e309', 'NaN', "'; SELECT pg_sleep(10)--"),
      ),
    )
    .map(
      (q) =>
        `?${Object.entries(q)
          .map(([k, v]) => `${k}=${v}`)
          .join('&')}`,
    ),
);

const credentials = fc.constantFrom<Record<string, string>>(
  {},
  { Authorization: 'Bearer ' },
  { Authorization: 'Basic YWRtaW46YWRtaW4=' },
  { Authorization: 'Bearer mod_fake.forged-token' },
  { Cookie: 'sid=mallory' },
  { Cookie: 'sid=alice' },
  { Cookie: 'sid=alice', 'X-CSRF-Token': 'forged' },
  { Cookie: 'sid=alice', 'X-CSRF-Token': '__CSRF__' },
  { Authorization: 'Bearer __READER__' },
  { Authorization: 'Bearer __ACTOR__' },
);

/** Deeply nested JSON (past what a recursive parser would survive). */
const deep = (n: number): string => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v))),
  fc
    .record({
      id: fc.oneof(hostileSegment, fc.constant('__HELD__')),
      action: fc.constantFrom('release', 'delete', 'escalate', 'approve', '__proto__'),
      reason: fc.string({ maxLength: 50 }),
      expectedStatus: fc.constantFrom('QUARANTINED', 'UNDER_REVIEW', 'x'),
    })
    .map((v) => Buffer.from(JSON.stringify(v))),
  fc.constant(Buffer.from('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}')),
  fc.constant(Buffer.from(deep(10_000))),
  fc.constant(Buffer.from('{"id":"\\ud800","action":"release"}')),
  fc.constant(Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
  fc.constant(Buffer.from(`{"reason":"${'x'.repeat(2_000_000)}"}`)),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(s)),
);

/** Statuses the router documents; anything else (500 above all) is a finding. */
const DOCUMENTED = new Set([200, 201, 204, 400, 401, 403, 404, 405, 409, 410, 413, 415, 422, 429]);

describe('moderation routes under fuzzing', () => {
  /** regression: issue 16 — the security suite's fuzzing of every HTTP endpoint. */
  it('answers every request with a documented status and the JSON error body; nothing leaks or pollutes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        path,
        query,
        credentials,
        body,
        async (method, p, q, creds, raw) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(creds)) {
            headers[k] = v
              .replace('__READER__', w.tokens.reader)
              .replace('__ACTOR__', w.tokens.actor)
              .replace('__CSRF__', csrf);
          }
          if (raw !== undefined) headers['content-type'] = 'application/json';
          const payload =
            raw === undefined
              ? undefined
              : Buffer.from(raw.toString('latin1').replace('__HELD__', heldId), 'latin1');
          const res = await send(method, `${p}${q}`, headers, payload);
          expect(DOCUMENTED.has(res.status), `${method} ${p} -> ${res.status}`).toBe(true);
          expect(res.body).not.toContain(secret);
          expect(res.body).not.toMatch(/at .+\.(ts|js):\d+|<html/i);
          if (res.status >= 400) {
            expect(res.type).toMatch(/^application\/json/);
            expect(isErrorBody(JSON.parse(res.body))).toBe(true);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 250 },
    );
    // The held record's content never reached a log line either.
    expect(w.logger.lines.join('\n')).not.toContain(secret);
  }, 300_000);

  it('a known path with a method it does not serve is a JSON 405 naming the allowed method', async () => {
    const res = await send('DELETE', '/bot/queue', {});
    expect(res.status).toBe(405);
    expect(JSON.parse(res.body)).toEqual({
      error: {
        code: 'MODERATION_METHOD_NOT_ALLOWED',
        message: 'this route does not serve that method',
      },
    });
    const unknown = await send('GET', '/no/such/route', {});
    expect([unknown.status, JSON.parse(unknown.body).error.code]).toEqual([404, 'NOT_FOUND']);
  });
});
