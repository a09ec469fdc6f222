/**
 * Letters of other scripts that read as a Latin letter (`а` Cyrillic a, `ο`
 * Greek omicron, `ı` dotless i, `Ν` Greek capital nu, `օ` Armenian oh): the homoglyph table of
 * the normaliser's folded view, with their accented forms (`ό` is `ο` with an
 * accent, so it reads as `o`).
 */

import { isReadThroughMark } from './diacritics.js';

/**
 * A homoglyph and the ASCII letter it reads as: lower case, and the capitals
 * whose lower case reads as another letter or none (`Ν` reads N, its `ν` reads
 * v; `Η` reads H, its `η` reads n).
 */
export const CONFUSABLE: Readonly<Record<string, string>> = {
  Ζ: 'z',
  Η: 'h',
  Μ: 'm',
  Ν: 'n',
  Υ: 'y',
  Ү: 'y',
  ү: 'y',
  Ӏ: 'l',
  ӏ: 'l',
  Ϲ: 'c',
  ϲ: 'c',
  ҽ: 'e',
  ɛ: 'e',
  ɾ: 'r',
  // Armenian letters drawn as Latin ones.
  օ: 'o',
  Օ: 'o',
  ո: 'n',
  ս: 'u',
  Ս: 'u',
  ց: 'g',
  հ: 'h',
  զ: 'q',
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ɡ: 'g',
  ʏ: 'y',
  ᴠ: 'v',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ɑ: 'a',
  ɩ: 'i',
  ο̇: 'o',
  ı: 'i',
  ȷ: 'j',
  ℓ: 'l',
  Ꭵ: 'i',
  ᴏ: 'o',
  ᴄ: 'c',
  // A small capital gamma drawn as r; the estimated sign drawn as e.
  ᴦ: 'r',
  ℮: 'e',
  ᴜ: 'u',
  ꮪ: 's',
};

/**
 * The ASCII letter a character reads as, if it is a homoglyph (in either
 * case) or a homoglyph with accents a reader reads through (`ό`, `Ӧ`, `Ὸ`,
 * `Ή`). Accented Latin letters are not homoglyphs: their base is ASCII.
 * @param ch - one code point
 * @returns the letter, or undefined
 */
export function homoglyphOf(ch: string): string | undefined {
  const direct = CONFUSABLE[ch] ?? CONFUSABLE[ch.toLowerCase()];
  if (direct !== undefined) return direct;
  const parts = ch.normalize('NFD');
  if (parts.length < 2) return undefined;
  for (let k = 1; k < parts.length; k++)
    if (!isReadThroughMark(parts.charCodeAt(k))) return undefined;
  const base = parts.charAt(0);
  return CONFUSABLE[base] ?? CONFUSABLE[base.toLowerCase()];
}
