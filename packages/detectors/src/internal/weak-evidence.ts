/**
 * Weak rule hits as evidence: a hit too weak to report alone (weight < 0.5)
 * is reported when other weak hits close to it corroborate it. Evidence of an
 * injection is local: weak hits from unrelated paragraphs of a long post do
 * not add up to a finding, so pasting honest posts together cannot make one.
 */

/** A weighted match over `[start, end)` of a view. */
export type WeightedSpan = {
  readonly start: number;
  readonly end: number;
  readonly weight: number;
};

/** Weight below which a hit needs corroboration. */
export const WEAK_WEIGHT = 0.5;

/** Distinct weak evidence a stretch needs for its weak hits to be reported. */
export const CORROBORATED_WEIGHT = 0.9;

/** Longest stretch of the view, in characters, whose weak hits corroborate one another. */
export const CORROBORATION_SPAN = 600;

type Piece<T> = { start: number; end: number; best: number; members: T[] };

/** Weak hits by start, overlapping ones merged into one piece weighing as its strongest hit. */
function piecesOf<T extends WeightedSpan>(hits: readonly T[]): Piece<T>[] {
  const weak = hits.filter((h) => h.weight < WEAK_WEIGHT).sort((a, b) => a.start - b.start);
  const pieces: Piece<T>[] = [];
  let last: Piece<T> | undefined;
  for (const h of weak) {
    if (last !== undefined && h.start < last.end) {
      last.end = Math.max(last.end, h.end);
      last.best = Math.max(last.best, h.weight);
      last.members.push(h);
      continue;
    }
    last = { start: h.start, end: h.end, best: h.weight, members: [h] };
    pieces.push(last);
  }
  return pieces;
}

/**
 * The weak hits that are corroborated: each lies in a stretch of at most
 * {@link CORROBORATION_SPAN} characters whose distinct weak evidence (the sum
 * over its pieces of overlapping hits, each counted as its strongest) reaches
 * {@link CORROBORATED_WEIGHT}. Linear in the number of hits after sorting.
 *
 * @param hits - every hit of one view, strong ones included (they are ignored)
 * @returns the weak hits to report
 */
export function corroboratedWeakHits<T extends WeightedSpan>(hits: readonly T[]): Set<T> {
  const pieces = piecesOf(hits);
  const out = new Set<T>();
  let right = -1;
  let sum = 0;
  let markedTo = -1;
  for (let left = 0; left < pieces.length; left++) {
    const from = (pieces[left] as Piece<T>).start;
    while (
      right + 1 < pieces.length &&
      (pieces[right + 1] as Piece<T>).end - from <= CORROBORATION_SPAN
    ) {
      right++;
      sum += (pieces[right] as Piece<T>).best;
    }
    if (right >= left && sum >= CORROBORATED_WEIGHT - 1e-9) {
      for (let k = Math.max(left, markedTo + 1); k <= right; k++)
        for (const h of (pieces[k] as Piece<T>).members) out.add(h);
      markedTo = Math.max(markedTo, right);
    }
    if (right >= left) sum -= (pieces[left] as Piece<T>).best;
    else right = left;
  }
  return out;
}
