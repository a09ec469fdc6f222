import express from 'express';
import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createSSG } from './create-ssg.js';
import { isSSGError, SSGErrorCode } from './errors.js';
import { memoryAudit, memoryQuarantine } from './internal/test-doubles.js';
import { keywordPlugin } from './keyword-plugin.js';

const holdPlugin = keywordPlugin({ rules: [{ term: 'hold me', label: 'SUSPICIOUS', score: 70 }] });
const LONE_HALVES = ['\ud800', '\udbff', '\udc00', '\udfff'];

function gate() {
  const quarantine = memoryQuarantine();
  const audit = memoryAudit();
  const ssg = createSSG({ plugins: [holdPlugin], quarantine, audit });
  return { ssg, quarantine, audit };
}

async function invalidInputField(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    if (isSSGError(error) && error.code === SSGErrorCode.INVALID_INPUT) return error.field;
    throw error;
  }
  return undefined;
}

/** regression: issue 16 — a lone surrogate after held text turned QUARANTINE into a 503. */
describe('ill-formed UTF-16 at the gate', () => {
  it('refuses text holding a lone surrogate before any plugin, store or audit', async () => {
    for (const half of LONE_HALVES) {
      const { ssg, quarantine, audit } = gate();
      const field = await invalidInputField(() =>
        ssg.inspect({ text: `please hold me${half}`, contentType: 'POST' }),
      );
      expect(field).toBe('text');
      expect(quarantine.records.size).toBe(0);
      expect(audit.events).toEqual([]);
    }
  });

  it('refuses lone surrogates in ids and category, naming the field', async () => {
    const { ssg } = gate();
    const base = { text: 'hello', contentType: 'POST' };
    expect(
      await invalidInputField(() => ssg.inspect({ ...base, metadata: { agentId: 'a\udc00' } })),
    ).toBe('metadata.agentId');
    expect(await invalidInputField(() => ssg.inspect({ ...base, category: '\ud800x' }))).toBe(
      'category',
    );
    expect(await invalidInputField(() => ssg.inspect({ ...base, contentType: 'P\udfff' }))).toBe(
      'contentType',
    );
  });

  it('accepts well-formed pairs (emoji, astral letters) and still holds what it should', async () => {
    const { ssg, quarantine } = gate();
    const inspection = await ssg.inspect({ text: 'hold me 😀 𝒜', contentType: 'POST' });
    expect(inspection.verdict).toBe('QUARANTINE');
    expect(quarantine.records.size).toBe(1);
  });

  it('property: any string with a lone surrogate is refused, any well-formed string is not', async () => {
    const { ssg } = gate();
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.constantFrom(...LONE_HALVES),
        async (before, after, half) => {
          // The space keeps `half` unpaired whatever `after` starts with.
          const text = `${before}${half} ${after}`;
          expect(await invalidInputField(() => ssg.inspect({ text, contentType: 'POST' }))).toBe(
            'text',
          );
          const clean = await invalidInputField(() =>
            ssg.inspect({ text: `${before} ${after}`, contentType: 'POST' }),
          );
          expect(clean).toBeUndefined();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('over HTTP: a JSON \\ud800 escape answers 400 naming the field, never 503, nothing held', async () => {
    const { ssg, quarantine } = gate();
    const app = express();
    app.post('/v1/posts', ssg.middleware(), (_req, res) => {
      res.status(201).end();
    });
    const res = await request(app)
      .post('/v1/posts')
      .set('content-type', 'application/json')
      .send('{"text":"please hold me \\ud800"}');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: 'SSG_INVALID_INPUT', message: 'Invalid request', field: 'text' },
    });
    expect(quarantine.records.size).toBe(0);
  });

  /** regression: issue 16 — an agent id over 256 characters answered 500. */
  it('over HTTP: an over-long agent id from the host facts answers 400, not 500', async () => {
    const { ssg } = gate();
    const app = express();
    app.post(
      '/v1/posts',
      ssg.middleware({ extract: (req) => ({ agentId: String(req.headers['x-agent-id']) }) }),
      (_req, res) => {
        res.status(201).end();
      },
    );
    const res = await request(app)
      .post('/v1/posts')
      .set('x-agent-id', 'a'.repeat(300))
      .send({ text: 'hello' });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'SSG_INVALID_INPUT',
      message: 'Invalid request',
      field: 'metadata.agentId',
    });
  });
});
