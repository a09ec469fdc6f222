import { describe, expect, it } from 'vitest';
import { createSSG } from './create-ssg.js';
import {
  fixedPlugin,
  memoryQuarantine,
  recordingLogger,
  recordingMeter,
} from './internal/test-doubles.js';
import type { DetectionPlugin } from './types.js';

/** A synchronous plugin that finds something but takes `ms` on the injected clock. */
function slowSync(clock: { t: number }, ms: number): DetectionPlugin {
  return {
    ...fixedPlugin('slow-sync', {}),
    analyze: () => {
      clock.t += ms;
      return { score: 95, labels: ['FOUND'], matches: [], summary: 'found' };
    },
  };
}

describe('plugin timeouts in the gate', () => {
  /** regression: issue 11 */
  it("a synchronous plugin over its timeout is PLUGIN_TIMEOUT and 'escalate' applies", async () => {
    const clock = { t: 0 };
    const logger = recordingLogger();
    const meter = recordingMeter();
    const ssg = createSSG({
      plugins: [slowSync(clock, 250), fixedPlugin('quick', { score: 10 })],
      pluginTimeouts: { 'slow-sync': 200 },
      quarantine: memoryQuarantine(),
      logger,
      meter,
      now: () => clock.t,
    });
    const result = await ssg.inspect({ text: 'hello', contentType: 'POST' });
    // Its BLOCK-level finding is discarded: it came too late to count.
    expect(result).toMatchObject({
      verdict: 'QUARANTINE',
      tier: 'HIGH',
      labels: ['PLUGIN_TIMEOUT:slow-sync'],
      degraded: [{ pluginId: 'slow-sync', code: 'PLUGIN_TIMEOUT' }],
    });
    expect(meter.points).toContainEqual({
      name: 'clawexchange.ssg.plugin.failures',
      value: 1,
      attributes: { plugin_id: 'slow-sync', reason: 'timeout' },
    });
    expect(logger.lines).toContainEqual({
      level: 'warn',
      fields: { pluginId: 'slow-sync', code: 'PLUGIN_TIMEOUT', reason: 'timeout' },
      msg: 'plugin failed',
    });
  });

  /** regression: issue 11 */
  it("with 'ignore' the late result does not count either way", async () => {
    const clock = { t: 0 };
    const ssg = createSSG({
      plugins: [slowSync(clock, 1001), fixedPlugin('quick', { score: 10 })],
      onPluginError: 'ignore',
      now: () => clock.t,
    });
    expect(await ssg.inspect({ text: 'hello', contentType: 'POST' })).toMatchObject({
      verdict: 'PASS',
      tier: 'LOW',
      degraded: [{ pluginId: 'slow-sync', code: 'PLUGIN_TIMEOUT' }],
    });
  });

  it('the same plugin within its timeout counts normally', async () => {
    const clock = { t: 0 };
    const ssg = createSSG({ plugins: [slowSync(clock, 999)], now: () => clock.t });
    expect(await ssg.inspect({ text: 'hello', contentType: 'POST' })).toMatchObject({
      verdict: 'BLOCK',
      degraded: [],
    });
  });
});
