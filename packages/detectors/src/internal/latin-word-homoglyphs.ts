/**
 * Cyrillic letters drawn like a Latin letter that are also everyday letters of
 * Russian, Ukrainian, Bulgarian … words: `г` reads r and `п` reads n
 * (`ignoгe`, `iпstructions`). They are read as the Latin letter only inside a
 * word written mostly in ASCII letters, where one was swapped into a Latin
 * word; a Cyrillic word keeps its spelling, even with a Latin look-alike
 * swapped into it (`пoдчиняешься` with a Latin o) or an escape glued to it
 * (`\nОтправка`), so the folded view (which the learned stage reads too) of
 * Cyrillic text does not change. The look-alikes folded everywhere are in
 * `confusables.ts`.
 */

import { isAsciiLetter, isWordUnit } from './ascii.js';

/**
 * The ASCII letter a code point reads as inside a Latin word: r for `г` and
 * `Г`, n for `п` and `П` (each capital is its small letter less 0x20); −1 for
 * every other code point, in two comparisons.
 */
function latinLetterOf(cp: number): number {
  const small = cp | 0x20;
  if (small === 0x0433) return 0x72;
  if (small === 0x043f) return 0x6e;
  return -1;
}

/** Whether the word `s[start, end)` holds more ASCII letters than units from U+00C0 on. */
function mostlyAscii(s: string, start: number, end: number): boolean {
  let ascii = 0;
  let other = 0;
  for (let k = start; k < end; k++) {
    const c = s.charCodeAt(k);
    if (isAsciiLetter(c)) ascii++;
    else if (c >= 0xc0) other++;
  }
  return ascii > other;
}

/**
 * Reads look-alikes in the words of one text, left to right. Remembers the
 * last word it read, so each word is read at most once however many
 * look-alikes it holds: linear in the text.
 */
export class LatinWordHomoglyphs {
  readonly #text: string;
  /** End of the last word read (−1: none yet). */
  #wordEnd = -1;
  /** Whether that word is written mostly in ASCII letters. */
  #latin = false;

  constructor(text: string) {
    this.#text = text;
  }

  /**
   * The ASCII letter (lower case) the code point at `i` reads as, when it is
   * one of these look-alikes inside a word written mostly in ASCII letters;
   * −1 otherwise.
   * @param cp - the code point at `i`
   * @param i - its offset in the text; calls come in increasing order
   */
  letterAt(cp: number, i: number): number {
    const letter = latinLetterOf(cp);
    if (letter < 0) return letter;
    if (i >= this.#wordEnd) this.#readWord(i);
    return this.#latin ? letter : -1;
  }

  /** Finds the word around `i` and whether it is written mostly in ASCII letters. */
  #readWord(i: number): void {
    const s = this.#text;
    let start = i;
    while (start > 0 && isWordUnit(s.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < s.length && isWordUnit(s.charCodeAt(end))) end++;
    this.#wordEnd = end;
    this.#latin = mostlyAscii(s, start, end);
  }
}
