import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { i18nRules } from './injection-prefilter.js';
import { INJECTION_I18N_RULES } from './injection-rules.js';

// fast-check cannot generate `\b`; without it a pattern only matches more, and
// every sample is checked against the real pattern before it counts.
const generatorSource = (re: RegExp): RegExp => new RegExp(re.source.replaceAll('\\b', ''), 'u');

describe('multilingual prefilter', () => {
  INJECTION_I18N_RULES.forEach((rule, i) => {
    it(`never skips a text that rule ${i} (${rule.type}) matches`, () => {
      const exact = new RegExp(rule.re.source, 'u');
      const sample = fc.stringMatching(generatorSource(rule.re));
      fc.assert(
        fc.property(sample, (s) => {
          fc.pre(exact.test(s));
          expect(i18nRules(s)).toContain(rule);
        }),
        { numRuns: 300 },
      );
    });
  });
  it('skips anchored Latin rules on plain English text', () => {
    const ran = i18nRules('the seller can ship the gpu hours today');
    expect(ran.every((r) => r.keywords.length === 0 && !r.nonAscii)).toBe(true);
  });
});
