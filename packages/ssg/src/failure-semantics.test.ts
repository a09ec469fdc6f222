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
import { memoryAudit, memoryQuarantine } from './internal/test-doubles.js';
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
