/**
 * Aho–Corasick automaton over lower-cased ASCII, compiled to a dense DFA so a
 * scan is one table lookup per character whatever the number of keywords.
 * Characters outside ASCII move to the root (no keyword contains them).
 */
export type Automaton = {
  /** Calls `hit(keywordIndex, endExclusive)` for every keyword occurrence. */
  readonly scan: (text: string, hit: (kw: number, end: number) => void) => void;
  /** Returns the set of keyword indexes present in `text`. */
  readonly present: (text: string) => Set<number>;
  readonly keywords: readonly string[];
};

const A = 128;

/** Builds an automaton for the given lower-case ASCII keywords. */
export function buildAutomaton(keywords: readonly string[]): Automaton {
  const trie: number[][] = [new Array<number>(A).fill(-1)];
  const outs: number[][] = [[]];
  keywords.forEach((kw, idx) => {
    let s = 0;
    for (let i = 0; i < kw.length; i++) {
      const c = kw.charCodeAt(i) & 127;
      const row = trie[s] as number[];
      if ((row[c] as number) < 0) {
        row[c] = trie.length;
        trie.push(new Array<number>(A).fill(-1));
        outs.push([]);
      }
      s = row[c] as number;
    }
    (outs[s] as number[]).push(idx);
  });
  const n = trie.length;
  const fail = new Int32Array(n);
  const delta = new Int32Array(n * A);
  const queue: number[] = [];
  for (let c = 0; c < A; c++) {
    const t = (trie[0] as number[])[c] as number;
    if (t >= 0) {
      delta[c] = t;
      fail[t] = 0;
      queue.push(t);
    } else delta[c] = 0;
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi] as number;
    (outs[s] as number[]).push(...(outs[fail[s] as number] as number[]));
    for (let c = 0; c < A; c++) {
      const t = (trie[s] as number[])[c] as number;
      if (t >= 0) {
        fail[t] = delta[(fail[s] as number) * A + c] as number;
        delta[s * A + c] = t;
        queue.push(t);
      } else delta[s * A + c] = delta[(fail[s] as number) * A + c] as number;
    }
  }
  const outArr = outs.map((o) => Int32Array.from(new Set(o)));
  const scan = (text: string, hit: (kw: number, end: number) => void): void => {
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= A) {
        s = 0;
        continue;
      }
      if (c >= 65 && c <= 90) c += 32;
      s = delta[s * A + c] as number;
      const o = outArr[s] as Int32Array;
      for (let k = 0; k < o.length; k++) hit(o[k] as number, i + 1);
    }
  };
  const present = (text: string): Set<number> => {
    const found = new Set<number>();
    scan(text, (kw) => {
      found.add(kw);
    });
    return found;
  };
  return { scan, present, keywords };
}
