import { describe, expect, it } from 'vitest';
import { AUDIT_LOG_DISABLED, isAuditLogDisabled } from './common/audit.js';
import { createSSG } from './create-ssg.js';
import { testPlugin } from './internal/test-doubles.js';
import type { AuditEventInput } from './types.js';

const envelope = { text: 'hello', contentType: 'POST' } as const;

describe('audit status', () => {
  /** regression: issue 11 */
  it("a sink that resolves { status: 'DISABLED' } is reported as DISABLED, never LOGGED", async () => {
    const seen: AuditEventInput[] = [];
    const disabled = createSSG({
      plugins: [testPlugin],
      audit: {
        log: async (event) => {
          seen.push(event);
          return AUDIT_LOG_DISABLED;
        },
      },
    });
    expect((await disabled.inspect(envelope)).audit).toBe('DISABLED');
    expect(seen).toHaveLength(1);
  });

  it('any other resolution counts as committed (LOGGED); no sink is DISABLED', async () => {
    for (const value of [undefined, null, { seq: 1 }, { status: 'LOGGED' }]) {
      const ssg = createSSG({ plugins: [testPlugin], audit: { log: async () => value } });
      expect((await ssg.inspect(envelope)).audit).toBe('LOGGED');
    }
    expect((await createSSG({ plugins: [testPlugin] }).inspect(envelope)).audit).toBe('DISABLED');
  });

  it('recognises the signal by shape, so a second installed copy agrees', () => {
    expect(isAuditLogDisabled({ status: 'DISABLED' })).toBe(true);
    expect(isAuditLogDisabled(AUDIT_LOG_DISABLED)).toBe(true);
    expect(Object.isFrozen(AUDIT_LOG_DISABLED)).toBe(true);
    expect(isAuditLogDisabled(null)).toBe(false);
    expect(isAuditLogDisabled('DISABLED')).toBe(false);
  });
});
