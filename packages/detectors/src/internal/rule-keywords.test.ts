import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PII_RULES } from './pii-rules.js';
import type { Rule } from './rule.js';
import { SECRET_RULES } from './secret-rules.js';

/** The source of the first capturing group of a pattern source. */
function firstGroup(src: string): string {
  const open = src.search(/(?<!\\)\((?!\?)/);
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === '(') depth++;
    else if (src[i] === ')' && --depth === 0) return src.slice(open + 1, i);
  }
  return '';
}

/**
 * A generator for texts the pattern may match: word boundaries and lookarounds
 * dropped (fast-check cannot generate them), a back-reference replaced by its
 * group's pattern, letters as written (case-insensitive rules match them too).
 * Each sample is then checked against the real pattern.
 */
function generator(rule: Rule): fc.Arbitrary<string> {
  const src = rule.re.source
    .replace(/\(\?<?[!=](?:[^()]|\([^()]*\))*\)/g, '')
    .replaceAll('\\1', `(?:${firstGroup(rule.re.source)})`)
    .replaceAll('\\b', '');
  return fc.stringMatching(new RegExp(src, rule.re.flags.replace(/[gi]/g, '')));
}

const hasKeyword = (rule: Rule, text: string): boolean =>
  rule.keywords.some((k) => text.toLowerCase().includes(k));

describe('rule keywords (the prefilter runs a rule only when one occurs)', () => {
  const keyed = [...SECRET_RULES, ...PII_RULES].filter((r) => r.keywords.length > 0);
  for (const rule of keyed.filter((r) => r.needContext !== true)) {
    it(`${rule.category} ${rule.type}: every match holds one`, () => {
      const exact = new RegExp(rule.re.source, rule.re.flags.replace('g', ''));
      fc.assert(
        fc.property(generator(rule), (s) => {
          const m = exact.exec(s);
          fc.pre(m !== null);
          expect(hasKeyword(rule, m?.[0] ?? '')).toBe(true);
        }),
        { numRuns: 300, maxSkipsPerRun: 1000 },
      );
    });
  }
  for (const rule of keyed.filter((r) => r.needContext === true)) {
    it(`${rule.category} ${rule.type}: every context word it needs holds one`, () => {
      const context = rule.context as RegExp;
      // Word boundaries dropped, as in `generator` (fast-check cannot generate them).
      const words = fc.stringMatching(
        new RegExp(context.source.replaceAll('\\b', ''), context.flags.replace('i', '')),
      );
      fc.assert(
        fc.property(words, (s) => {
          const m = context.exec(s);
          fc.pre(m !== null);
          expect(hasKeyword(rule, m?.[0] ?? '')).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }
});
