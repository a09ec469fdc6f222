/**
 * A planted secret must never leave the gate except as the content handed to
 * the quarantine sink: not in audit events, logs, errors, results, metrics,
 * HTTP answers, or JSON.stringify / util.inspect of anything we return.
 */
import { inspect as utilInspect } from 'node:util';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { validateConfig } from './config.js';
import { createSSG } from './create-ssg.js';
import {
  fixedPlugin,
  memoryAudit,
  memoryQuarantine,
  recordingLogger,
  recordingMeter,
} from './internal/test-doubles.js';
import { keywordPlugin } from './keyword-plugin.js';
import type { DetectionPlugin } from './types.js';

const CANARY = 'sk_live_CANARY_7f3a9c1e5b';

const leakyThrower: DetectionPlugin = {
  ...fixedPlugin('thrower', {}),
  // A careless plugin that quotes the content in its error message.
  analyze: (envelope) => {
    throw new Error(`could not parse ${envelope.text}`);
  },
};

function everything(values: unknown[]): string {
  return values
    .map((v) => `${JSON.stringify(v)}\n${utilInspect(v, { depth: 10, showHidden: true })}`)
    .join('\n');
}

describe('canary secret', () => {
  const plugins = [
    keywordPlugin({ rules: [{ term: CANARY, label: 'SECRET_API_KEY', score: 70 }] }),
    leakyThrower,
  ];

  it('never appears in results, audit events, logs or metrics', async () => {
    const audit = memoryAudit();
    const logger = recordingLogger();
    const meter = recordingMeter();
    const quarantine = memoryQuarantine();
    const ssg = createSSG({ plugins, audit, logger, meter, quarantine });
    const results = [];
    for (const text of [`key=${CANARY}`, `hello ${CANARY} world`]) {
      results.push(await ssg.inspect({ text, contentType: 'POST', metadata: { agentId: 'a' } }));
    }
    expect(quarantine.records.size).toBe(2);
    const { records, ...quarantineRest } = quarantine;
    expect(
      everything([results, audit.events, logger.lines, meter.points, ssg, quarantineRest]),
    ).not.toContain(CANARY);
    // Quarantine metadata (as opposed to the content it holds) is canary-free too.
    expect(everything([...records.values()].map((r) => r.metadata))).not.toContain(CANARY);
  });

  it('never appears in errors (quarantine failure, audit failure, bad input, bad config)', async () => {
    const logger = recordingLogger();
    const errors: unknown[] = [];
    const failing = createSSG({ plugins, logger, quarantine: memoryQuarantine({ fail: true }) });
    await failing
      .inspect({ text: CANARY, contentType: 'POST' })
      .catch((e: unknown) => errors.push(e));
    const noAudit = createSSG({
      plugins: [plugins[0] as DetectionPlugin],
      logger,
      audit: memoryAudit({ fail: true }),
    });
    await noAudit
      .inspect({ text: CANARY, contentType: 'POST' })
      .catch((e: unknown) => errors.push(e));
    await noAudit
      .inspect({ text: CANARY, contentType: CANARY.length as never })
      .catch((e: unknown) => errors.push(e));
    try {
      validateConfig({ plugins: [], mode: CANARY });
    } catch (e) {
      errors.push(e);
    }
    expect(errors).toHaveLength(4);
    expect(everything([errors, logger.lines])).not.toContain(CANARY);
  });

  it('never appears in HTTP answers or req.ssgResult', async () => {
    const logger = recordingLogger();
    const ssg = createSSG({ plugins, logger, quarantine: memoryQuarantine() });
    const seen: unknown[] = [];
    const app = express();
    app.use('/v1/posts', ssg.middleware({ onQuarantine: 'next' }), (req, res) => {
      seen.push((req as { ssgResult?: unknown }).ssgResult);
      res.json({ ok: true });
    });
    const responses = [
      await request(app).post('/v1/posts').send({ text: CANARY }),
      await request(app)
        .post('/v1/posts')
        .set('content-type', 'application/json')
        .send(`{"text":"${CANARY}`),
      await request(app)
        .post('/v1/posts')
        .send({ text: { nested: CANARY } }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 400, 400]);
    expect(seen).toHaveLength(1);
    expect(everything([responses.map((r) => r.text), seen, logger.lines])).not.toContain(CANARY);
  });
});
