import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isModerationError, ModerationError } from '../errors.js';
import { parseUrl, readJson, sendError } from './http.js';

function req(chunks: (string | Buffer)[], headers: Record<string, string>, extra: object = {}) {
  return Object.assign(Readable.from(chunks), {
    headers,
    ...extra,
  }) as unknown as IncomingMessage & {
    body?: unknown;
  };
}
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isModerationError(e)) return e.code;
    throw e;
  }
  return 'resolved';
}

describe('readJson', () => {
  it('parses a streamed body split across chunks', async () => {
    expect(await readJson(req(['{"a":', Buffer.from('1}')], JSON_TYPE), 100)).toEqual({ a: 1 });
  });

  it('refuses a wrong content type, a declared or actual oversize, and invalid JSON', async () => {
    expect(await codeOf(readJson(req(['{}'], { 'content-type': 'text/plain' }), 100))).toBe(
      'MODERATION_MALFORMED_BODY',
    );
    expect(await codeOf(readJson(req(['{}'], {}), 100))).toBe('MODERATION_MALFORMED_BODY');
    expect(
      await codeOf(readJson(req(['{}'], { ...JSON_TYPE, 'content-length': '101' }), 100)),
    ).toBe('MODERATION_BODY_TOO_LARGE');
    expect(await codeOf(readJson(req(['x'.repeat(60), 'y'.repeat(60)], JSON_TYPE), 100))).toBe(
      'MODERATION_BODY_TOO_LARGE',
    );
    expect(await codeOf(readJson(req(['{"a":'], JSON_TYPE), 100))).toBe(
      'MODERATION_MALFORMED_BODY',
    );
  });

  it('never echoes the body in its error', async () => {
    try {
      await readJson(req(['{"secret":"sk_live_abc"'], JSON_TYPE), 100);
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('sk_live');
    }
  });

  it('uses a body the host already parsed; a null one is malformed', async () => {
    expect(await readJson(req([], JSON_TYPE, { body: { b: 2 } }), 100)).toEqual({ b: 2 });
    expect(await codeOf(readJson(req([], JSON_TYPE, { body: null }), 100))).toBe(
      'MODERATION_MALFORMED_BODY',
    );
  });

  /** regression: issue 16 — a gzip body was answered "not valid JSON" (review finding) */
  it('refuses a body it would read itself with a content coding; identity and a parsed body pass', async () => {
    const zipped = gzipSync('{"a":1}');
    for (const coding of ['gzip', 'deflate', 'br', ' GZIP ']) {
      const refused = await codeOf(
        readJson(req([zipped], { ...JSON_TYPE, 'content-encoding': coding }), 100),
      );
      expect(refused, coding).toBe('MODERATION_UNSUPPORTED_ENCODING');
    }
    expect(
      await readJson(req(['{"a":1}'], { ...JSON_TYPE, 'content-encoding': 'Identity' }), 100),
    ).toEqual({ a: 1 });
    // express.json() inflated it already: the router uses its result.
    const parsed = req([], { ...JSON_TYPE, 'content-encoding': 'gzip' }, { body: { a: 1 } });
    expect(await readJson(parsed, 100)).toEqual({ a: 1 });
  });
});

describe('sendError', () => {
  it('answers a refused coding 415 with Accept-Encoding: identity, and no such header otherwise', () => {
    const answer = (e: ModerationError) => {
      const headers: Record<string, string> = {};
      const res = {
        statusCode: 0,
        setHeader: (k: string, v: string) => {
          headers[k.toLowerCase()] = v;
        },
        end: () => undefined,
      } as unknown as ServerResponse;
      sendError(res, e);
      return { status: res.statusCode, headers };
    };
    const coded = answer(new ModerationError('MODERATION_UNSUPPORTED_ENCODING', 'coded'));
    expect([coded.status, coded.headers['accept-encoding']]).toEqual([415, 'identity']);
    const malformed = answer(new ModerationError('MODERATION_MALFORMED_BODY', 'bad'));
    expect([malformed.status, malformed.headers['accept-encoding']]).toEqual([400, undefined]);
  });
});

describe('parseUrl', () => {
  it('splits path and query; repeated keys become arrays', () => {
    const { path, query } = parseUrl({
      url: '/bot/queue?tier=LOW&tier=HIGH&limit=5',
    } as IncomingMessage);
    expect(path).toBe('/bot/queue');
    expect(query).toEqual({ tier: ['LOW', 'HIGH'], limit: '5' });
  });
});
