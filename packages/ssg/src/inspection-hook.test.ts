import express5 from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createSSG } from './create-ssg.js';
import { isSSGError } from './errors.js';
import { makeTestApp } from './http/express-test-app.js';
import type { InspectionEvent } from './inspection-hook.js';
import {
  memoryAudit,
  memoryQuarantine,
  recordingLogger,
  recordingMeter,
  rejection,
  testPlugin,
} from './internal/test-doubles.js';

const HOOK_FAILURES = 'clawexchange.ssg.inspection_hook.failures';

describe('onInspection', () => {
  it('is called once per inspection with the inspection and the envelope facts', async () => {
    const events: InspectionEvent[] = [];
    const ssg = createSSG({
      plugins: [testPlugin],
      quarantine: memoryQuarantine(),
      onInspection: (event) => {
        events.push(event);
      },
    });
    const inspection = await ssg.inspect(
      {
        text: 'hold me',
        contentType: 'POST',
        category: 'SUPPLY',
        metadata: { agentId: 'agent-7', sourceId: 'post-1', ipAddress: '10.0.0.1', own: 'x' },
      },
      { actorType: 'bot' },
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.inspection).toBe(inspection);
    expect(events[0]?.context).toEqual({
      agentId: 'agent-7',
      sourceId: 'post-1',
      ipAddress: '10.0.0.1',
      contentType: 'POST',
      category: 'SUPPLY',
      actorId: 'agent-7',
      actorType: 'bot',
    });
    await ssg.inspect({ text: 'hello', contentType: 'COMMENT' }, { actorId: 'svc' });
    expect(events[1]?.context).toEqual({
      contentType: 'COMMENT',
      actorId: 'svc',
      actorType: 'agent',
    });
    expect(events[1]?.inspection.verdict).toBe('PASS');
  });

  it('is awaited before inspect resolves (the work is done before the client hears back)', async () => {
    const order: string[] = [];
    const ssg = createSSG({
      plugins: [testPlugin],
      onInspection: async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        order.push('hook done');
      },
    });
    await ssg.inspect({ text: 'hello', contentType: 'POST' });
    order.push('inspect resolved');
    expect(order).toEqual(['hook done', 'inspect resolved']);
  });

  it('is not called for an inspection that failed (the host gets the error instead)', async () => {
    let calls = 0;
    const ssg = createSSG({
      plugins: [testPlugin],
      quarantine: memoryQuarantine({ fail: true }),
      onInspection: () => {
        calls++;
      },
    });
    const error = await rejection(ssg.inspect({ text: 'hold me', contentType: 'POST' }));
    expect(isSSGError(error) && error.code).toBe('SSG_QUARANTINE_FAILED');
    expect(calls).toBe(0);
  });

  /** regression: issue 11 */
  it('a hook that throws, rejects or times out is logged and counted, never passed on', async () => {
    const hooks = {
      throws: () => {
        throw new Error('agent-7 wrote hold me');
      },
      rejects: async () => Promise.reject(new Error('agent-7 wrote hold me')),
      hangs: () => new Promise<void>(() => {}),
    };
    for (const [name, hook] of Object.entries(hooks)) {
      const logger = recordingLogger();
      const meter = recordingMeter();
      const ssg = createSSG({
        plugins: [testPlugin],
        audit: memoryAudit(),
        logger,
        meter,
        onInspection: hook,
        onInspectionTimeoutMs: 1,
      });
      const result = await ssg.inspect({ text: 'cheap pills', contentType: 'POST' });
      expect(result, name).toMatchObject({ verdict: 'WARN', audit: 'LOGGED' });
      const reason = name === 'hangs' ? 'timeout' : 'error';
      expect(meter.points, name).toContainEqual({
        name: HOOK_FAILURES,
        value: 1,
        attributes: { reason },
      });
      const line = logger.lines.find((l) => l.msg === 'onInspection hook failed');
      expect(line, name).toEqual({
        level: 'error',
        fields: { code: 'SSG_INSPECTION_HOOK_FAILED', reason, verdict: 'WARN' },
        msg: 'onInspection hook failed',
      });
      expect(JSON.stringify(logger.lines), name).not.toContain('hold me');
    }
  });

  /** regression: issue 11 */
  it('through the middleware: a failing hook does not change the answer the client gets', async () => {
    const logger = recordingLogger();
    const seen: string[] = [];
    const t = makeTestApp(
      express5,
      {
        logger,
        onInspection: ({ inspection, context }) => {
          seen.push(`${context.agentId}:${inspection.verdict}`);
          throw new Error('limiter down');
        },
      },
      { extract: (req) => ({ agentId: String(req.headers['x-agent'] ?? 'anon') }) },
    );
    const pass = await request(t.app).post('/v1/posts').set('x-agent', 'a1').send({ text: 'hi' });
    const block = await request(t.app)
      .post('/v1/posts')
      .set('x-agent', 'a2')
      .send({ text: 'drop table' });
    expect(pass.status).toBe(201);
    expect(block.status).toBe(403);
    expect(seen).toEqual(['a1:PASS', 'a2:BLOCK']);
    expect(logger.lines.filter((l) => l.msg === 'onInspection hook failed')).toHaveLength(2);
  });

  it('sees PASS in DRY_RUN (wouldVerdict has the real one), and runs for the Fetch adapter', async () => {
    const events: InspectionEvent[] = [];
    const ssg = createSSG({
      plugins: [testPlugin],
      mode: 'DRY_RUN',
      onInspection: (event) => {
        events.push(event);
      },
    });
    const request = new Request('http://gate.test/v1/posts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'drop table' }),
    });
    const outcome = await ssg.inspectRequest(request, { extract: () => ({ agentId: 'f1' }) });
    expect(outcome.allowed).toBe(true);
    expect(events).toHaveLength(1);
    expect(events[0]?.inspection).toMatchObject({ verdict: 'PASS', wouldVerdict: 'BLOCK' });
    expect(events[0]?.context.agentId).toBe('f1');
  });

  it('rejects a hook that is not a function, and a bad onInspectionTimeoutMs', () => {
    const bad = [
      [{ onInspection: 'record' }, 'onInspection'],
      [{ onInspectionTimeoutMs: 0 }, 'onInspectionTimeoutMs'],
      [{ onInspectionTimeoutMs: 1.5 }, 'onInspectionTimeoutMs'],
      [{ combine: 'avg' }, 'combine'],
    ] as const;
    for (const [extra, field] of bad) {
      const error = (() => {
        try {
          createSSG({ plugins: [testPlugin], ...(extra as object) });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(isSSGError(error) && error.field, field).toBe(field);
    }
  });
});
