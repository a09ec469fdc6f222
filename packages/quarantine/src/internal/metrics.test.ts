import { METRIC_NAME_PATTERN } from '@clawexchange/ssg/common';
import type { Meter } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { createMetrics, QUARANTINE_METRIC_NAMES } from './metrics.js';

describe('metric names', () => {
  /** regression: issue 11 */
  it('follow clawexchange.quarantine.<name> with OpenTelemetry units (store duration in seconds)', () => {
    const units = new Map<string, string | undefined>();
    const values: number[] = [];
    const instrument = (name: string, options?: { unit?: string }) => {
      units.set(name, options?.unit);
      return { add: () => undefined, record: (v: number) => values.push(v) };
    };
    const m = createMetrics({
      createCounter: instrument,
      createHistogram: instrument,
    } as unknown as Meter);
    expect(Object.fromEntries(units)).toEqual({
      'clawexchange.quarantine.store_duration': 's',
      'clawexchange.quarantine.stored': '{record}',
      'clawexchange.quarantine.stored_bytes': 'By',
      'clawexchange.quarantine.store_failures': '{failure}',
      'clawexchange.quarantine.expired': '{record}',
      'clawexchange.quarantine.shredded': '{record}',
      'clawexchange.quarantine.swept': '{object}',
      'clawexchange.quarantine.tampered_records': '{record}',
      'clawexchange.quarantine.unauthenticated_records': '{record}',
    });
    expect([...units.keys()].sort()).toEqual([...QUARANTINE_METRIC_NAMES].sort());
    for (const name of units.keys()) expect(name).toMatch(METRIC_NAME_PATTERN);
    m.storeDuration.record(1500);
    expect(values).toEqual([1.5]);
  });
});
