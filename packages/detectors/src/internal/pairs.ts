/**
 * A growable list of `[start, end)` pairs in a typed array: no boxed numbers
 * and no per-push growth, since hostile input can make hundreds of thousands
 * of them (pushing pairs onto a JavaScript array was most of such a scan).
 */
export class Pairs {
  /** The pairs written so far, flat, in `[0, length)`; longer, since it grows by doubling. */
  data: Int32Array = new Int32Array(64);
  /** Numbers written so far (twice the pairs). */
  length: number = 0;

  /**
   * Appends one pair.
   * @param start - its start
   * @param end - its end
   */
  push(start: number, end: number): void {
    if (this.length + 2 > this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = start;
    this.data[this.length++] = end;
  }

  /** The pairs, flat: a view of the list's array, valid while nothing more is pushed. */
  done(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
