import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public surface', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_ACTOR_ID',
      'DEFAULT_INSPECTION_HOOK_TIMEOUT_MS',
      'DEFAULT_MAX_BODY_BYTES',
      'DEFAULT_PLUGIN_TIMEOUT_MS',
      'DEFAULT_SINK_TIMEOUT_MS',
      'DEFAULT_TIER_THRESHOLDS',
      'KEYWORD_REDACTED',
      'QUARANTINE_DISABLED_LABEL',
      'QUARANTINE_FAILED_LABEL',
      'RiskTier',
      'SSGAuditEventType',
      'SSGError',
      'SSGErrorCode',
      'SSGMetricName',
      'TIER_ORDER',
      'Verdict',
      'createSSG',
      'denialResponse',
      'isSSGError',
      'keywordPlugin',
      'scoreToTier',
      'tierToVerdict',
      'validateTierThresholds',
    ]);
  });

  it('isSSGError checks name and code, not instanceof', () => {
    expect(api.isSSGError(new api.SSGError('SSG_INVALID_INPUT', 'x'))).toBe(true);
    expect(api.isSSGError({ name: 'SSGError', code: 'SSG_AUDIT_FAILED' })).toBe(true);
    expect(api.isSSGError({ name: 'SSGError', code: 'OTHER' })).toBe(false);
    expect(api.isSSGError(new Error('x'))).toBe(false);
    expect(api.isSSGError(null)).toBe(false);
  });
});
