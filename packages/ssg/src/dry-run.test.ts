import express from 'express';
import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createSSG } from './create-ssg.js';
import { memoryAudit, memoryQuarantine, recordingMeter } from './internal/test-doubles.js';
import type { DetectionPlugin, DetectionResult } from './types.js';

/** A plugin whose behaviour is drawn by fast-check: a score (any number), a throw, or a hang. */
const behaviour = fc.oneof(
  fc.record({
    kind: fc.constant('score' as const),
    score: fc.oneof(fc.double(), fc.integer({ min: -10, max: 120 })),
  }),
  fc.constant({ kind: 'throw' as const }),
  fc.constant({ kind: 'hang' as const }),
  fc.constant({ kind: 'garbage' as const }),
);

type Behaviour = { kind: 'score'; score: number } | { kind: 'throw' | 'hang' | 'garbage' };

function pluginFor(b: Behaviour, i: number): DetectionPlugin {
  return {
    id: `p${i}`,
    priority: i,
    enabled: true,
    analyze: (): Promise<DetectionResult> => {
      if (b.kind === 'score') {
        return Promise.resolve({ score: b.score, labels: ['L'], matches: [], summary: '' });
      }
      if (b.kind === 'throw') return Promise.reject(new Error('x'));
      if (b.kind === 'hang') return new Promise(() => {});
      return Promise.resolve(null as never);
    },
  };
}

const scenario = fc.record({
  plugins: fc.array(behaviour, { maxLength: 4 }),
  quarantine: fc.constantFrom('none', 'ok', 'failing'),
  audit: fc.constantFrom('none', 'ok', 'failing'),
  onPluginError: fc.constantFrom('ignore', 'escalate'),
  onAuditFailure: fc.constantFrom('reject', 'continue'),
  onQuarantineFailure: fc.constantFrom('reject', 'block'),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function gateFor(s: Scenario) {
  const quarantine =
    s.quarantine === 'none' ? undefined : memoryQuarantine({ fail: s.quarantine === 'failing' });
  const audit = s.audit === 'none' ? undefined : memoryAudit({ fail: s.audit === 'failing' });
  const meter = recordingMeter();
  const ssg = createSSG({
    plugins: s.plugins.map(pluginFor),
    quarantine,
    audit,
    meter,
    mode: 'DRY_RUN',
    pluginTimeoutMs: 1,
    // A still clock: only the real 1 ms timer decides timeouts (the hanging
    // plugins), never how busy the machine was while a prompt one answered.
    now: () => 0,
    onPluginError: s.onPluginError as 'ignore' | 'escalate',
    onAuditFailure: s.onAuditFailure as 'reject' | 'continue',
    onQuarantineFailure: s.onQuarantineFailure as 'reject' | 'block',
  });
  return { ssg, quarantine, audit, meter };
}

describe('DRY_RUN', () => {
  it('never denies, never holds, and still audits and measures (property)', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, fc.string(), async (s, text) => {
        const { ssg, quarantine, audit, meter } = gateFor(s);
        const result = await ssg.inspect({ text, contentType: 'POST' });
        expect(result.verdict).toBe('PASS');
        expect(result.dryRun).toBe(true);
        expect(result.quarantineId).toBeUndefined();
        expect(quarantine?.records.size ?? 0).toBe(0);
        if (audit && !audit.fail)
          expect(audit.events[0]?.eventType).toBe(`SSG_${result.wouldVerdict}`);
        expect(
          meter.points.some(
            (p) => p.name === 'clawexchange.ssg.verdicts' && p.attributes.dry_run === true,
          ),
        ).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('the middleware always calls the handler (property over verdicts and failures)', async () => {
    const bodies = fc.oneof(
      fc.string().map((text) => JSON.stringify({ text })),
      fc.constantFrom('{"text":', '{"text":5}', '[]', ''),
    );
    await fc.assert(
      fc.asyncProperty(scenario, bodies, async (s, body) => {
        const { ssg } = gateFor(s);
        const app = express();
        app.use('/v1/posts', ssg.middleware(), (_req, res) => {
          res.status(201).end();
        });
        const res = await request(app)
          .post('/v1/posts')
          .set('content-type', 'application/json')
          .send(body);
        expect(res.status).toBe(201);
      }),
      { numRuns: 40 },
    );
  });

  it('reports what would have happened', async () => {
    const plugin: DetectionPlugin = {
      id: 'p',
      priority: 0,
      enabled: true,
      analyze: () => ({ score: 70, labels: ['X'], matches: [], summary: '' }),
    };
    const audit = memoryAudit();
    const ssg = createSSG({
      plugins: [plugin],
      mode: 'DRY_RUN',
      quarantine: memoryQuarantine(),
      audit,
    });
    expect(ssg.mode).toBe('DRY_RUN');
    const result = await ssg.inspect({ text: 'x', contentType: 'POST' });
    expect(result).toMatchObject({
      verdict: 'PASS',
      wouldVerdict: 'QUARANTINE',
      tier: 'HIGH',
      dryRun: true,
    });
    expect(audit.events[0]).toMatchObject({
      eventType: 'SSG_QUARANTINE',
      metadata: { dryRun: true, verdict: 'PASS', wouldVerdict: 'QUARANTINE' },
    });
  });
});
