/**
 * Accents a reader reads through. A combining accent typed after a letter
 * (`I` + U+0301 reads "Í"), Arabic vowel marks and the tatweel that stretches
 * a word (`تَجاهَلْ`, `تـجـاهـل`) leave the word a reader sees unchanged but
 * split it for a pattern: the normaliser drops them. Precomposed accented
 * Latin letters (`Ïgnörë àll`) are letters of their own in the normalised
 * view (French, German, Spanish and Vietnamese rules need them); English
 * rules read them without their accents in a folded view of the same length.
 */

/**
 * Combining marks dropped by the normaliser: the combining diacritical marks
 * for Latin, Greek and Cyrillic (U+0300–036F and their extended and
 * supplement blocks, U+1AB0–1AFF and U+1DC0–1DFF), combining marks for
 * symbols (U+20D0–20FF), half marks (U+FE20–FE2F), Arabic vowel and
 * Quranic marks (U+064B–065F, U+0670, U+06D6–06ED minus the letters and signs
 * among them) and the tatweel (U+0640). Marks that spell a vowel or a
 * consonant cluster in Indic, Thai and other scripts are kept: their words
 * need them.
 * @param cp - a code point
 * @returns whether the normaliser drops it
 */
export function isReadThroughMark(cp: number): boolean {
  if (cp < 0x300) return false;
  return (
    cp <= 0x36f ||
    (cp >= 0x64b && cp <= 0x65f) ||
    cp === 0x640 ||
    cp === 0x670 ||
    (cp >= 0x6d6 && cp <= 0x6dc) ||
    (cp >= 0x6df && cp <= 0x6e4) ||
    cp === 0x6e7 ||
    cp === 0x6e8 ||
    (cp >= 0x6ea && cp <= 0x6ed) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f)
  );
}

/** First and last code unit that may be an accented Latin letter (Latin-1 to Latin Extended Additional). */
const FIRST_ACCENTED = 0xc0;
const LAST_ACCENTED = 0x1eff;

/** The ASCII letter each unit of the range reads as without its accents (0: none), built on first use. */
let baseLetters: Uint8Array | undefined;

function baseLetterTable(): Uint8Array {
  const t = new Uint8Array(LAST_ACCENTED - FIRST_ACCENTED + 1);
  for (let u = FIRST_ACCENTED; u <= LAST_ACCENTED; u++) {
    const d = String.fromCharCode(u).normalize('NFD');
    const base = d.charCodeAt(0);
    const letter = (base >= 97 && base <= 122) || (base >= 65 && base <= 90);
    let marksOnly = d.length > 1;
    for (let k = 1; k < d.length && marksOnly; k++) marksOnly = isReadThroughMark(d.charCodeAt(k));
    if (letter && marksOnly) t[u - FIRST_ACCENTED] = base | 0x20;
  }
  return t;
}

/** Result of {@link foldAccents}. */
export type AccentFolded = {
  readonly text: string;
  /** Index of the first and of the last folded character (−1 when nothing was folded). */
  readonly first: number;
  readonly last: number;
};

/**
 * `s` with every precomposed accented Latin letter read as its ASCII base
 * letter (`ï` → `i`, `ő` → `o`), the same length and offsets as `s`.
 * @param s - a normalised (lower-case) view
 * @returns the folded text and where its folds are
 */
export function foldAccents(s: string): AccentFolded {
  let first = -1;
  let last = -1;
  // The text as UTF-16LE bytes, written byte by byte (any platform's byte order), once needed.
  let units: Buffer | undefined;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < FIRST_ACCENTED || u > LAST_ACCENTED) continue;
    baseLetters ??= baseLetterTable();
    const base = baseLetters[u - FIRST_ACCENTED] as number;
    if (base === 0) continue;
    if (units === undefined) {
      units = Buffer.from(s, 'utf16le');
      first = i;
    }
    units[2 * i] = base;
    units[2 * i + 1] = 0;
    last = i;
  }
  // Decoding UTF-16LE keeps lone surrogates as they are (it validates nothing).
  return units === undefined
    ? { text: s, first, last }
    : { text: units.toString('utf16le'), first, last };
}
