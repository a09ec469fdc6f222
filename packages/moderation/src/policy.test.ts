import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBotPolicy, DEFAULT_BOT_POLICY, TIER_ORDER } from './policy.js';
import { ModerationReason } from './types.js';

const reasons = Object.values(ModerationReason);

describe('applyBotPolicy', () => {
  it('releases a low tier with high confidence as asked', () => {
    expect(
      applyBotPolicy(DEFAULT_BOT_POLICY, {
        action: 'release',
        tier: 'LOW',
        confidence: 0.95,
        reason: 'FALSE_POSITIVE',
      }),
    ).toEqual({ action: 'release', overriddenBy: null });
  });

  it('escalates a release at or above the tier limit, naming the tier rule', () => {
    for (const tier of ['HIGH', 'CRITICAL', 'SOMETHING_NEW']) {
      expect(
        applyBotPolicy(DEFAULT_BOT_POLICY, {
          action: 'release',
          tier,
          confidence: 1,
          reason: 'FALSE_POSITIVE',
        }),
      ).toEqual({ action: 'escalate', overriddenBy: 'tier' });
    }
  });

  it('escalates a release or delete below the confidence floor', () => {
    const base = { tier: 'LOW', reason: 'FALSE_POSITIVE' } as const;
    expect(
      applyBotPolicy(DEFAULT_BOT_POLICY, { ...base, action: 'release', confidence: 0.89 }),
    ).toEqual({ action: 'escalate', overriddenBy: 'confidence' });
    expect(
      applyBotPolicy(DEFAULT_BOT_POLICY, { ...base, action: 'delete', confidence: 0.79 }),
    ).toEqual({ action: 'escalate', overriddenBy: 'confidence' });
  });

  it('NEEDS_HUMAN_REVIEW always escalates', () => {
    expect(
      applyBotPolicy(DEFAULT_BOT_POLICY, {
        action: 'delete',
        tier: 'LOW',
        confidence: 1,
        reason: 'NEEDS_HUMAN_REVIEW',
      }),
    ).toEqual({ action: 'escalate', overriddenBy: 'reason' });
  });

  it('is monotonic: raising the tier or lowering confidence never turns an escalation into a release', () => {
    const arbTier = fc.constantFrom(...TIER_ORDER);
    fc.assert(
      fc.property(
        arbTier,
        arbTier,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(...reasons),
        (t1, t2, c1, c2, reason) => {
          const [lowT, highT] =
            TIER_ORDER.indexOf(t1) <= TIER_ORDER.indexOf(t2) ? [t1, t2] : [t2, t1];
          const [lowC, highC] = c1 <= c2 ? [c1, c2] : [c2, c1];
          const easy = applyBotPolicy(DEFAULT_BOT_POLICY, {
            action: 'release',
            tier: lowT,
            confidence: highC,
            reason,
          });
          const hard = applyBotPolicy(DEFAULT_BOT_POLICY, {
            action: 'release',
            tier: highT,
            confidence: lowC,
            reason,
          });
          if (hard.action === 'release') expect(easy.action).toBe('release');
          // Escalation is never turned into a release or delete.
          expect(
            applyBotPolicy(DEFAULT_BOT_POLICY, {
              action: 'escalate',
              tier: lowT,
              confidence: highC,
              reason,
            }).action,
          ).toBe('escalate');
        },
      ),
    );
  });
});
