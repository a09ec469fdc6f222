/**
 * Aho–Corasick automaton over lower-cased ASCII, compiled to a dense DFA so a
 * scan is one table lookup per character whatever the number of keywords.
 * Columns are character classes (one per character that occurs in some
 * keyword), which keeps the table small enough to stay in cache; every other
 * character, and anything outside ASCII, moves to the root.
 */
export type Automaton = {
  /**
   * Sets `seen[kw] = 1` for every keyword present in `text` and appends the
   * ones not yet seen to `seenList`; for keywords with `track[kw] === 1` also
   * appends each occurrence as a pair `kw, endExclusive` to `hits`, while
   * `hits` holds fewer than `maxHits` pairs.
   */
  readonly mark: (
    text: string,
    seen: Uint8Array,
    seenList: number[],
    track: Uint8Array,
    hits: number[],
    maxHits: number,
  ) => void;
  /** Indexes of the keywords present in `text`, in order of first occurrence. */
  readonly present: (text: string) => number[];
  /** The OR of `flags[kw]` over the keywords present in `text` (no allocation). */
  readonly flagsIn: (text: string, flags: Uint8Array) => number;
  readonly keywords: readonly string[];
};

const A = 128;
/** Hit list of scans that track no keyword (never written). */
const NO_HITS: number[] = [];

/** Options of {@link buildAutomaton}. */
export type AutomatonOptions = {
  /**
   * Match as if every run of spaces, tabs, CRs and LFs were one space (the
   * whitespace collapsing of the injection view). Keywords may then hold
   * single spaces only, and none may start with one.
   */
  readonly foldWhitespace?: boolean;
};

const SPACE = 32;
const FOLDED_WHITESPACE = [9, 10, 13];

/** Character → class (0: in no keyword); upper-case letters share their lower-case class. */
function charClasses(
  keywords: readonly string[],
  foldWhitespace: boolean,
): { classOf: Uint8Array; width: number } {
  const classOf = new Uint8Array(A);
  let width = 1;
  for (const kw of keywords) {
    for (let i = 0; i < kw.length; i++) {
      const c = kw.charCodeAt(i) & 127;
      if (classOf[c] === 0) classOf[c] = width++;
    }
  }
  for (let c = 65; c <= 90; c++) if (classOf[c] === 0) classOf[c] = classOf[c + 32] as number;
  if (foldWhitespace) for (const c of FOLDED_WHITESPACE) classOf[c] = classOf[SPACE] as number;
  return { classOf, width };
}

/** Keywords that whitespace folding cannot match as written. */
function checkFoldable(keywords: readonly string[]): void {
  const bad = keywords.find((kw) => /^ |[\t\n\r]| {2}/.test(kw));
  if (bad !== undefined)
    throw new Error(`keyword ${JSON.stringify(bad)} cannot be matched with folded whitespace`);
}

/** Keyword trie over classes: goto rows (−1: none) and the keywords ending at each node. */
function trie(
  keywords: readonly string[],
  classOf: Uint8Array,
  width: number,
): { rows: Int32Array[]; outs: number[][]; via: number[] } {
  const rows = [new Int32Array(width).fill(-1)];
  const outs: number[][] = [[]];
  // The class of the edge into each node (0 for the root).
  const via = [0];
  keywords.forEach((kw, idx) => {
    let s = 0;
    for (let i = 0; i < kw.length; i++) {
      const c = classOf[kw.charCodeAt(i) & 127] as number;
      const row = rows[s] as Int32Array;
      if ((row[c] as number) < 0) {
        row[c] = rows.length;
        rows.push(new Int32Array(width).fill(-1));
        outs.push([]);
        via.push(c);
      }
      s = row[c] as number;
    }
    (outs[s] as number[]).push(idx);
  });
  return { rows, outs, via };
}

