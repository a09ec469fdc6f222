/**
 * ARCHITECTURE.md's failure semantics in ENFORCE mode, as a property over
 * plugin behaviours, sink outages and policies: a QUARANTINE that cannot be
 * stored never passes, an audit outage rejects unless the host chose
 * `'continue'`, and a failed plugin is never an unnoticed zero.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSSG } from './create-ssg.js';
import { isSSGError } from './errors.js';
import {
  fixedPlugin,
  memoryAudit,
  memoryQuarantine,
  recordingLogger,
  recordingMeter,
  rejection,
  testPlugin,
} from './internal/test-doubles.js';
import type { Inspection } from './result.js';
import type { DetectionPlugin, DetectionResult } from './types.js';

type Behaviour = { kind: 'score'; score: number } | { kind: 'throw' | 'hang' | 'garbage' };

const behaviour: fc.Arbitrary<Behaviour> = fc.oneof(
  fc.record({
    kind: fc.constant('score' as const),
    score: fc.oneof(fc.double(), fc.integer({ min: -10, max: 120 })),
  }),
  fc.constantFrom(
    { kind: 'throw' as const },
    { kind: 'hang' as const },
    { kind: 'garbage' as const },
  ),
);

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
      // Malformed: labels missing, matches not an array.
      return Promise.resolve({ score: 10, matches: 'raw text' } as never);
    },
  };
}

const failedPlugin = (b: Behaviour): boolean => b.kind !== 'score' || Number.isNaN(b.score);

const scenario = fc.record({
  plugins: fc.array(behaviour, { maxLength: 4 }),
  quarantine: fc.constantFrom('none', 'ok', 'failing'),
  audit: fc.constantFrom('none', 'ok', 'failing'),
  onPluginError: fc.constantFrom('ignore' as const, 'escalate' as const),
  onAuditFailure: fc.constantFrom('reject' as const, 'continue' as const),
  onQuarantineFailure: fc.constantFrom('reject' as const, 'block' as const),
});

describe('failure semantics in ENFORCE mode (property)', () => {
  it('never passes unheld QUARANTINE content, an unaudited request (fail closed), or a silent plugin failure', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const quarantine =
          s.quarantine === 'none'
            ? undefined
            : memoryQuarantine({ fail: s.quarantine === 'failing' });
        const audit = s.audit === 'none' ? undefined : memoryAudit({ fail: s.audit === 'failing' });
        const ssg = createSSG({
          plugins: s.plugins.map(pluginFor),
          quarantine,
          audit,
          pluginTimeoutMs: 1,
          // A still clock: only the real 1 ms timer decides timeouts (the hanging
          // plugins), never how busy the machine was while a prompt one answered.
          now: () => 0,
          onPluginError: s.onPluginError,
          onAuditFailure: s.onAuditFailure,
          onQuarantineFailure: s.onQuarantineFailure,
        });
        let result: Inspection | undefined;
        let error: unknown;
        try {
          result = await ssg.inspect({ text: 'x', contentType: 'POST' });
        } catch (e) {
          error = e;
        }
        if (result === undefined) {
          expect(isSSGError(error)).toBe(true);
          const code = (error as { code: string }).code;
          if (code === 'SSG_QUARANTINE_FAILED') {
            expect([s.quarantine, s.onQuarantineFailure]).toEqual(['failing', 'reject']);
          } else {
            expect(code).toBe('SSG_AUDIT_FAILED');
            expect([s.audit, s.onAuditFailure]).toEqual(['failing', 'reject']);
          }
          return;
        }
        expect(Object.keys(result)).not.toContain('score');
        if (result.verdict === 'QUARANTINE') {
          expect(quarantine?.records.has(result.quarantineId as string)).toBe(true);
        }
        if (s.audit === 'failing') {
          expect(s.onAuditFailure).toBe('continue');
          expect(result.audit).toBe('FAILED');
        }
        const failures = s.plugins.filter(failedPlugin).length;
        expect(result.degraded).toHaveLength(failures);
        if (failures > 0 && s.onPluginError === 'escalate') {
          expect(['QUARANTINE', 'BLOCK']).toContain(result.verdict);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('failure semantics', () => {
  it('a QUARANTINE that cannot be stored rejects with SSG_QUARANTINE_FAILED (and is audited)', async () => {
    const audit = memoryAudit();
    const meter = recordingMeter();
    const logger = recordingLogger();
    const ssg = createSSG({
      plugins: [testPlugin],
      quarantine: memoryQuarantine({ fail: true }),
      audit,
      meter,
      logger,
    });
    const error = await rejection(ssg.inspect({ text: 'hold me', contentType: 'POST' }));
    expect(isSSGError(error) && error.code).toBe('SSG_QUARANTINE_FAILED');
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(audit.events[0]).toMatchObject({
      eventType: 'SSG_QUARANTINE',
      metadata: { quarantineFailed: true, labels: ['SUSPICIOUS', 'QUARANTINE_FAILED'] },
    });
    expect(meter.points).toContainEqual({
      name: 'clawexchange.ssg.sink.failures',
      value: 1,
      attributes: { sink: 'quarantine', reason: 'error' },
    });
    // The failed inspection's latency is recorded, not lost.
    expect(meter.points).toContainEqual(
      expect.objectContaining({
        name: 'clawexchange.ssg.inspection.duration',
        attributes: { error: 'SSG_QUARANTINE_FAILED' },
      }),
    );
    expect(meter.points.some((p) => p.name === 'clawexchange.ssg.verdicts')).toBe(false);
    expect(
      logger.lines.some((l) => l.level === 'error' && l.msg === 'quarantine store failed'),
    ).toBe(true);
  });

  it('a sink that resolves without an id counts as a failed store', async () => {
    const quarantine = { store: async () => '' };
    const ssg = createSSG({ plugins: [testPlugin], quarantine });
    const error = await rejection(ssg.inspect({ text: 'hold me', contentType: 'POST' }));
    expect(isSSGError(error) && error.code).toBe('SSG_QUARANTINE_FAILED');
  });

  it("onQuarantineFailure 'block' turns a failed hold into BLOCK", async () => {
    const ssg = createSSG({
      plugins: [testPlugin],
      quarantine: memoryQuarantine({ fail: true }),
      onQuarantineFailure: 'block',
    });
    const result = await ssg.inspect({ text: 'hold me', contentType: 'POST' });
    expect(result).toMatchObject({ verdict: 'BLOCK', labels: ['SUSPICIOUS', 'QUARANTINE_FAILED'] });
    expect(result.quarantineId).toBeUndefined();
  });

  it('the quarantine failure wins over a simultaneous audit failure', async () => {
    const ssg = createSSG({
      plugins: [testPlugin],
      quarantine: memoryQuarantine({ fail: true }),
      audit: memoryAudit({ fail: true }),
    });
    const error = await rejection(ssg.inspect({ text: 'hold me', contentType: 'POST' }));
    expect(isSSGError(error) && error.code).toBe('SSG_QUARANTINE_FAILED');
  });

  it('audit failure rejects by default (fail closed) with SSG_AUDIT_FAILED', async () => {
    const meter = recordingMeter();
    const ssg = createSSG({ plugins: [testPlugin], audit: memoryAudit({ fail: true }), meter });
    const error = await rejection(ssg.inspect({ text: 'hello', contentType: 'POST' }));
    expect(isSSGError(error) && error.code).toBe('SSG_AUDIT_FAILED');
    expect(meter.points).toContainEqual({
      name: 'clawexchange.ssg.sink.failures',
      value: 1,
      attributes: { sink: 'audit', reason: 'error' },
    });
    expect(meter.points).toContainEqual(
      expect.objectContaining({
        name: 'clawexchange.ssg.inspection.duration',
        attributes: { error: 'SSG_AUDIT_FAILED' },
      }),
    );
  });

  it("onAuditFailure 'continue' returns the result with audit: 'FAILED'", async () => {
    const ssg = createSSG({
      plugins: [testPlugin],
      audit: memoryAudit({ fail: true }),
      onAuditFailure: 'continue',
    });
    const result = await ssg.inspect({ text: 'drop table', contentType: 'POST' });
    expect(result).toMatchObject({ verdict: 'BLOCK', audit: 'FAILED' });
  });

  it('a failing plugin is labelled, degraded, logged, counted, and escalated by default', async () => {
    const meter = recordingMeter();
    const logger = recordingLogger();
    const broken: DetectionPlugin = {
      ...fixedPlugin('broken', {}),
      analyze: () => Promise.reject(new Error('x')),
    };
    const ssg = createSSG({
      plugins: [testPlugin, broken],
      meter,
      logger,
      quarantine: memoryQuarantine(),
    });
    const result = await ssg.inspect({ text: 'hello', contentType: 'POST' });
    expect(result).toMatchObject({
      verdict: 'QUARANTINE',
      tier: 'HIGH',
      labels: ['PLUGIN_ERROR:broken'],
      degraded: [{ pluginId: 'broken', code: 'PLUGIN_ERROR' }],
    });
    expect(meter.points).toContainEqual({
      name: 'clawexchange.ssg.plugin.failures',
      value: 1,
      attributes: { plugin_id: 'broken', reason: 'error' },
    });
    expect(logger.lines).toContainEqual({
      level: 'warn',
      fields: { pluginId: 'broken', code: 'PLUGIN_ERROR', reason: 'threw' },
      msg: 'plugin failed',
    });
  });

  it("with onPluginError 'ignore' a timed-out plugin does not change the verdict", async () => {
    const hang: DetectionPlugin = {
      ...fixedPlugin('hang', {}),
      analyze: () => new Promise(() => {}),
    };
    const ssg = createSSG({
      plugins: [testPlugin, hang],
      onPluginError: 'ignore',
      pluginTimeoutMs: 5,
    });
    const result = await ssg.inspect({ text: 'cheap pills', contentType: 'POST' });
    expect(result).toMatchObject({
      verdict: 'WARN',
      labels: ['SPAM', 'PLUGIN_TIMEOUT:hang'],
      degraded: [{ pluginId: 'hang', code: 'PLUGIN_TIMEOUT' }],
    });
  });

  it('a NaN score is a plugin error (escalated by default)', async () => {
    const ssg = createSSG({
      plugins: [fixedPlugin('nan', { score: Number.NaN })],
      quarantine: memoryQuarantine(),
    });
    const result = await ssg.inspect({ text: 'x', contentType: 'POST' });
    expect(result).toMatchObject({ verdict: 'QUARANTINE', labels: ['PLUGIN_ERROR:nan'] });
  });
});

describe('plugin isolation', () => {
  it('a plugin cannot change what the others see or what the quarantine sink stores', async () => {
    const seen: string[] = [];
    const redactInPlace: DetectionPlugin = {
      ...fixedPlugin('mutator', {}),
      priority: 10,
      analyze: (envelope) => {
        (envelope as { text: string }).text = '[redacted]';
        (envelope.metadata as { agentId: string }).agentId = 'someone-else';
        return { score: 0, labels: [], matches: [], summary: '' };
      },
    };
    const observer: DetectionPlugin = {
      ...fixedPlugin('observer', {}),
      analyze: (envelope) => {
        seen.push(envelope.text);
        return { score: 70, labels: ['X'], matches: [], summary: '' };
      },
    };
    const quarantine = memoryQuarantine();
    const ssg = createSSG({ plugins: [redactInPlace, observer], quarantine });
    const result = await ssg.inspect({
      text: 'hold me',
      contentType: 'POST',
      metadata: { agentId: 'agent-1' },
    });
    // The mutation throws (frozen envelope): the mutator is a failed plugin, escalated.
    expect(result.degraded).toEqual([{ pluginId: 'mutator', code: 'PLUGIN_ERROR' }]);
    expect(seen).toEqual(['hold me']);
    expect(quarantine.records.get('q-1')).toMatchObject({
      content: 'hold me',
      metadata: { agentId: 'agent-1' },
    });
  });
});
