/**
 * Arabic letters typed in more than one form, read as one: the alef with
 * hamza or madda and the alef wasla as the bare alef, the alef maksura and
 * the Persian yeh as the Arabic yeh, the Persian (keheh) kaf as the Arabic
 * kaf, the teh marbuta as the heh. Writers omit the hamza, a Persian
 * keyboard types its own kaf and yeh, and the final yeh and alef maksura
 * look alike: one letter changed that way left a rule's phrase unmatched.
 * The multilingual rules read the plain view with these folds, and their
 * phrases are folded the same way when they are built.
 */

const FOLDS: ReadonlyMap<number, number> = new Map([
  [0x0622, 0x0627], // آ alef with madda
  [0x0623, 0x0627], // أ alef with hamza above
  [0x0625, 0x0627], // إ alef with hamza below
  [0x0671, 0x0627], // ٱ alef wasla
  [0x0649, 0x064a], // ى alef maksura
  [0x06cc, 0x064a], // ی Persian yeh
  [0x06a9, 0x0643], // ک keheh (Persian kaf)
  [0x0629, 0x0647], // ة teh marbuta
]);

/**
 * The letter an Arabic letter variant is read as (any other unit unchanged).
 * @param unit - a UTF-16 code unit
 * @returns the folded unit
 */
export function foldArabicLetter(unit: number): number {
  if (unit < 0x0622 || unit > 0x06cc) return unit;
  return FOLDS.get(unit) ?? unit;
}

/**
 * `s` with every Arabic letter variant folded ({@link foldArabicLetter}); same length.
 * @param s - a phrase or a text
 * @returns the folded text
 */
export function foldArabicText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldArabicLetter(s.charCodeAt(i)));
  return out;
}

/**
 * Where an Arabic word starts: after a non-letter and at most two one-letter
 * proclitics (و "and", ف "so", ب "with", ل "for", ك "as"), so `انس` ("forget")
 * is not read in `انسخ` ("copy") nor `لك` ("for you") in `ذلك` ("that"). The proclitics are
 * spelled as alternatives, not as a class: Arabic text runs the rules' `v`-flag twins
 * (wide-text-patterns.ts), and under `v` V8 skips ahead to a rule's verbs past alternatives but
 * not past an optional class (a 4 KB Arabic post took 1.3× the CPU).
 */
export const AR_WORD_START = '(?<![\\p{L}\\p{N}])(?:و|ف|ب|ل|ك){0,2}';
