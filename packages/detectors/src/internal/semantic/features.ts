/**
 * Hashed features of the learned injection stage, over the normalised view
 * the rules see: word unigrams and bigrams, plus character 3–4-grams of each
 * word with boundary marks (fastText-style subwords, so inflections, other
 * languages' spellings and light obfuscation share features). Chinese and
 * Japanese characters are one token each, so their unigrams and bigrams play
 * the part of words. Digits hash as `0`, so prices and order numbers do not
 * matter. Every step is a pass over the text: linear time, no regexes.
 */

/** The hashed features of one text, grouped by token. */
export type Featurized = {
  /** Feature indexes (already masked to the model's table size), token by token. */
  readonly feats: Int32Array;
  /** `featEnd[t]` is where token `t`'s features end in `feats` (they start at `featEnd[t - 1]`, or 0). */
  readonly featEnd: Int32Array;
  /** Start offset of token `t` in the view. */
  readonly tokenStart: Int32Array;
  /** End offset (exclusive) of token `t` in the view. */
  readonly tokenEnd: Int32Array;
  /** Number of tokens. */
  readonly tokens: number;
};

/** Longest word prefix whose character n-grams are taken (longer runs add unigram/bigram only). */
export const MAX_SUBWORD_CHARS = 24;
/** FNV-1a offset basis of the word and n-gram hashes. */
export const FNV_OFFSET = 0x811c9dc5;
/** FNV-1a prime. */
export const FNV_PRIME = 16777619;
/** Mixed into a word's hash for its unigram feature. */
export const SEED_UNIGRAM = 0x01000193;
/** Multiplies the previous word's hash for a bigram feature. */
export const SEED_BIGRAM = 0x2545f491;
/** Start value (xor the offset basis) of a character n-gram's hash. */
export const SEED_NGRAM = 0x5bd1e995;
/** Code of the word-start mark in character n-grams. */
export const BOW = 2;
/** Code of the word-end mark in character n-grams. */
export const EOW = 3;

const GOLDEN = 0x9e3779b1;

/** Fibonacci hashing: the top `32 − shift` bits of h · 2^32/φ, a table index. */
export function slot(h: number, shift: number): number {
  return Math.imul(h, GOLDEN) >>> shift;
}

/** One character of a Chinese or Japanese run: a token of its own. */
export function isIdeographic(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff66 && c <= 0xff9f)
  );
}

/** Letters, digits and combining marks of any script (punctuation, symbols, emoji and spaces split words). */
export function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c >= 0xfe30 && c <= 0xfe4f) return false;
  if (c >= 0xff00 && c <= 0xff0f) return false;
  if (c >= 0xff1a && c <= 0xff20) return false;
  return c !== 0x060c && c !== 0x061b && c !== 0x061f && c !== 0x06d4;
}

/** Digits hash as `0`. */
function unitCode(view: string, i: number): number {
  const c = view.charCodeAt(i);
  return c >= 48 && c <= 57 ? 48 : c;
}

/** Most features one token adds: unigram, bigram and the n-grams of its first characters. */
const MAX_PER_TOKEN = 2 + 2 * (MAX_SUBWORD_CHARS + 2);

type Buffer32 = { buf: Int32Array; n: number };

/** Makes room for one more token's features (doubling, so linear overall). */
function reserve(g: Buffer32): void {
  if (g.n + MAX_PER_TOKEN <= g.buf.length) return;
  const next = new Int32Array(Math.max(g.buf.length * 2, g.n + MAX_PER_TOKEN));
  next.set(g.buf);
  g.buf = next;
}

/** Character 3–4-grams of `view[start, end)` with boundary marks (room reserved). */
function pushSubwords(g: Buffer32, view: string, start: number, end: number, shift: number): void {
  const buf = g.buf;
  let n = g.n;
  const len = Math.min(end - start, MAX_SUBWORD_CHARS) + 2;
  const whole = end - start + 2 === len;
  for (let p = 0; p + 3 <= len; p++) {
    let h = FNV_OFFSET ^ SEED_NGRAM;
    const last = Math.min(p + 4, len);
    for (let q = p; q < last; q++) {
      const c = q === 0 ? BOW : q === len - 1 && whole ? EOW : unitCode(view, start + q - 1);
      h = Math.imul(h ^ c, FNV_PRIME);
      if (q - p >= 2) buf[n++] = slot(h, shift);
    }
  }
  g.n = n;
}

function wordHash(view: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ unitCode(view, i), FNV_PRIME);
  return h;
}

/** Options of {@link featurize}. */
export type FeaturizeOptions = {
  /**
   * Character n-grams of each word (off only to measure words alone).
   * @default true
   */
  readonly subwords?: boolean;
};

/**
 * The hashed features of `view`.
 *
 * @param view - the normalised text (as `normalize(text).text`)
 * @param bits - log2 of the feature table size (the model's)
 * @param options - which feature kinds to take
 * @returns the features of every token, in text order
 */
export function featurize(view: string, bits: number, options: FeaturizeOptions = {}): Featurized {
  const subwords = options.subwords !== false;
  const shift = 32 - bits;
  const g: Buffer32 = { buf: new Int32Array(64 + view.length * 4), n: 0 };
  const starts = new Int32Array(view.length);
  const ends = new Int32Array(view.length);
  const featEnd = new Int32Array(view.length);
  let tokens = 0;
  let prev = 0;
  let i = 0;
  while (i < view.length) {
    const c = view.charCodeAt(i);
    if (!isWordUnit(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    if (!isIdeographic(c)) {
      while (j < view.length) {
        const d = view.charCodeAt(j);
        if (!isWordUnit(d) || isIdeographic(d)) break;
        j++;
      }
    }
    reserve(g);
    const wh = wordHash(view, i, j);
    g.buf[g.n++] = slot(wh ^ SEED_UNIGRAM, shift);
    if (tokens > 0) g.buf[g.n++] = slot(Math.imul(prev, SEED_BIGRAM) ^ wh, shift);
    if (subwords && j - i > 1) pushSubwords(g, view, i, j, shift);
    starts[tokens] = i;
    ends[tokens] = j;
    featEnd[tokens] = g.n;
    tokens++;
    prev = wh;
    i = j;
  }
  return {
    feats: g.buf.subarray(0, g.n),
    featEnd: featEnd.subarray(0, tokens),
    tokenStart: starts.subarray(0, tokens),
    tokenEnd: ends.subarray(0, tokens),
    tokens,
  };
}
