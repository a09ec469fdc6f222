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
    } as unknown as Meter;
    const m = createAuditMetrics(meter, noopLogger);
    expect(Object.fromEntries(units)).toEqual({
      'clawexchange.audit.write.duration': 's',
      'clawexchange.audit.batch.size': '{event}',
    });
    for (const name of units.keys()) expect(name).toMatch(METRIC_NAME_PATTERN);
    m.recordWrite(250, 'ok');
    m.recordBatch(3);
    expect(values).toEqual([
      ['clawexchange.audit.write.duration', 0.25],
      ['clawexchange.audit.batch.size', 3],
    ]);
  });
});
