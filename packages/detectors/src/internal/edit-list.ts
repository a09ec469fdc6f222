/**
 * Edits kept as parallel arrays instead of one object each: a text that
 * alternates fullwidth letters with spaces or invisible characters makes an
 * edit per character, and a million small objects spent 30–40% of its scan
 * in the garbage collector.
 */

/** One replacement of `[start, end)` by `out`, as tests and callers read it. */
export type Edit = {
  readonly start: number;
  readonly end: number;
  readonly out: string;
  /**
   * Source span of each output character as `start, end` pairs; absent when
   * every output character comes from the whole `[start, end)`.
   */
  readonly spans?: ArrayLike<number>;
};

/** The arrays of a list with no edits yet. */
const NONE = new Int32Array(0);
/** Edits a list makes room for at first. */
const FIRST_CAPACITY = 16;

/** Edits of one text in the order they were pushed. */
export class EditList {
  // Allocated on the first push: most passes of most texts find nothing.
  #starts = NONE;
  #ends = NONE;
  /**
   * Replacement of each edit when it is short: 0 for '', 1 + the code of a single character,
   * −1 when the replacement is in {@link #longOuts} (most edits drop or fold one character).
   */
  #shortOuts = NONE;
  /** Replacements of two or more characters, by index. */
  #longOuts: Map<number, string> | undefined;
  /** Per-character source spans of the edits that have them, by index (most have none). */
  #spans: Map<number, ArrayLike<number>> | undefined;
  #n = 0;

  /** Number of edits. */
  get length(): number {
    return this.#n;
  }

  /** Appends the replacement of `[start, end)` by `out` (`spans`: see {@link Edit.spans}). */
  push(start: number, end: number, out: string, spans?: ArrayLike<number>): void {
    if (this.#n === this.#starts.length) this.#grow();
    this.#starts[this.#n] = start;
    this.#ends[this.#n] = end;
    if (out.length <= 1) this.#shortOuts[this.#n] = out.length === 0 ? 0 : 1 + out.charCodeAt(0);
    else {
      this.#shortOuts[this.#n] = -1;
      this.#longOuts ??= new Map();
      this.#longOuts.set(this.#n, out);
    }
    if (spans !== undefined) {
      this.#spans ??= new Map();
      this.#spans.set(this.#n, spans);
    }
    this.#n++;
  }

  /** Appends edit `i` of `from`. */
  pushFrom(from: EditList, i: number): void {
    this.push(from.start(i), from.end(i), from.out(i), from.spans(i));
  }

  /** Start of edit `i`. */
  start(i: number): number {
    return this.#starts[i] as number;
  }

  /** End of edit `i`. */
  end(i: number): number {
    return this.#ends[i] as number;
  }

  /** Replacement text of edit `i`. */
  out(i: number): string {
    const short = this.#shortOuts[i] as number;
    if (short > 0) return String.fromCharCode(short - 1);
    return short === 0 ? '' : (this.#longOuts?.get(i) as string);
  }

  /** Per-character source spans of edit `i`, when it has them. */
  spans(i: number): ArrayLike<number> | undefined {
    return this.#spans?.get(i);
  }

  /** Edit `i` as an object (for tests and diagnostics, not for hot loops). */
  at(i: number): Edit {
    const spans = this.spans(i);
    const e = { start: this.start(i), end: this.end(i), out: this.out(i) };
    return spans === undefined ? e : { ...e, spans };
  }

  #grow(): void {
    this.#starts = doubled(this.#starts);
    this.#ends = doubled(this.#ends);
    this.#shortOuts = doubled(this.#shortOuts);
  }
}

/** A copy of `a` twice as long (or {@link FIRST_CAPACITY} long). */
function doubled(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(FIRST_CAPACITY, a.length * 2));
  b.set(a);
  return b;
}

/** Whether edit `i` of `a` comes before edit `j` of `b` (by start, then end). */
const before = (a: EditList, i: number, b: EditList, j: number): boolean =>
  a.start(i) < b.start(j) || (a.start(i) === b.start(j) && a.end(i) < b.end(j));

/**
 * The edits of lists that are each in text order without overlaps (as every
 * pass makes them), merged by start (then end; on a tie, the earlier list
 * first) without overlaps: of two that overlap, the one that starts first is
 * kept. Linear in the edits for the handful of lists the passes make.
 */
export function mergeOrdered(lists: readonly EditList[]): EditList {
  let only: EditList | undefined;
  let count = 0;
  for (const l of lists)
    if (l.length > 0) {
      only = l;
      count++;
    }
  // Usually one pass or none found edits: nothing to merge.
  if (count <= 1) return only ?? new EditList();
  const live = lists.filter((l) => l.length > 0);
  const merged = new EditList();
  const heads = live.map(() => 0);
  let end = -1;
  for (let best = nextHead(live, heads); best >= 0; best = nextHead(live, heads)) {
    const list = live[best] as EditList;
    const i = heads[best] as number;
    heads[best] = i + 1;
    if (list.start(i) < end) continue;
    merged.pushFrom(list, i);
    end = Math.max(end, list.end(i));
  }
  return merged;
}

/** Index of the list whose next edit comes first (−1: all taken). */
function nextHead(lists: readonly EditList[], heads: readonly number[]): number {
  let best = -1;
  for (let k = 0; k < lists.length; k++) {
    const h = heads[k] as number;
    if (h === (lists[k] as EditList).length) continue;
    if (best < 0 || before(lists[k] as EditList, h, lists[best] as EditList, heads[best] as number))
      best = k;
  }
  return best;
}
