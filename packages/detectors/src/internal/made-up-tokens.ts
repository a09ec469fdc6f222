/**
 * Test support for the secret-rule tests: made-up token material from a
 * seeded generator (the same strings on every run), and the value a scan
 * reports for one type. Not part of the package's entry points.
 */
import { scanSecrets } from '../index.js';

/** A string of `n` characters drawn from one alphabet. */
export type Draw = (n: number) => string;

/** Draws from the usual token alphabets, all advancing one seeded sequence. */
export type TokenMaker = {
  readonly from: (alphabet: string) => Draw;
  readonly alnum: Draw;
  readonly lowerAlnum: Draw;
  readonly upperAlnum: Draw;
  readonly hex: Draw;
  readonly digits: Draw;
  readonly b58: Draw;
  readonly b64url: Draw;
  /** A version-4-shaped UUID in lower-case hex. */
  readonly uuid: () => string;
};

/**
 * A token maker over a linear congruential sequence from `seed`.
 * @param seed - the test file's own seed
 * @returns the draws, which share the sequence in call order
 */
export function tokenMaker(seed: number): TokenMaker {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const from =
    (alphabet: string): Draw =>
    (n) =>
      Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  const hex = from('0123456789abcdef');
  return {
    from,
    alnum: from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
    lowerAlnum: from('abcdefghijklmnopqrstuvwxyz0123456789'),
    upperAlnum: from('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
    hex,
    digits: from('0123456789'),
    b58: from('123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'),
    b64url: from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'),
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
  };
}

/**
 * The text of the first secret finding of `type` in `text`, if any.
 * @param text - the scanned text
 * @param type - the finding type
 * @returns the matched value, or undefined
 */
export function foundAs(text: string, type: string): string | undefined {
  const f = scanSecrets(text).find((x) => x.type === type);
  return f ? text.slice(f.start, f.end) : undefined;
}
