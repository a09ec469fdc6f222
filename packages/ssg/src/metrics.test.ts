import { describe, expect, it } from 'vitest';
import { METRIC_NAME_PATTERN } from './common/metrics.js';
import { createSSG } from './create-ssg.js';
import { testPlugin } from './internal/test-doubles.js';
import { type SSGMeter, SSGMetricName } from './metrics.js';

/** A meter that records each instrument's name and unit, and every value. */
function unitMeter() {
  const units = new Map<string, string | undefined>();
  const values: { name: string; value: number }[] = [];
  const instrument = (name: string, options?: { unit?: string }) => {
    units.set(name, options?.unit);
    const record = (value: number) => values.push({ name, value });
    return { record, add: record };
  };
  const meter = {
    createHistogram: instrument,
    createCounter: instrument,
  } as unknown as SSGMeter;
  return { meter, units, values };
}

describe('metric names', () => {
  /** regression: issue 11 */
  it('follow clawexchange.ssg.<name> with OpenTelemetry units (durations in seconds)', async () => {
    expect(Object.values(SSGMetricName).sort()).toEqual([
      'clawexchange.ssg.inspection.duration',
      'clawexchange.ssg.inspection_hook.failures',
      'clawexchange.ssg.plugin.failures',
      'clawexchange.ssg.sink.failures',
      'clawexchange.ssg.verdicts',
    ]);
    for (const name of Object.values(SSGMetricName)) expect(name).toMatch(METRIC_NAME_PATTERN);
    const { meter, units, values } = unitMeter();
    let t = 0;
    const ssg = createSSG({ plugins: [testPlugin], meter, now: () => (t += 250) });
    await ssg.inspect({ text: 'cheap pills', contentType: 'POST' });
    expect(Object.fromEntries(units)).toEqual({
      'clawexchange.ssg.inspection.duration': 's',
      'clawexchange.ssg.verdicts': '{inspection}',
      'clawexchange.ssg.plugin.failures': '{failure}',
      'clawexchange.ssg.sink.failures': '{failure}',
      'clawexchange.ssg.inspection_hook.failures': '{failure}',
    });
    const duration = values.find((v) => v.name === SSGMetricName.INSPECTION_DURATION);
    // Every clock read advances 250 ms; a duration in seconds is a small multiple of 0.25.
    expect(duration?.value).toBeGreaterThan(0);
    expect(duration?.value).toBeLessThan(10);
    expect(((duration?.value ?? 0) * 4) % 1).toBe(0);
  });
});
