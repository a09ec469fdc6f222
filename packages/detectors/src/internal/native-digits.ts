/**
 * Decimal digits of other scripts (Arabic-Indic `٠١٢`, Persian `۰۱۲`,
 * Devanagari `०१२`, Bengali, Thai, …): people write phone, card and national
 * id numbers with them, and NFKC leaves them as they are. The set is the
 * Unicode property Nd (Decimal_Number) of the Basic Multilingual Plane, read
 * from the engine's Unicode data at first use; Unicode encodes every
 * script's digits as one run from 0 to 9, so a digit's value is its place
 * in its run.
 */

/** Value of each BMP code point that is a non-ASCII decimal digit, −1 for any other. */
let values: Int8Array | undefined;

function buildValues(): Int8Array {
  const t = new Int8Array(0x10000).fill(-1);
  const nd = /\p{Nd}/u;
  let runStart = -1;
  for (let cp = 0x80; cp <= 0xffff; cp++) {
    // Surrogates are not characters (and never Nd).
    if (cp >= 0xd800 && cp <= 0xdfff) {
      runStart = -1;
      continue;
    }
    if (!nd.test(String.fromCharCode(cp))) {
      runStart = -1;
      continue;
    }
    if (runStart < 0) runStart = cp;
    t[cp] = (cp - runStart) % 10;
  }
  return t;
}

/**
 * The value (0–9) of a non-ASCII decimal digit of the BMP, or −1.
 * @param cp - a code point
 * @returns its digit value, or −1 when it is not such a digit
 */
export function nativeDigitValue(cp: number): number {
  if (cp < 0x80 || cp > 0xffff) return -1;
  values ??= buildValues();
  return values[cp] as number;
}
