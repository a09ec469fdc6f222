/**
 * Letter-spaced text ("i g n o r e   a l l") joined back into words for the
 * injection rules: a single space between two characters is dropped, a wider
 * gap reads as one word break. Built in typed arrays, one pass, so a million
 * spaced characters cost one buffer and one string, not one string piece and
 * one array slot per character.
 */
import { Utf16Units } from './utf16-units.js';

/** Text joined by {@link joinLetterSpaced}, with each character's offset in the source. */
export type LetterSpacedJoin = {
  readonly text: string;
  /** `origin[k]`: offset of `text[k]` in the source; one more entry, the source's length. */
  readonly origin: Int32Array;
};

const SPACE = 32;

/**
 * Whether `s` holds a letter-spaced run worth joining (eight single characters
 * followed by a space in a row).
 */
export const hasLetterSpacing = (s: string): boolean => /(?:\S ){8}/.test(s);

/**
 * `s` with the single spaces between characters dropped and runs of spaces
 * read as one.
 * @param s - the text as written
 * @returns the joined text and the source offset of each of its characters
 */
export function joinLetterSpaced(s: string): LetterSpacedJoin {
  const units = new Utf16Units(s.length);
  const origin = new Int32Array(s.length + 1);
  let lastWasSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === SPACE) {
      const single = i > 0 && s.charCodeAt(i - 1) !== SPACE && s.charCodeAt(i + 1) !== SPACE;
      if (single || lastWasSpace) continue;
    }
    origin[units.length] = i;
    units.push(c);
    lastWasSpace = c === SPACE;
  }
  origin[units.length] = s.length;
  return { text: units.toText(), origin: origin.subarray(0, units.length + 1) };
}
