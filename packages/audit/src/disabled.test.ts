import { createSSG } from '@clawexchange/ssg';
import { describe, expect, it } from 'vitest';
import { createAuditLogger } from './create-audit-logger.js';

describe('a disabled audit logger', () => {
  /** regression: issue 11 */
  it('writes nothing and the gate reports audit: DISABLED, never LOGGED', async () => {
    const audit = createAuditLogger({ enabled: false });
    expect(await audit.log({ eventType: 'SSG_PASS', actorId: 'a1', actorType: 'agent' })).toEqual({
      status: 'DISABLED',
    });
    const plugin = {
      id: 'none',
      priority: 0,
      enabled: true,
      analyze: () => ({ score: 0, labels: [], matches: [], summary: 'nothing' }),
    };
    const ssg = createSSG({ plugins: [plugin], audit });
    const inspection = await ssg.inspect({ text: 'hello', contentType: 'POST' });
    expect(inspection.audit).toBe('DISABLED');
  });
});
