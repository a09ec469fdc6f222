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

let charCounts: Int32Array | undefined;

/** One pass over `s`; entropy is summed in order of first occurrence, as a Map would. */
export function charStats(s: string): CharStats {
  // Counts per UTF-16 unit in a shared table, reset afterwards: no allocation per unit.
  charCounts ??= new Int32Array(65536);
  const counts = charCounts;
  const order: number[] = [];
  let longestRun = 0;
  let run = 0;
  let seq = 1;
  let ascending = false;
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (counts[c] === 0) order.push(c);
    counts[c] = (counts[c] as number) + 1;
    run = c === prev ? run + 1 : 1;
    if (run > longestRun) longestRun = run;
    if (i > 0) {
      seq = c - prev === 1 ? seq + 1 : 1;
      if (seq >= 10) ascending = true;
    }
    prev = c;
  }
  let entropy = 0;
  for (const c of order) {
    const p = (counts[c] as number) / s.length;
    entropy -= p * Math.log2(p);
    counts[c] = 0;
  }
  return { entropy, longestRun, ascending };
}
