import { METRIC_NAME_PATTERN } from '@clawexchange/ssg/common';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public surface', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'BotAction',
      'BotScope',
      'DEFAULT_BOT_POLICY',
      'HumanAction',
      'MAX_NOTES_LENGTH',
      'MAX_PAGE_SIZE',
      'MODERATION_HTTP_STATUS',
      'MODERATION_METRICS',
      'ModerationAuditEventType',
      'ModerationError',
      'ModerationErrorCode',
      'ModerationReason',
      'RELEASE_FAILED_LABEL',
      'TIER_ORDER',
      'applyBotPolicy',
      'createBotTokenAuth',
      'createHumanAdminAuth',
      'createModerationRouter',
      'createModerationService',
      'createRedisUsedTokenStore',
      'generateBotToken',
      'hashBotToken',
      'isModerationError',
    ]);
  });

  it('every error code has an HTTP status and follows MODERATION_<REASON>', () => {
    for (const code of Object.values(api.ModerationErrorCode)) {
      expect(code).toMatch(/^MODERATION_[A-Z_]+$/);
      expect(api.MODERATION_HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
    }
  });

  it('metric names follow clawexchange.moderation.<name>', () => {
    for (const name of Object.values(api.MODERATION_METRICS)) {
      expect(name).toMatch(METRIC_NAME_PATTERN);
      expect(name.startsWith('clawexchange.moderation.')).toBe(true);
    }
  });
});
