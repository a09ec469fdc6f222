import type { Meter } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Env, fakeClock, META, setupEnv } from './setup.js';

type Point = { name: string; value: number; attributes: Record<string, unknown> };

/** A Meter that records every measurement (the API's no-op meter records nothing). */
function recordingMeter(points: Point[]): Meter {
  const instrument = (name: string) => ({
    add: (value: number, attributes: Record<string, unknown> = {}) =>
      points.push({ name, value, attributes }),
    record: (value: number, attributes: Record<string, unknown> = {}) =>
      points.push({ name, value, attributes }),
  });
  return {
    createCounter: instrument,
    createHistogram: instrument,
    createUpDownCounter: instrument,
    createGauge: instrument,
  } as unknown as Meter;
}

const sum = (points: Point[], name: string) =>
  points.filter((p) => p.name === name).reduce((a, p) => a + p.value, 0);

describe('OpenTelemetry metrics', () => {
  let env: Env;
  beforeAll(async () => {
    env = await setupEnv();
  });
  afterAll(async () => {
    await env.teardown();
  });

  it('counts stored bytes, expiries, shredding and store failures, with no content in labels', async () => {
    const points: Point[] = [];
    const clock = fakeClock();
    const q = env.make({ meter: recordingMeter(points), now: clock.now, expiryHours: 1 });
    const content = 'metric content ✓';
    const id = await q.store(content, META);
    await q.store('second', META);
    expect(sum(points, 'clawexchange.quarantine.stored')).toBe(2);
    expect(sum(points, 'clawexchange.quarantine.stored_bytes')).toBe(
      Buffer.byteLength(content) + Buffer.byteLength('second'),
    );
    expect(points.some((p) => p.name === 'clawexchange.quarantine.store_duration')).toBe(true);
    await q.delete(id);
    clock.advance(3_600_000);
    expect((await q.cleanup()).expired).toBe(1);
    expect(sum(points, 'clawexchange.quarantine.expired')).toBe(1);
    expect(
      points
        .filter((p) => p.name === 'clawexchange.quarantine.shredded')
        .map((p) => p.attributes.status)
        .sort(),
    ).toEqual(['DELETED', 'EXPIRED']);

    const broken = env.make({
      meter: recordingMeter(points),
      storage: { bucket: 'no-such-bucket-for-metrics', client: env.bucket.client },
    });
    await expect(broken.store('fails', META)).rejects.toMatchObject({
      code: 'QUARANTINE_STORE_FAILED',
    });
    expect(
      points
        .filter((p) => p.name === 'clawexchange.quarantine.store_failures')
        .map((p) => p.attributes),
    ).toEqual([{ step: 'put' }]);
    const labels = JSON.stringify(points.map((p) => p.attributes));
    expect(labels).not.toContain(content);
    expect(labels).not.toContain(id);
  });
});
