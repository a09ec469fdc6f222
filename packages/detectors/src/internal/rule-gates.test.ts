import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PII_RULES } from './pii-rules.js';
import { SECRET_RULES } from './secret-rules.js';

/**
 * A generator for texts the pattern may match: lookarounds dropped (fast-check
 * cannot generate them), a back-reference widened to its group's class, no
 * case folding. Each sample is then checked against the real pattern.
 */
function generator(re: RegExp): fc.Arbitrary<string> {
  const src = re.source.replace(/\(\?<?[!=](?:[^()]|\([^()]*\))*\)/g, '').replace('\\1', '[ \\-]?');
  return fc.stringMatching(new RegExp(src));
}

describe('rule gates', () => {
  for (const rule of [...SECRET_RULES, ...PII_RULES].filter((r) => r.gate !== undefined)) {
    it(`${rule.category} ${rule.type}: every match passes the gate`, () => {
      const exact = new RegExp(rule.re.source, rule.re.flags.replace('g', ''));
      fc.assert(
        fc.property(generator(rule.re), fc.boolean(), (s, lower) => {
          // Case-insensitive rules also match lower-case text.
          const m = exact.exec(lower && exact.flags.includes('i') ? s.toLowerCase() : s);
          fc.pre(m !== null);
          expect(rule.gate?.test(m?.[0] ?? '')).toBe(true);
        }),
        { numRuns: 500 },
      );
    });
  }
});
