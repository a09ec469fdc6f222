/**
 * Puts one mark inside one word of a text, as an attacker hiding the word
 * from a filter does: the edit the word-split views' tests make at every place.
 * Test support only: nothing in the package imports it.
 */
import { expect } from 'vitest';
import { held } from './injection-verdicts.test-support.js';

/** Fewest letters of a word the mark goes into. */
const MIN_LETTERS = 4;

/**
 * `text` with `mark` put `at` code points into its `word`-th word of at least
 * four letters (words of letters only; both indexes wrap, and the mark never
 * goes first or last).
 */
function withMarkInside(text: string, word: number, at: number, mark: string): string {
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
 * Asserts that every attack stays held with each of `marks` put at every
 * place inside every word of it (at least four letters), exhaustively: a
 * rare miss fails every run, not one run in many as a sample would.
 */
export function expectHeldWithEveryMarkInside(
  attacks: readonly string[],
  marks: readonly string[],
): void {
  const missed: string[] = [];
  for (const attack of attacks) {
    const words = attack
      .split(' ')
      .filter((w) => [...w].length >= MIN_LETTERS && /^\p{L}+$/u.test(w));
    words.forEach((w, word) => {
      for (let at = 0; at < [...w].length - 1; at++)
        for (const mark of marks) {
          const text = withMarkInside(attack, word, at, mark);
          if (!held(text)) missed.push(text);
        }
    });
  }
  expect(missed).toEqual([]);
}
