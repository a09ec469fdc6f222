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
  const src = re.source
    .replace(/\(\?<?[!=](?:[^()]|\([^()]*\))*\)/g, '')
    .replaceAll('\\1', '[ \\-]?');
  return fc.stringMatching(new RegExp(src));
}

describe('rule gates', () => {
  for (const rule of [...SECRET_RULES, ...PII_RULES].filter((r) => r.gate !== undefined)) {
    it(`${rule.category} ${rule.type}: every match the rule keeps passes the gate`, () => {
      const exact = new RegExp(rule.re.source, rule.re.flags.replace('g', ''));
      fc.assert(
        fc.property(generator(rule.re), fc.boolean(), (s, lower) => {
          // Case-insensitive rules also match lower-case text.
          const text = lower && exact.flags.includes('i') ? s.toLowerCase() : s;
          const m = exact.exec(text);
          fc.pre(m !== null);
          const match = m?.[0] ?? '';
          if (rule.gate?.test(match)) return;
          // A match outside the gate must be one the rule rejects anyway.
          const value = m?.[rule.group ?? 0] ?? '';
          const verdict = rule.validate?.(value, text, (m?.index ?? 0) + match.indexOf(value));
          expect(verdict === false || verdict === 0).toBe(true);
        }),
        { numRuns: 500 },
      );
    });
  }

  it('pii ip-address (IPv6): every valid address passes the gate', () => {
    const ipv6 = PII_RULES.find((r) => r.type === 'ip-address' && r.keywords.includes(':'));
    expect(ipv6?.gate).toBeDefined();
    fc.assert(
      fc.property(fc.ipV6(), (address) => {
        expect(ipv6?.gate?.test(`host ${address} up`)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
