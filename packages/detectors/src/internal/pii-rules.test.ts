import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PII_RULES } from './pii-rules.js';

/**
 * A generator for texts the pattern may match: lookarounds dropped (fast-check
 * cannot generate them), a back-reference widened to its group's class, no
 * case folding. Each sample is then checked against the real pattern.
 */
function generator(re: RegExp): fc.Arbitrary<string> {
  const src = re.source
    .replace(/\(\?<?[!=](?:[^()]|\([^()]*\))*\)/g, '')
    .replaceAll('\\1', '[ \\-]?');
  return fc.stringMatching(new RegExp(src));
}

function longestDigitRun(s: string): number {
  return Math.max(0, ...(s.match(/\d+/g) ?? []).map((d) => d.length));
}

describe('PII rule digit gates', () => {
  for (const rule of PII_RULES.filter((r) => r.minDigitRun !== undefined)) {
    it(`${rule.type}: every match holds a run of ${rule.minDigitRun} digits`, () => {
      const exact = new RegExp(rule.re.source, rule.re.flags.replace('g', ''));
      fc.assert(
        fc.property(generator(rule.re), (s) => {
          const m = exact.exec(s);
          fc.pre(m !== null);
          expect(longestDigitRun(m?.[0] ?? '')).toBeGreaterThanOrEqual(rule.minDigitRun ?? 0);
        }),
        { numRuns: 300 },
      );
    });
  }
});
