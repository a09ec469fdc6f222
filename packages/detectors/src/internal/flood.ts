/**
 * Token flooding: a short unit (1–8 UTF-16 units, no newline) repeated at
 * least 20 times in a row. For each unit length L the text must agree with
 * itself shifted by L over 19·L positions, so probing every 19·L-th position
 * (every such run holds one) and widening only around agreeing probes finds
 * the first such run while touching a fraction of the characters, with no
 * backtracking.
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

/** True when text[j] equals text[j + len] and is not a newline. */
function agrees(text: string, j: number, len: number): boolean {
  const c = text.charCodeAt(j);
  return c !== NEWLINE && j + len < text.length && c === text.charCodeAt(j + len);
}

/**
 * Start of the first run of 19·len agreeing positions that starts at or
 * before `limit`, or −1. Every such run holds a probe: the stride is the
 * run's least length.
 */
function firstRun(text: string, len: number, limit: number): number {
  const need = MIN_REPEATS * len;
  const stride = need;
  for (let s = 0; s < text.length && s <= limit + stride; s += stride) {
    if (!agrees(text, s, len)) continue;
    let a = s;
    while (a > 0 && agrees(text, a - 1, len)) a--;
    let b = s + 1;
    while (b < a + need && agrees(text, b, len)) b++;
    if (b - a >= need) return a <= limit ? a : -1;
    s = b - (b % stride);
  }
  return -1;
}

/** The leftmost flood with a unit of `minLen` to 8 units (the shortest at that start). */
function leftmost(text: string, minLen: number): { start: number; len: number } | undefined {
  let bestStart = -1;
  let bestLen = 0;
  for (let len = minLen; len <= MAX_UNIT; len++) {
    // A longer unit wins only by starting strictly earlier.
    const limit = bestStart < 0 ? text.length : bestStart - 1;
    const p = firstRun(text, len, limit);
    if (p >= 0) {
      bestStart = p;
      bestLen = len;
    }
  }
  return bestStart < 0 ? undefined : { start: bestStart, len: bestLen };
}

function floodAt(text: string, start: number, len: number): Flood {
  return { start, end: runEnd(text, start, len), unit: text.slice(start, start + len) };
}

/**
 * The leftmost flood, preferring the shortest unit at that position (the same
 * span as the first match of `/([^\n]{1,8}?)\1{19,}/`), when its unit is two
 * or more units long; else undefined. Floods of one character are looked for
 * only up to where a longer unit's flood starts (they win there), so text
 * without such a flood costs no one-character pass.
 */
export function findMultiUnitFlood(text: string): Flood | undefined {
  const best = leftmost(text, 2);
  if (best === undefined || firstRun(text, 1, best.start) >= 0) return undefined;
  return floodAt(text, best.start, best.len);
}
