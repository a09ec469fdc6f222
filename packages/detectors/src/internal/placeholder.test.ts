import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasPlaceholderMarks, longestRun } from './placeholder.js';

/** The longest run of one repeated unit, read the plain way (two reads per unit). */
function reference(s: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    run = i > 0 && s[i] === s[i - 1] ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

describe('longestRun', () => {
  it('measures runs', () => {
    expect(longestRun('')).toBe(0);
    expect(longestRun('a')).toBe(1);
    expect(longestRun('abbbcc')).toBe(3);
  });
  it('equals the plain definition', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 80 }),
          fc.string({ unit: fc.constantFrom('a', 'b', '\uffff', '\ud800'), maxLength: 60 }),
        ),
        (s) => {
          expect(longestRun(s)).toBe(reference(s));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('hasPlaceholderMarks', () => {
  /** The specification: the single pattern the filler words were written out from. */
  const WORDS =
    /example|sample|dummy|placeholder|your[_-]?(?:api|secret|key|token|pass)|changeme|change[_-]me|redacted|insert[_-]?|replace[_-]?me|notreal|not[_-]a[_-]real|lorem|foobar|test[_-]?(?:key|token|secret)|abcdefgh|12345678|xxxx|\*\*\*\*|\.\.\.|0000000000|\bnull\b|undefined/i;
  const reference = (value: string): boolean => {
    if (value.length === 0) return true;
    const c0 = value[0];
    if (c0 === '$' || c0 === '%' || c0 === '<' || c0 === '{' || c0 === '[') return true;
    if (value.includes('${') || value.includes('{{') || value.includes('}}')) return true;
    if (WORDS.test(value)) return true;
    return (
      /fake/i.test(value) && (value.length < 20 || /(?:^|[_\-.])fake(?:$|[_\-.])/i.test(value))
    );
  };
  // Pieces of filler words, joints, case changes and look-alikes that must not fold (ſ, K, ı).
  const piece = fc.oneof(
    fc.constantFrom(
      'your',
      'api',
      'Key',
      'TOKEN',
      'not',
      'a',
      'real',
      'replace',
      'me',
      'change',
      'test',
      'secret',
      'null',
      'NULL',
      'nullable',
      'x',
      'xx',
      '*',
      '..',
      '0000',
      '1234',
      '5678',
      'abcd',
      'efgh',
      'ExAmPlE',
      'ſample',
      'K',
      'ı',
      'fake',
    ),
    fc.constantFrom('_', '-', ' ', '.', '$', '{', '}', '${', '{{', '}}', '%', '<', '['),
    fc.string({ maxLength: 3 }),
    // Two words and a joint: the spelled-out combinations and their near misses.
    fc
      .tuple(
        fc.constantFrom('your', 'test', 'change', 'replace', 'not', 'a', 'not-a', 'not_a'),
        fc.constantFrom('', '_', '-', '--', ' '),
        fc.constantFrom('api', 'secret', 'key', 'token', 'pass', 'me', 'a', 'real', 'Real'),
      )
      .map((p) => p.join('')),
  );
  it('agrees with the single pattern', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const value = parts.join('');
        expect(hasPlaceholderMarks(value)).toBe(reference(value));
      }),
      { numRuns: 5000 },
    );
  });
  it('knows the obvious ones', () => {
    expect(hasPlaceholderMarks('YOUR-API-KEY-HERE')).toBe(true);
    expect(hasPlaceholderMarks('value=null')).toBe(true);
    expect(hasPlaceholderMarks('value_is_null')).toBe(false);
    expect(hasPlaceholderMarks('nullable8Kq2')).toBe(false);
    expect(hasPlaceholderMarks('q8Zr3LmN0pX7vB2c')).toBe(false);
  });
});
