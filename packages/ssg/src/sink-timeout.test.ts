/**
 * A quarantine or audit sink that never answers (hung connection, stalled
 * upload) is bounded by `quarantineTimeoutMs` / `auditTimeoutMs` and then
 * handled like any other sink failure: it never holds a request forever.
 */
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createSSG } from './create-ssg.js';
import { isSSGError } from './errors.js';
import { callSink } from './internal/sink-call.js';
import {
  memoryAudit,
  recordingLogger,
  recordingMeter,
  rejection,
} from './internal/test-doubles.js';
import { keywordPlugin } from './keyword-plugin.js';
import type { AuditSink, QuarantineSink } from './types.js';

const myPlugin = keywordPlugin({
  rules: [
    { term: 'hold me', label: 'SUSPICIOUS', score: 70 },
    { term: 'drop table', label: 'ATTACK', score: 95 },
  ],
});

const hungAudit: AuditSink = { log: () => new Promise(() => {}) };
const hungQuarantine: QuarantineSink = { store: () => new Promise(() => {}) };

describe('sink timeouts', () => {
  /** regression: issue 2 */
  it('a hung audit sink fails closed by default once auditTimeoutMs passes', async () => {
    const meter = recordingMeter();
    const logger = recordingLogger();
    const ssg = createSSG({
      plugins: [myPlugin],
      audit: hungAudit,
      auditTimeoutMs: 20,
      meter,
      logger,
    });
    const error = await rejection(ssg.inspect({ text: 'hello', contentType: 'POST' }));
    expect(isSSGError(error) && error.code).toBe('SSG_AUDIT_FAILED');
    expect(meter.points).toContainEqual({
      name: 'clawexchange.ssg.sink.failures',
      value: 1,
      attributes: { sink: 'audit', reason: 'timeout' },
    });
    expect(logger.lines).toContainEqual({
      level: 'error',
      fields: { code: 'SSG_AUDIT_FAILED', eventType: 'SSG_PASS', reason: 'timeout' },
      msg: 'audit write failed',
    });
  });

  /** regression: issue 2 */
  it("a hung audit sink does not stop requests under onAuditFailure 'continue'", async () => {
    const ssg = createSSG({
      plugins: [myPlugin],
      audit: hungAudit,
      auditTimeoutMs: 20,
      onAuditFailure: 'continue',
    });
    const result = await ssg.inspect({ text: 'hello', contentType: 'POST' });
    expect(result).toMatchObject({ verdict: 'PASS', audit: 'FAILED' });
  });

  /** regression: issue 2 */
  it('a hung audit sink never holds a DRY_RUN request', async () => {
    const ssg = createSSG({
      plugins: [myPlugin],
      audit: hungAudit,
      auditTimeoutMs: 20,
      mode: 'DRY_RUN',
    });
    const result = await ssg.inspect({ text: 'drop table', contentType: 'POST' });
    expect(result).toMatchObject({ verdict: 'PASS', wouldVerdict: 'BLOCK', audit: 'FAILED' });
  });

  /** regression: issue 2 */
  it('a hung quarantine store is a failed hold: SSG_QUARANTINE_FAILED, audited', async () => {
    const meter = recordingMeter();
    const audit = memoryAudit();
    const ssg = createSSG({
      plugins: [myPlugin],
      quarantine: hungQuarantine,
      quarantineTimeoutMs: 20,
      audit,
      meter,
    });
    const error = await rejection(ssg.inspect({ text: 'hold me', contentType: 'POST' }));
    expect(isSSGError(error) && error.code).toBe('SSG_QUARANTINE_FAILED');
    expect(audit.events[0]).toMatchObject({
      eventType: 'SSG_QUARANTINE',
      metadata: { quarantineFailed: true },
    });
    expect(meter.points).toContainEqual({
      name: 'clawexchange.ssg.sink.failures',
      value: 1,
      attributes: { sink: 'quarantine', reason: 'timeout' },
    });
  });

  it("a hung quarantine store becomes BLOCK under onQuarantineFailure 'block'", async () => {
    const ssg = createSSG({
      plugins: [myPlugin],
      quarantine: hungQuarantine,
      quarantineTimeoutMs: 20,
      onQuarantineFailure: 'block',
    });
    const result = await ssg.inspect({ text: 'hold me', contentType: 'POST' });
    expect(result).toMatchObject({ verdict: 'BLOCK', labels: ['SUSPICIOUS', 'QUARANTINE_FAILED'] });
  });

  it('a sink that rejects after its timeout causes no unhandled rejection', async () => {
    const late: AuditSink = {
      log: () => new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 40)),
    };
    const ssg = createSSG({
      plugins: [myPlugin],
      audit: late,
      auditTimeoutMs: 10,
      onAuditFailure: 'continue',
    });
    const result = await ssg.inspect({ text: 'hello', contentType: 'POST' });
    expect(result.audit).toBe('FAILED');
    // Let the late rejection fire inside this test; vitest fails the run on an unhandled one.
    await new Promise((resolve) => setTimeout(resolve, 60));
  });

  it('a sink answering within its bound is not affected', async () => {
    const audit = memoryAudit();
    const ssg = createSSG({ plugins: [myPlugin], audit, auditTimeoutMs: 1000 });
    const result = await ssg.inspect({ text: 'hello', contentType: 'POST' });
    expect(result.audit).toBe('LOGGED');
    expect(audit.events).toHaveLength(1);
  });

  /** regression: issue 2 */
  it('the middleware answers 503 over real HTTP when the audit sink hangs', async () => {
    const ssg = createSSG({ plugins: [myPlugin], audit: hungAudit, auditTimeoutMs: 20 });
    const calls: unknown[] = [];
    const app = express();
    app.use('/v1/posts', ssg.middleware(), (req, res) => {
      calls.push(req.body);
      res.status(201).end();
    });
    const res = await request(app).post('/v1/posts').send({ text: 'hello' });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      error: {
        code: 'SSG_AUDIT_FAILED',
        message: 'Screening is temporarily unavailable',
      },
    });
    expect(calls).toEqual([]);
  });
});

describe('callSink', () => {
  it('turns a synchronous throw into an error result', async () => {
    const cause = new Error('sync');
    const result = await callSink(() => {
      throw cause;
    }, 100);
    expect(result).toEqual({ ok: false, reason: 'error', cause });
  });

  it('passes a value through', async () => {
    expect(await callSink(async () => 'id-1', 100)).toEqual({ ok: true, value: 'id-1' });
  });
});
