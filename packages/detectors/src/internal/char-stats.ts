/**
 * Character statistics of a candidate credential in one pass: Shannon
 * entropy, the longest run of one repeated character, and whether ten
 * consecutive code units ascend by one (`abcdefghij`, `0123456789`).
 */

/** Result of {@link charStats}. */
export type CharStats = {
  /** Shannon entropy in bits per UTF-16 unit. */
  readonly entropy: number;
  /** Length of the longest run of one repeated unit. */
  readonly longestRun: number;
  /** Ten or more consecutive units each one above the previous. */
  readonly ascending: boolean;
};

// Shared tables, reset after each call: counts per UTF-16 unit and the units
// in order of first occurrence (at most 65,536 distinct ones). Allocated on first
// use, so importing the package does not take their 384 KB.
let charCounts: Int32Array | undefined;
let firstSeen: Uint16Array | undefined;

/** Terms `p·log2 p` for small counts, valid for the length in `termLength` (bounded memo). */
const TERM_SLOTS = 1024;
const termValue = new Float64Array(TERM_SLOTS);
const termLength = new Int32Array(TERM_SLOTS);

/** `p·log2 p` for `p = count / length`, memoised per count while the length stays the same. */
function term(count: number, length: number): number {
  if (count >= TERM_SLOTS) return (count / length) * Math.log2(count / length);
  if (termLength[count] !== length) {
    termLength[count] = length;
    termValue[count] = (count / length) * Math.log2(count / length);
  }
  return termValue[count] as number;
}

/** One pass over `s`; entropy is summed in order of first occurrence, as a Map would. */
export function charStats(s: string): CharStats {
  charCounts ??= new Int32Array(65536);
  firstSeen ??= new Uint16Array(65536);
  const counts = charCounts;
  const order = firstSeen;
  let distinct = 0;
  let longestRun = 0;
  let run = 0;
  let seq = 1;
  let ascending = false;
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Without a branch (whether a unit is new is unpredictable): always write the
    // unit at the next first-seen slot, and move past it only when its count was 0.
    const k = counts[c] as number;
    order[distinct] = c;
    distinct += (k - 1) >>> 31;
    counts[c] = k + 1;
    run = c === prev ? run + 1 : 1;
    if (run > longestRun) longestRun = run;
    if (i > 0) {
      seq = c - prev === 1 ? seq + 1 : 1;
      if (seq >= 10) ascending = true;
    }
    prev = c;
  }
  let entropy = 0;
  for (let j = 0; j < distinct; j++) {
    const c = order[j] as number;
    entropy -= term(counts[c] as number, s.length);
    counts[c] = 0;
  }
  return { entropy, longestRun, ascending };
}
