/**
 * Token flooding: a short unit (1–8 UTF-16 units, no newline) repeated at
 * least 20 times in a row. One left-to-right pass keeps, for each unit length,
 * how long the text has agreed with itself shifted by that length, so the cost
 * is a few comparisons per character with no backtracking.
 */

/** Longest unit considered. */
const MAX_UNIT = 8;
/** Repeats after the first occurrence of the unit. */
const MIN_REPEATS = 19;
const NEWLINE = 10;

/** A run of one repeated unit. */
export type Flood = {
  readonly start: number;
  readonly end: number;
  readonly unit: string;
};

/** End of the run of whole units starting at `start`. */
function runEnd(text: string, start: number, len: number): number {
  let i = start;
  while (i + len < text.length && text.charCodeAt(i) === text.charCodeAt(i + len)) i++;
  return start + Math.floor((i + len - start) / len) * len;
}

/**
 * The leftmost flood, preferring the shortest unit at that position: the same
 * span as the first match of `/([^\n]{1,8}?)\1{19,}/`.
 */
export function findFlood(text: string): Flood | undefined {
  const n = text.length;
  // streak[L]: how many positions up to here satisfy text[j] === text[j + L], no newline.
  const streak = new Int32Array(MAX_UNIT + 1);
  let bestStart = -1;
  let bestLen = 0;
  const horizon = MIN_REPEATS * MAX_UNIT;
  for (let j = 0; j < n; j++) {
    // A candidate starting at p is known by j = p + 19·L − 1, so none can beat bestStart now.
    if (bestStart >= 0 && j - horizon >= bestStart) break;
    const c = text.charCodeAt(j);
    for (let len = 1; len <= MAX_UNIT; len++) {
      if (c !== NEWLINE && j + len < n && c === text.charCodeAt(j + len)) {
        const s = (streak[len] as number) + 1;
        streak[len] = s;
        if (s === MIN_REPEATS * len) {
          const p = j - s + 1;
          if (bestStart < 0 || p < bestStart || (p === bestStart && len < bestLen)) {
            bestStart = p;
            bestLen = len;
          }
        }
      } else streak[len] = 0;
    }
  }
  if (bestStart < 0) return undefined;
  return {
    start: bestStart,
    end: runEnd(text, bestStart, bestLen),
    unit: text.slice(bestStart, bestStart + bestLen),
  };
}
