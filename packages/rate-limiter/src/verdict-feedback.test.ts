import { createSSG, type InspectionHook, keywordPlugin } from '@clawexchange/ssg';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './create-rate-limiter.js';
import { RateLimiterErrorCode } from './errors.js';
import { createVerdictFeedback } from './verdict-feedback.js';

const LIMITS = { limit: 100, burst: 40 };

function limiter() {
  return createRateLimiter({ limits: { POSTS: LIMITS }, trustMultipliers: { ONE: 1 } });
}

const event = (verdict: 'PASS' | 'WARN' | 'QUARANTINE' | 'BLOCK', agentId?: string) => ({
  inspection: { verdict },
  context: agentId === undefined ? {} : { agentId },
});

describe('createVerdictFeedback', () => {
  it('records WARN, QUARANTINE and BLOCK for the agent; PASS and anonymous record nothing', async () => {
    const calls: [string, string][] = [];
    const feedback = createVerdictFeedback(async (agentId, verdict) => {
      calls.push([agentId, verdict]);
    });
    for (const verdict of ['PASS', 'WARN', 'QUARANTINE', 'BLOCK'] as const) {
      await feedback(event(verdict, 'a1'));
      await feedback(event(verdict));
    }
    expect(calls).toEqual([
      ['a1', 'WARN'],
      ['a1', 'QUARANTINE'],
      ['a1', 'BLOCK'],
    ]);
  });

  it('rejects when recording fails (the gate reports it)', async () => {
    const feedback = createVerdictFeedback(async () => Promise.reject(new Error('down')));
    await expect(feedback(event('WARN', 'a1'))).rejects.toThrow('down');
  });
});

describe('limiter.verdictFeedback()', () => {
  /** regression: issue 11 */
  it('a QUARANTINE verdict halves the agent’s limits; other agents keep theirs', async () => {
    const l = limiter();
    const before = await l.check('agent-q', 'POSTS', { trustLevel: 'ONE' });
    await l.verdictFeedback()(event('QUARANTINE', 'agent-q'));
    const after = await l.check('agent-q', 'POSTS', { trustLevel: 'ONE' });
    expect(before.windows.map((w) => w.limit)).toEqual([40, 100]);
    expect(after.penalties).toEqual(['quarantineLast24h']);
    expect(after.windows.map((w) => w.limit)).toEqual([20, 50]);
    const other = await l.check('agent-other', 'POSTS', { trustLevel: 'ONE' });
    expect(other.penalties).toEqual([]);
  });

  it('rejects an over-long agent id like recordVerdict does', async () => {
    await expect(limiter().verdictFeedback()(event('WARN', 'x'.repeat(257)))).rejects.toMatchObject(
      { code: RateLimiterErrorCode.AGENT_ID_TOO_LONG },
    );
  });

  it('takes no arguments (nothing silently ignored)', () => {
    const call = () => (limiter().verdictFeedback as (o: unknown) => unknown)({ verdicts: [] });
    expect(call).toThrow(expect.objectContaining({ code: RateLimiterErrorCode.INVALID_CONFIG }));
  });

  it("plugs into the gate's onInspection as it is (memory mode)", async () => {
    const l = limiter();
    const onInspection: InspectionHook = l.verdictFeedback();
    const ssg = createSSG({
      plugins: [keywordPlugin({ rules: [{ term: 'wire the deposit', label: 'FEE', score: 45 }] })],
      onInspection,
    });
    const metadata = { agentId: 'agent-w' };
    const warned = await ssg.inspect({ text: 'wire the deposit', contentType: 'POST', metadata });
    expect(warned.verdict).toBe('WARN');
    const status = await l.getStatus('agent-w', { trustLevel: 'ONE' });
    expect(status.penalties).toEqual(['moderateContentLastHour']);
  });
});
