/**
 * Sets of code points as one bit each, built from flat inclusive ranges
 * (`[start, end, start, end, …]`): a lookup the normaliser can afford for
 * every character of a text.
 */

/**
 * One bit per code point up to `last`, set for every code point of `ranges`
 * (parts of a range past `last` are left out).
 * @param ranges - flat inclusive ranges
 * @param last - the highest code point the set holds
 * @returns the bits, `last / 8 + 1` bytes
 */
export function codePointBits(ranges: readonly number[], last: number): Uint8Array {
  const bits = new Uint8Array((last >> 3) + 1);
  for (let k = 0; k < ranges.length; k += 2) {
    const end = Math.min(ranges[k + 1] as number, last);
    for (let cp = ranges[k] as number; cp <= end; cp++)
      bits[cp >> 3] = (bits[cp >> 3] as number) | (1 << (cp & 7));
  }
  return bits;
}

/**
 * Whether `cp` is in a set built by {@link codePointBits} (`cp` at most its `last`).
 * @param bits - the set
 * @param cp - a code point
 * @returns whether its bit is set
 */
export const hasCodePoint = (bits: Uint8Array, cp: number): boolean =>
  ((bits[cp >> 3] as number) & (1 << (cp & 7))) !== 0;
