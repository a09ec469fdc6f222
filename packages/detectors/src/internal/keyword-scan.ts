/**
 * Which rule keywords a text holds. Keywords of two or more characters go
 * through the automaton; single-character keywords (digits, `@`, `.`, letters
 * of PII rules) occur in almost every text, so in the automaton they would
 * report at most characters. They are looked up with native `indexOf`
 * instead, which stops at the first occurrence.
 */
import type { Automaton, AutomatonOptions } from './aho.js';
import { buildAutomaton } from './aho.js';

/** Finds the keywords of one fixed list. */
export type KeywordScanner = {
  /**
   * Appends to `seenList` the index of every keyword present in `text` (in no
   * particular order) and, for keywords with `track[kw] === 1`, each
   * occurrence as a pair `kw, endExclusive` to `hits` while it holds fewer
   * than `maxHits` pairs.
   */
  readonly find: (text: string, seenList: number[], hits: number[], maxHits: number) => void;
};

/** A single-character keyword: its index and the characters that match it. */
type Single = { readonly kw: number; readonly lower: string; readonly upper: string };

/** Single characters are searched natively unless each occurrence is wanted (tracked). */
function searchedNatively(kw: string, tracked: boolean): boolean {
  return kw.length === 1 && !tracked;
}

/** Single-character keywords: is one of them (either case for letters) present? */
function presentSingle(text: string, s: Single): boolean {
  return text.includes(s.lower) || (s.upper !== s.lower && text.includes(s.upper));
}

/**
 * Builds a scanner for lower-case ASCII keywords, matching ASCII letters in
 * either case like the automaton. Keywords of two or more characters are
 * reported in order of first occurrence.
 * @param keywords - the keywords, indexed as reported
 * @param track - 1 for keywords whose occurrences are wanted
 * @param options - passed to the automaton
 */
export function buildKeywordScanner(
  keywords: readonly string[],
  track: Uint8Array,
  options: AutomatonOptions = {},
): KeywordScanner {
  const multi: number[] = [];
  const singles: Single[] = [];
  keywords.forEach((kw, i) => {
    if (searchedNatively(kw, track[i] === 1))
      singles.push({ kw: i, lower: kw, upper: kw.toUpperCase() });
    else multi.push(i);
  });
  const ac: Automaton = buildAutomaton(
    multi.map((i) => keywords[i] as string),
    options,
  );
  const seen = new Uint8Array(multi.length);
  const trackMulti = Uint8Array.from(multi, (i) => track[i] as number);
  const find = (text: string, seenList: number[], hits: number[], maxHits: number): void => {
    const from = seenList.length;
    const hitsFrom = hits.length;
    ac.mark(text, seen, seenList, trackMulti, hits, maxHits);
    // Automaton indexes back to keyword indexes; the seen flags are cleared for the next call.
    for (let j = from; j < seenList.length; j++) {
      const a = seenList[j] as number;
      seen[a] = 0;
      seenList[j] = multi[a] as number;
    }
    for (let h = hitsFrom; h < hits.length; h += 2) hits[h] = multi[hits[h] as number] as number;
    for (const s of singles) if (presentSingle(text, s)) seenList.push(s.kw);
  };
  return { find };
}
