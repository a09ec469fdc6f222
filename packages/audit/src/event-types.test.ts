import { SSGAuditEventType } from '@clawexchange/ssg/common';
import { describe, expect, it } from 'vitest';
import { AuditEventType, isWellFormedEventType } from './event-types.js';

describe('built-in event types', () => {
  /** regression: issue 11 */
  it("hold the gate's event types exactly as ssg declares them (declared once)", () => {
    for (const [key, value] of Object.entries(SSGAuditEventType)) {
      expect(AuditEventType[key as keyof typeof AuditEventType]).toBe(value);
    }
    expect(Object.keys(AuditEventType)).toContain('RATE_LIMIT_EXCEEDED');
    for (const value of Object.values(AuditEventType))
      expect(isWellFormedEventType(value)).toBe(true);
  });
});
