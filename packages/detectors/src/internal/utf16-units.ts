/** Shortest range {@link Utf16Units.pushRange} writes natively. */
const NATIVE_COPY_MIN = 32;

/**
 * A growable buffer of UTF-16 code units kept as UTF-16LE bytes, written
 * byte by byte (any platform's byte order), so a view of a million units
 * becomes a string in one copy instead of one string piece per chunk or
 * per character. Lone surrogates are kept as they are.
 */
export class Utf16Units {
  #bytes: Buffer;
  /** Units written so far. */
  length = 0;
  constructor(capacity: number) {
    this.#bytes = Buffer.allocUnsafe(2 * capacity);
  }
  /** Appends one unit (grown by doubling: linear overall). */
  push(unit: number): void {
    if (2 * this.length === this.#bytes.length) {
      const next = Buffer.allocUnsafe(2 * (this.#bytes.length + 16));
      this.#bytes.copy(next);
      this.#bytes = next;
    }
    this.#bytes[2 * this.length] = unit & 0xff;
    this.#bytes[2 * this.length + 1] = unit >> 8;
    this.length++;
  }
  /**
   * Appends the units `[a, b)` of `s`: a long range natively (one
   * `Buffer.write`, which keeps lone surrogates as they are), a short one unit
   * by unit (a native call costs more than a few pushes).
   */
  pushRange(s: string, a: number, b: number): void {
    if (b - a < NATIVE_COPY_MIN) {
      for (let i = a; i < b; i++) this.push(s.charCodeAt(i));
      return;
    }
    const need = 2 * (this.length + b - a);
    if (need > this.#bytes.length) {
      const next = Buffer.allocUnsafe(Math.max(need, 2 * this.#bytes.length));
      this.#bytes.copy(next, 0, 0, 2 * this.length);
      this.#bytes = next;
    }
    this.#bytes.write(s.substring(a, b), 2 * this.length, 'utf16le');
    this.length += b - a;
  }
  /** The units as a string. */
  toText(): string {
    return this.#bytes.toString('utf16le', 0, 2 * this.length);
  }
}
