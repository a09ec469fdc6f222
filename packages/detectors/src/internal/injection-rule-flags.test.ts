import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AR_WORD_START } from './arabic-letters.js';
import { F, S, WORD_END } from './injection-rule-kit.js';
import { INJECTION_I18N_RULES, INJECTION_RULES } from './injection-rules.js';
import { isBeyondLatin1, patternFor } from './wide-text-patterns.js';

const RULES = [...INJECTION_RULES, ...INJECTION_I18N_RULES];

/** Every match of `source` in `text` under `flags` (global), as `start:length`. */
function matchesOf(source: string, flags: string, text: string): string[] {
  return [...text.matchAll(new RegExp(source, `g${flags}`))].map(
    (m) => `${m.index}:${m[0].length}`,
  );
}

// Characters where `u` and `v` could part ways if a pattern leaned on set notation: astral
// letters and symbols (surrogate pairs), lone surrogates, marks, apostrophes, hyphens, digits of
// other scripts; with letters the rules' words are made of.
const PIECES = [
  'a',
  'b',
  'ig',
  'nore',
  'ت',
  'ج',
  'ا',
  'ه',
  'ل',
  'و',
  'ف',
  'тв',
  ' ',
  '  ',
  '.',
  "'",
  '’',
  '-',
  '\n',
  '😀',
  '🏽',
  '𝐀',
  '𠀀',
  '\ud800',
  '\udc00',
  '\u0301',
  '\u200d',
  '٣',
  '𝟙',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((p) => p.join(''));

describe('rule patterns on wide text', () => {
  it('runs a rule pattern itself on Latin-1 text and its `v`-flag twin on wider text', () => {
    for (const rule of RULES) {
      expect(rule.re.flags, rule.re.source.slice(0, 60)).toBe('gu');
      expect(patternFor(rule.re, false)).toBe(rule.re);
      const twin = patternFor(rule.re, true);
      expect(twin.source).toBe(rule.re.source);
      expect(twin.flags).toBe('gv');
      expect(patternFor(rule.re, true), 'made once').toBe(twin);
    }
  });

  it('tells Latin-1 text from wider text', () => {
    expect(isBeyondLatin1('')).toBe(false);
    expect(isBeyondLatin1('plain ascii, café, ß, ÿ and \u00ff')).toBe(false);
    expect(isBeyondLatin1('a\u0100')).toBe(true);
    expect(isBeyondLatin1('ignore ё')).toBe(true);
    expect(isBeyondLatin1('😀')).toBe(true);
    expect(isBeyondLatin1('\ud800')).toBe(true);
  });

  /** regression: issue 12 (a text holding every rule's words took 7.4–8.2 s to scan first: V8 compiled the `u`-flag classes for two-byte text slowly) */
  it.each([
    ['a separator', `ig${S}nore`],
    ['a word gap', `a${F(3)}b`],
    ['a word end', `nore${WORD_END}`],
    ['an Arabic word start', `${AR_WORD_START}(?:تجاهل|ا)${WORD_END}`],
    ['a word start', `(?<![\\p{L}\\p{N}])(?:ig|тв)${S}(?:nore|a)`],
  ])('reads %s alike under `u` and `v`', (_, source) => {
    fc.assert(
      fc.property(text, (t) => {
        expect(matchesOf(source, 'v', t)).toEqual(matchesOf(source, 'u', t));
      }),
      { numRuns: 400 },
    );
  });

  it('finds the same matches under `u` and `v` with a sample of the rules, on texts of their own words', () => {
    // One rule in eight: compiling a rule under `u` for two-byte text is the slow step this
    // flag avoids, and every rule at once would add seconds.
    const sample = RULES.filter((_, i) => i % 8 === 0);
    for (const rule of sample) {
      const words = [...new Set(rule.re.source.match(/\p{L}[\p{L}\p{M}]+/gu) ?? [])];
      if (words.length === 0) continue;
      const ruleText = fc
        .array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...PIECES)), { maxLength: 16 })
        .map((p) => p.join(' '));
      fc.assert(
        fc.property(ruleText, (t) => {
          expect(matchesOf(rule.re.source, 'v', t)).toEqual(matchesOf(rule.re.source, 'u', t));
        }),
        { numRuns: 60 },
      );
    }
    expect(sample.length).toBeGreaterThan(30);
  });
});
