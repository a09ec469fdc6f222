/**
 * HTML character references a reader sees as letters. A post rendered as HTML
 * shows `Ig&#110;ore`, `Ign&ouml;re` or `Ig&shy;nore` as one word; a model
 * reading the raw text reads through them too. The injection normaliser reads
 * a reference as the character it stands for when that character is part of
 * a word or a space: a letter, a digit, an accent, an invisible or a space.
 * References to ASCII punctuation (`&lt;`, `&amp;`, `&#60;`) stay as written:
 * escaped markup in a code sample is not markup.
 */

/**
 * A reference at the start: decimal or hex (the `;` optional, as browsers read them), or named
 * (HTML's longest name has 31 letters).
 */
const REFERENCE = /&(?:#(\d{1,7});?|#[xX]([0-9A-Fa-f]{1,6});?|([A-Za-z]{2,31});)/y;

/** HTML's names for the accents of its Latin-1 letters (`&ouml;` = o + diaeresis), as combining marks. */
const ACCENTS: Readonly<Record<string, string>> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  uml: '\u0308',
  tilde: '\u0303',
  ring: '\u030a',
  cedil: '\u0327',
};

/**
 * Named references to spaces, invisibles and letters that are not a letter plus an accent
 * (names and code points from the HTML standard's table of named character references).
 */
const NAMED: Readonly<Record<string, number>> = {
  nbsp: 0xa0,
  NonBreakingSpace: 0xa0,
  ensp: 0x2002,
  emsp: 0x2003,
  emsp13: 0x2004,
  emsp14: 0x2005,
  numsp: 0x2007,
  puncsp: 0x2008,
  thinsp: 0x2009,
  ThinSpace: 0x2009,
  hairsp: 0x200a,
  VeryThinSpace: 0x200a,
  MediumSpace: 0x205f,
  shy: 0xad,
  ZeroWidthSpace: 0x200b,
  NegativeVeryThinSpace: 0x200b,
  NegativeThinSpace: 0x200b,
  NegativeMediumSpace: 0x200b,
  NegativeThickSpace: 0x200b,
  zwnj: 0x200c,
  zwj: 0x200d,
  lrm: 0x200e,
  rlm: 0x200f,
  NoBreak: 0x2060,
  af: 0x2061,
  ApplyFunction: 0x2061,
  it: 0x2062,
  InvisibleTimes: 0x2062,
  ic: 0x2063,
  InvisibleComma: 0x2063,
  szlig: 0xdf,
  oslash: 0xf8,
  Oslash: 0xd8,
  aelig: 0xe6,
  AElig: 0xc6,
};

/** The code point of a named reference that stands for a word character, else undefined. */
function namedCodePoint(name: string): number | undefined {
  const known = NAMED[name];
  if (known !== undefined) return known;
  const letter = name[0] as string;
  const accent = ACCENTS[name.slice(1)];
  if (accent === undefined || !/[A-Za-z]/.test(letter)) return undefined;
  const composed = (letter + accent).normalize('NFC');
  return composed.length === 1 ? composed.codePointAt(0) : undefined;
}

/** Whether a decoded code point is part of a word or a space (not ASCII punctuation or a control). */
const isWordOrSpace = (cp: number): boolean =>
  cp === 32 ||
  (cp >= 48 && cp <= 57) ||
  (cp >= 65 && cp <= 90) ||
  (cp >= 97 && cp <= 122) ||
  (cp >= 0xa0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff));

/** A character reference read: the code point and how many units of the text it spans. */
export type Reference = { readonly cp: number; readonly length: number };

/**
 * The reference that starts at `i` (where `s[i]` is `&`), when it stands for
 * a word character or a space.
 * @param s - the text
 * @param i - offset of an `&`
 * @returns the code point and the reference's length, or undefined
 */
export function referenceAt(s: string, i: number): Reference | undefined {
  REFERENCE.lastIndex = i;
  const m = REFERENCE.exec(s);
  if (m === null) return undefined;
  let cp: number | undefined;
  if (m[1] !== undefined) cp = Number(m[1]);
  else if (m[2] !== undefined) cp = Number.parseInt(m[2], 16);
  else cp = namedCodePoint(m[3] as string);
  return cp !== undefined && isWordOrSpace(cp) ? { cp, length: m[0].length } : undefined;
}

// A numeric reference, a letter with one of the accents, or one of the names.
const MAY_HOLD = new RegExp(
  `&(?:#[\\dxX]|[A-Za-z](?:${Object.keys(ACCENTS).join('|')});|(?:${Object.keys(NAMED).join('|')});)`,
);

/** Whether `s` may hold a reference {@link referenceAt} reads (a cheap test before the slow path). */
export function mayHoldReference(s: string): boolean {
  return s.includes('&') && MAY_HOLD.test(s);
}
