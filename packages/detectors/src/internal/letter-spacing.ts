/**
 * Letter-spaced text ("i g n o r e   a l l") joined back into words for the
 * injection rules: a single space between two characters is dropped, a wider
 * gap reads as one word break. Built in typed arrays, one pass, so a million
 * spaced characters cost one buffer and one string, not one string piece and
 * one array slot per character.
 */

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
  const units = Buffer.allocUnsafe(2 * s.length);
  const origin = new Int32Array(s.length + 1);
  let n = 0;
  let lastWasSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === SPACE) {
      const single = i > 0 && s.charCodeAt(i - 1) !== SPACE && s.charCodeAt(i + 1) !== SPACE;
      if (single || lastWasSpace) continue;
    }
    units[2 * n] = c & 0xff;
    units[2 * n + 1] = c >> 8;
    origin[n++] = i;
    lastWasSpace = c === SPACE;
  }
  origin[n] = s.length;
  return { text: units.toString('utf16le', 0, 2 * n), origin: origin.subarray(0, n + 1) };
}
