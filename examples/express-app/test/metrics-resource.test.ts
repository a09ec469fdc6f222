import { describe, expect, it } from 'vitest';
import { metricsResource } from '../src/metrics.js';

describe('metricsResource', () => {
  /** regression: issue 16 */
  it('names the service clawexchange-example unless OTEL_SERVICE_NAME says otherwise', () => {
    expect(metricsResource({}).attributes['service.name']).toBe('clawexchange-example');
    expect(metricsResource({ OTEL_SERVICE_NAME: '  ' }).attributes['service.name']).toBe(
      'clawexchange-example',
    );
    expect(metricsResource({ OTEL_SERVICE_NAME: 'forum-gate' }).attributes['service.name']).toBe(
      'forum-gate',
    );
  });

  it('keeps the SDK attributes and no process path', () => {
    const attributes = metricsResource({}).attributes;
    expect(attributes['telemetry.sdk.name']).toBe('opentelemetry');
    expect(JSON.stringify(attributes)).not.toContain(process.execPath);
  });
});
