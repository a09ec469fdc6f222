/**
 * Letters of other scripts that read as a Latin letter (`а` Cyrillic a, `ο`
 * Greek omicron, `ı` dotless i, `Ν` Greek capital nu, `օ` Armenian oh, `ⲟ`
 * Coptic o, `Ꭱ` Cherokee e drawn as R): the homoglyph table of
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
  // Komi sje, drawn as g.
  ԍ: 'g',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ɡ: 'g',
  ʏ: 'y',
  ᴠ: 'v',
  α: 'a',
  β: 'b',
  γ: 'y',
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
  // Georgian capital san (Asomtavruli), drawn as S; its lower case is another letter.
  Ⴝ: 's',
  // Coptic letters drawn as Latin ones (each capital lower-cases to its small letter).
  ⲁ: 'a',
  ⲃ: 'b',
  ⲉ: 'e',
  ⲍ: 'z',
  ⲏ: 'h',
  ⲓ: 'i',
  ⲕ: 'k',
  ⲙ: 'm',
  ⲛ: 'n',
  ⲟ: 'o',
  ⲣ: 'p',
  ⲥ: 'c',
  ⲧ: 't',
  ⲩ: 'y',
  ⲭ: 'x',
  // Cherokee capitals drawn as Latin ones, by their small letters (a capital lower-cases to it).
  ꭺ: 'a',
  ᏼ: 'b',
  ꮯ: 'c',
  ꭰ: 'd',
  ꭼ: 'e',
  ꮐ: 'g',
  ꮋ: 'h',
  ꭻ: 'j',
  ꮶ: 'k',
  ꮮ: 'l',
  ꮇ: 'm',
  ꮲ: 'p',
  ꭱ: 'r',
  ꭲ: 't',
  ꮩ: 'v',
  ꮃ: 'w',
  ꮓ: 'z',
};

/**
 * First code points of the alphabets of enclosed Latin letters a reader reads
 * as the letter (26 each, a to z): parenthesized small `⒜` and capital `🄐`,
 * negative circled `🅐` and negative squared `🅰` capitals.
 */
const ENCLOSED_ALPHABETS: readonly number[] = [0x249c, 0x1f110, 0x1f150, 0x1f170];

/** The letter an enclosed Latin letter reads as (see {@link ENCLOSED_ALPHABETS}), or undefined. */
function enclosedLetter(ch: string): string | undefined {
  const cp = ch.codePointAt(0) as number;
  for (const first of ENCLOSED_ALPHABETS)
    if (cp >= first && cp < first + 26) return String.fromCharCode(97 + cp - first);
  return undefined;
}

/**
 * The ASCII letter a character reads as, if it is a homoglyph (in either
 * case), an enclosed Latin letter (`⒜`, `🅐`, `🅰`) or a homoglyph with
 * accents a reader reads through (`ό`, `Ӧ`, `Ὸ`, `Ή`). Accented Latin
 * letters are not homoglyphs: their base is ASCII.
 * @param ch - one code point
 * @returns the letter, or undefined
 */
export function homoglyphOf(ch: string): string | undefined {
  const direct = CONFUSABLE[ch] ?? CONFUSABLE[ch.toLowerCase()] ?? enclosedLetter(ch);
  if (direct !== undefined) return direct;
  const parts = ch.normalize('NFD');
  if (parts.length < 2) return undefined;
  for (let k = 1; k < parts.length; k++)
    if (!isReadThroughMark(parts.charCodeAt(k))) return undefined;
  const base = parts.charAt(0);
  return CONFUSABLE[base] ?? CONFUSABLE[base.toLowerCase()];
}
