import { METRIC_NAME_PATTERN, noopLogger } from '@clawexchange/ssg/common';
import type { Meter } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { createAuditMetrics } from './metrics.js';

describe('metric names', () => {
  /** regression: issue 11 */
  it('follow clawexchange.audit.<name> with OpenTelemetry units (write duration in seconds)', () => {
    const units = new Map<string, string | undefined>();
    const values: [string, number][] = [];
    const meter = {
      createHistogram: (name: string, options?: { unit?: string }) => {
        units.set(name, options?.unit);
        return { record: (v: number) => values.push([name, v]) };
      },
      createCounter: (name: string, options?: { unit?: string }) => {
        units.set(name, options?.unit);
        return { add: (v: number) => values.push([name, v]) };
      },
    } as unknown as Meter;
    const m = createAuditMetrics(meter, noopLogger);
    expect(Object.fromEntries(units)).toEqual({
      'clawexchange.audit.write.duration': 's',
      'clawexchange.audit.batch.size': '{event}',
      'clawexchange.audit.chain.alarms': '{failure}',
    });
    for (const name of units.keys()) expect(name).toMatch(METRIC_NAME_PATTERN);
    m.recordWrite(250, 'ok');
    m.recordBatch(3, 'tip');
    expect(values).toEqual([
      ['clawexchange.audit.write.duration', 0.25],
      ['clawexchange.audit.batch.size', 3],
    ]);
  });
});

describe('alarms', () => {
  /** regression: issue 16 */
  it('are logged with their stable code, counted with code and action, and passed to onAlarm (whose throw is contained)', () => {
    const added: [number, unknown][] = [];
    const meter = {
      createHistogram: () => ({ record: () => undefined }),
      createCounter: () => ({ add: (v: number, attrs: unknown) => added.push([v, attrs]) }),
    } as unknown as Meter;
    const logged: [string, unknown, string][] = [];
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (f: unknown, msg: string) => logged.push(['warn', f, msg]),
      error: (f: unknown, msg: string) => logged.push(['error', f, msg]),
    };
    const seen: unknown[] = [];
    const m = createAuditMetrics(meter, logger, (a) => {
      seen.push(a);
      throw new Error('host handler failed');
    });
    const alarm = {
      code: 'AUDIT_TAIL_BEYOND_HEAD',
      action: 'skipped',
      headSeq: 4,
      fromSeq: 5,
      toSeq: 6,
    } as const;
    expect(() => m.alarm(alarm)).not.toThrow();
    expect(seen).toEqual([alarm]);
    expect(added).toEqual([[1, { code: 'AUDIT_TAIL_BEYOND_HEAD', action: 'skipped' }]]);
    expect(logged[0]).toEqual(['error', alarm, 'audit chain alarm']);
    expect(logged[1]?.[0]).toBe('warn');
  });
});
