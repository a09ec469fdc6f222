import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutAtWord, minimise } from './minimise.js';

describe('minimise', () => {
  it('takes N snippets in selector order, skipping absent and blank fields', () => {
    const page = { a: 'one', b: '  ', c: 3, d: 'four', e: 'five', f: 'six' };
    const names = ['e', 'b', 'c', 'x', 'a', 'd', 'f'].map((name) => ({ name }));
    expect(minimise(page, names, { maxSnippets: 3, snippetMaxChars: 10 })).toEqual([
      { name: 'e', text: 'five' },
      { name: 'a', text: 'one' },
      { name: 'd', text: 'four' },
    ]);
  });

  it('does not read inherited properties', () => {
    const page = Object.create({ inherited: 'secret' }) as Record<string, unknown>;
    expect(
      minimise(page, [{ name: 'inherited' }], { maxSnippets: 3, snippetMaxChars: 10 }),
    ).toEqual([]);
  });

  it('cuts at a word boundary', () => {
    expect(cutAtWord('alpha beta gamma', 12)).toBe('alpha beta');
    expect(cutAtWord('alpha beta gamma', 10)).toBe('alpha beta');
    expect(cutAtWord('alphabetagamma', 5)).toBe('alpha');
  });

  it('never exceeds the limit, is a prefix, and never splits a surrogate pair (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.integer({ min: 1, max: 40 }),
        (s, max) => {
          const cut = cutAtWord(s, max);
          expect(cut.length).toBeLessThanOrEqual(max);
          expect(s.startsWith(cut)).toBe(true);
          const last = cut.charCodeAt(cut.length - 1);
          expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
        },
      ),
    );
  });
});
