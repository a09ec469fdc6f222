/**
 * Puts one mark inside one word of a text, as an attacker hiding the word
 * from a filter does: the edit of the property tests of the word-split views.
 * Test support only: nothing in the package imports it.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { held } from './injection-verdicts.test-support.js';

/** Fewest letters of a word the mark goes into. */
const MIN_LETTERS = 4;

/**
 * `text` with `mark` put `at` code points into its `word`-th word of at least
 * four letters (words of letters only; both indexes wrap, and the mark never
 * goes first or last).
 */
export function withMarkInside(text: string, word: number, at: number, mark: string): string {
  const words = text.split(' ');
  const long = words.flatMap((w, i) =>
    [...w].length >= MIN_LETTERS && /^\p{L}+$/u.test(w) ? [i] : [],
  );
  const i = long[word % long.length] as number;
  const letters = [...(words[i] as string)];
  const cut = 1 + (at % (letters.length - 1));
  words[i] = letters.slice(0, cut).join('') + mark + letters.slice(cut).join('');
  return words.join(' ');
}

/**
 * Asserts, as a property, that every attack stays held whatever word of it
 * one of `marks` goes into, and wherever in the word.
 */
export function expectHeldWithMarkInside(
  attacks: readonly string[],
  marks: readonly string[],
): void {
  fc.assert(
    fc.property(
      fc.constantFrom(...attacks),
      fc.nat(),
      fc.nat(),
      fc.constantFrom(...marks),
      (attack, word, at, mark) => {
        const text = withMarkInside(attack, word, at, mark);
        expect(held(text), text).toBe(true);
      },
    ),
    { numRuns: 150 },
  );
}
