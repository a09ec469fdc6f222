import { describe, expect, it } from 'vitest';
import { DEFAULT_PLUGIN_TIMEOUT_MS, DEFAULT_SINK_TIMEOUT_MS, validateConfig } from './config.js';
import { isSSGError } from './errors.js';
import { fixedPlugin } from './internal/test-doubles.js';

function fieldOf(config: unknown): string | undefined {
  try {
    validateConfig(config);
  } catch (error) {
    if (!isSSGError(error) || error.code !== 'SSG_INVALID_CONFIG') throw error;
    expect(error.message).toContain(`\`${error.field}\``);
    return error.field;
  }
  return undefined;
}

describe('validateConfig', () => {
  it('fills defaults; quarantine and audit may be undefined (feature flags)', () => {
    const c = validateConfig({ plugins: [], quarantine: undefined, audit: undefined });
    expect(c).toMatchObject({
      mode: 'ENFORCE',
      pluginTimeoutMs: DEFAULT_PLUGIN_TIMEOUT_MS,
      quarantineTimeoutMs: DEFAULT_SINK_TIMEOUT_MS,
      auditTimeoutMs: DEFAULT_SINK_TIMEOUT_MS,
      onPluginError: 'escalate',
      onQuarantineFailure: 'reject',
      onAuditFailure: 'reject',
      quarantine: undefined,
      audit: undefined,
    });
  });

  it('sorts plugins by priority, highest first', () => {
    const a = { ...fixedPlugin('a', {}), priority: 1 };
    const b = { ...fixedPlugin('b', {}), priority: 5 };
    expect(validateConfig({ plugins: [a, b] }).plugins.map((p) => p.id)).toEqual(['b', 'a']);
  });

  it.each([
    [null, 'config'],
    [{}, 'plugins'],
    [{ plugins: [{}] }, 'plugins[0].analyze'],
    [{ plugins: [{ ...fixedPlugin('a', {}), id: '' }] }, 'plugins[0].id'],
    [{ plugins: [{ ...fixedPlugin('a b', {}) }] }, 'plugins[0].id'],
    [{ plugins: [fixedPlugin('a', {}), fixedPlugin('a', {})] }, 'plugins[1].id'],
    [{ plugins: [{ ...fixedPlugin('a', {}), priority: Number.NaN }] }, 'plugins[0].priority'],
    [{ plugins: [{ ...fixedPlugin('a', {}), enabled: 'yes' }] }, 'plugins[0].enabled'],
    [{ plugins: [], quarantine: {} }, 'quarantine.store'],
    [{ plugins: [], audit: { log: 1 } }, 'audit.log'],
    [{ plugins: [], mode: 'dry' }, 'mode'],
    [{ plugins: [], pluginTimeoutMs: 0 }, 'pluginTimeoutMs'],
    [{ plugins: [], pluginTimeoutMs: 1.5 }, 'pluginTimeoutMs'],
    [{ plugins: [], pluginTimeouts: { ghost: 10 } }, 'pluginTimeouts.ghost'],
    [{ plugins: [fixedPlugin('a', {})], pluginTimeouts: { a: -1 } }, 'pluginTimeouts.a'],
    [{ plugins: [], quarantineTimeoutMs: 0 }, 'quarantineTimeoutMs'],
    [{ plugins: [], quarantineTimeoutMs: 60_001 }, 'quarantineTimeoutMs'],
    [{ plugins: [], auditTimeoutMs: 2.5 }, 'auditTimeoutMs'],
    [{ plugins: [], auditTimeoutMs: '100' }, 'auditTimeoutMs'],
    [{ plugins: [], onPluginError: 'panic' }, 'onPluginError'],
    [{ plugins: [], onQuarantineFailure: 'continue' }, 'onQuarantineFailure'],
    [{ plugins: [], onAuditFailure: 'ignore' }, 'onAuditFailure'],
    [{ plugins: [], tiers: [] }, 'tiers'],
    [{ plugins: [], logger: { info() {} } }, 'logger.debug'],
    [{ plugins: [], meter: {} }, 'meter.createHistogram'],
    [{ plugins: [], now: 5 }, 'now'],
  ])('rejects %j naming %s', (config, field) => {
    expect(fieldOf(config)).toBe(field);
  });

  it('never echoes the bad value in the message', () => {
    expect(() => validateConfig({ plugins: [], mode: 'sk_live_CANARY' })).toThrow(
      /invalid config `mode`/,
    );
    expect(() => validateConfig({ plugins: [], mode: 'sk_live_CANARY' })).not.toThrow(/CANARY/);
  });
});