/** Builds an automaton for the given lower-case ASCII keywords. */
export function buildAutomaton(
  keywords: readonly string[],
  options: AutomatonOptions = {},
): Automaton {
  const foldWhitespace = options.foldWhitespace === true;
  if (foldWhitespace) checkFoldable(keywords);
  const { classOf, width } = charClasses(keywords, foldWhitespace);
  const { rows, outs, via } = trie(keywords, classOf, width);
  const n = rows.length;
  const fail = new Int32Array(n);
  const delta = new Int32Array(n * width);
  const queue: number[] = [];
  for (let c = 0; c < width; c++) {
    const t = (rows[0] as Int32Array)[c] as number;
    delta[c] = Math.max(t, 0);
    if (t > 0) queue.push(t);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi] as number;
    (outs[s] as number[]).push(...(outs[fail[s] as number] as number[]));
    for (let c = 0; c < width; c++) {
      const t = (rows[s] as Int32Array)[c] as number;
      const viaFail = delta[(fail[s] as number) * width + c] as number;
      if (t >= 0) {
        fail[t] = viaFail;
        delta[s * width + c] = t;
        queue.push(t);
      } else delta[s * width + c] = viaFail;
    }
  }
  // Folding: more whitespace after a space leaves the state as it is (a run reads as one space).
  const space = classOf[SPACE] as number;
  if (foldWhitespace && space > 0)
    for (let s = 1; s < n; s++) if (via[s] === space) delta[s * width + space] = s;
  // Nodes renumbered breadth-first: the shallow ones, where a scan spends
  // nearly every step, share the front of the table (and of the cache).
  const order = [0, ...queue];
  const rank = new Int32Array(n);
  order.forEach((node, i) => {
    rank[node] = i;
  });
  // Outputs flattened: node v owns outList[outStart[v] .. outStart[v + 1]).
  const outStart = new Int32Array(n + 1);
  const flat: number[] = [];
  for (let v = 0; v < n; v++) {
    outStart[v] = flat.length;
    flat.push(...new Set(outs[order[v] as number]));
  }
  outStart[n] = flat.length;
  const outList = Int32Array.from(flat);
  // Transitions hold the target's row offset (node · width), so a step is one
  // lookup; class 0 leads to the root from every node, so it needs no branch.
  // A transition into a node with outputs is stored as the complement of the
  // offset (< 0), so the scan tests the sign instead of loading the output
  // range every step.
  const next = new Int32Array(delta.length);
  for (let v = 0; v < n; v++) {
    const from = (order[v] as number) * width;
    for (let c = 0; c < width; c++) {
      const t = rank[delta[from + c] as number] as number;
      next[v * width + c] =
        (outStart[t + 1] as number) > (outStart[t] as number) ? ~(t * width) : t * width;
    }
  }
  // Per node: the call that last reported its outputs (a node seen once per
  // call needs no second look unless it holds tracked keywords).
  const stamp = new Int32Array(n);
  let call = 0;
  let trackedFor: Uint8Array | undefined;
  const tracked = new Uint8Array(n);
  const mark = (
    text: string,
    seen: Uint8Array,
    seenList: number[],
    track: Uint8Array,
    hits: number[],
    maxHits: number,
  ): void => {
    if (trackedFor !== track) {
      trackedFor = track;
      for (let v = 0; v < n; v++) {
        tracked[v] = 0;
        for (let o = outStart[v] as number; o < (outStart[v + 1] as number); o++)
          if (track[outList[o] as number] === 1) tracked[v] = 1;
      }
    }
    if (call === 0x7fffffff) {
      stamp.fill(0);
      call = 0;
    }
    call++;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      s = next[s + (c < A ? (classOf[c] as number) : 0)] as number;
      if (s >= 0) continue;
      s = ~s;
      const v = (s / width) | 0;
      if (stamp[v] === call) {
        if (tracked[v] === 0) continue;
      } else stamp[v] = call;
      const end = outStart[v + 1] as number;
      for (let o = outStart[v] as number; o < end; o++) {
        const kw = outList[o] as number;
        if (seen[kw] === 0) {
          seen[kw] = 1;
          seenList.push(kw);
        }
        if (track[kw] === 1 && hits.length < 2 * maxHits) hits.push(kw, i + 1);
      }
    }
  };
  // present() is mark() with no keyword tracked and its own seen flags (cleared after each call).
  const untracked = new Uint8Array(keywords.length);
  const presentSeen = new Uint8Array(keywords.length);
  const present = (text: string): number[] => {
    const found: number[] = [];
    mark(text, presentSeen, found, untracked, NO_HITS, 0);
    for (const kw of found) presentSeen[kw] = 0;
    return found;
  };
  // flagsIn() reuses one list, emptied as it is read (a value check allocates nothing).
  const flagsSeen: number[] = [];
  const flagsIn = (text: string, flags: Uint8Array): number => {
    mark(text, presentSeen, flagsSeen, untracked, NO_HITS, 0);
    let bits = 0;
    while (flagsSeen.length > 0) {
      const kw = flagsSeen.pop() as number;
      presentSeen[kw] = 0;
      bits |= flags[kw] as number;
    }
    return bits;
  };
  return { mark, present, flagsIn, keywords };
}
