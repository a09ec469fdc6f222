/**
 * Builds a view of a text character by character, each character with the
 * span of the original text it stands for. Characters and origins go into
 * typed arrays and the text is made once at the end: a view of a text that
 * alternates fullwidth letters with spaces is a piece per character, and
 * appending pieces one by one (as a rope, or as an array joined later) spent
 * a third of its scan in the garbage collector.
 */

/** One view: text plus, per character, the original span it stands for. */
export type SecretView = {
  readonly text: string;
  /** `starts[i]`, `ends[i]`: original span of view character `i`. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /**
   * Whether assignment-shaped (generic) findings count here: true for views
   * that keep the text's wording (unescaped, joined, unspaced), false for
   * decoded blobs (base64, hex, reversed), where only a format-valid
   * credential or identifier is evidence.
   */
  readonly generic: boolean;
  /** Only personal-data findings count (digits written as words or spaced out). */
  readonly piiOnly: boolean;
};

/** Origin of the characters a view is built from: identity for the scanned text itself. */
export type Source = {
  readonly text: string;
  readonly starts: Int32Array | undefined;
  readonly ends: Int32Array | undefined;
};

/** Storage of a builder that has nothing yet (most builders stay empty). */
const NO_UNITS = Buffer.alloc(0);
const NO_ORIGINS = new Int32Array(0);

/** Shortest range {@link ViewBuilder.copy} copies natively. */
const NATIVE_COPY_MIN = 32;

/** Appends characters with their origins (in the source's own coordinates, composed here). */
export class ViewBuilder {
  readonly #src: Source;
  /**
   * The text as UTF-16LE code units, little-endian on any platform: pushed byte by byte, long
   * copies written by `Buffer.write`.
   */
  #units = NO_UNITS;
  #starts = NO_ORIGINS;
  #ends = NO_ORIGINS;
  #n = 0;

  constructor(src: Source) {
    this.#src = src;
  }

  /** Characters appended so far. */
  get length(): number {
    return this.#n;
  }

  /** Room for `k` more characters (grown by doubling: linear overall). */
  #reserve(k: number): void {
    if (this.#n + k <= this.#starts.length) return;
    const size = Math.max(this.#n + k, this.#starts.length * 2, 64);
    const units = Buffer.allocUnsafe(2 * size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    this.#units.copy(units, 0, 0, 2 * this.#n);
    starts.set(this.#starts.subarray(0, this.#n));
    ends.set(this.#ends.subarray(0, this.#n));
    this.#units = units;
    this.#starts = starts;
    this.#ends = ends;
  }

  #push(code: number, start: number, end: number): void {
    this.#units[2 * this.#n] = code & 0xff;
    this.#units[2 * this.#n + 1] = code >>> 8;
    this.#starts[this.#n] = start;
    this.#ends[this.#n] = end;
    this.#n++;
  }

  /** Original start of source span `[a, …)`. */
  #originStart(a: number): number {
    const st = this.#src.starts;
    return st ? (st[a] as number) : a;
  }

  /** Original end of source span `[a, b)` (its last character's). */
  #originEnd(a: number, b: number): number {
    const en = this.#src.ends;
    return en ? (en[Math.max(a, b - 1)] as number) : b;
  }

  /** Appends `s`, every character from source span `[a, b)`. */
  put(s: string, a: number, b: number): void {
    const oa = this.#originStart(a);
    const ob = this.#originEnd(a, b);
    this.#reserve(s.length);
    for (let i = 0; i < s.length; i++) this.#push(s.charCodeAt(i), oa, ob);
  }

  /** Appends `s`, character `c` from source span `[spans[2c], spans[2c + 1])`. */
  putEach(s: string, spans: ArrayLike<number>): void {
    this.#reserve(s.length);
    for (let c = 0; c < s.length; c++) {
      const a = spans[2 * c] as number;
      const b = spans[2 * c + 1] as number;
      this.#push(s.charCodeAt(c), this.#originStart(a), this.#originEnd(a, b));
    }
  }

  /**
   * Appends source characters `[a, b)`, each from its own place: a long range
   * natively (the copied parts of a view are most of its characters), a short
   * one character by character (a native call costs more than a few pushes).
   */
  copy(a: number, b: number): void {
    this.#reserve(b - a);
    if (b - a < NATIVE_COPY_MIN) {
      for (let i = a; i < b; i++)
        this.#push(this.#src.text.charCodeAt(i), this.#originStart(i), this.#originEnd(i, i + 1));
      return;
    }
    const { text, starts, ends } = this.#src;
    const n = this.#n;
    // UTF-16LE writing keeps lone surrogates as they are, as decoding does in `build`.
    this.#units.write(text.substring(a, b), 2 * n, 'utf16le');
    if (starts !== undefined && ends !== undefined) {
      this.#starts.set(starts.subarray(a, b), n);
      this.#ends.set(ends.subarray(a, b), n);
    } else {
      for (let i = a; i < b; i++) {
        this.#starts[n + i - a] = i;
        this.#ends[n + i - a] = i + 1;
      }
    }
    this.#n += b - a;
  }

  /** Ends a part: a line break that joins nothing (mapped to the previous character). */
  separate(): void {
    if (this.#n === 0) return;
    this.#reserve(1);
    this.#push(10, this.#starts[this.#n - 1] as number, this.#ends[this.#n - 1] as number);
  }

  /** The view (undefined when nothing was appended). */
  build(generic: boolean, piiOnly = false): SecretView | undefined {
    if (this.#n === 0) return undefined;
    return {
      // Decoding UTF-16LE keeps lone surrogates as they are (it validates nothing).
      text: this.#units.toString('utf16le', 0, 2 * this.#n),
      // Views of the builder's arrays, not copies: a builder is done once it has built.
      starts: this.#starts.subarray(0, this.#n),
      ends: this.#ends.subarray(0, this.#n),
      generic,
      piiOnly,
    };
  }
}
