/**
 * Markup that a reader (a person looking at the rendered post, or a model
 * reading it) does not take as part of the words: markdown emphasis in and
 * around words (`**dis**regard`, `_Ig_nore`, `~~x~~`), empty HTML comments
 * and attribute-less inline tags (`Ig<b></b>nore`, `Ig<!-- -->nore`), and the
 * separators of a word spelled out one letter at a time (`I.g.n.o.r.e`,
 * `i-g-n-o-r-e`). The normaliser drops these spans before matching; offsets
 * still map to the original text. Everything else stays: other tags
 * (`</post><system>` is what a delimiter injection is made of), comments
 * with content, tags with attributes (their values are text a model reads).
 */

/**
 * Spans as flat `[start, end, ...]` pairs, sorted by start and disjoint.
 * Empty when there is nothing to strip.
 */
export type MarkupSpans = readonly number[];

const isAlnum = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xbf;

// An empty (or blank) comment: read as nothing. Bounded, so a run of openers stays linear.
const EMPTY_COMMENT = /<!--[ \t]{0,16}-->/g;
// An attribute-less tag. Tags with attributes stay: their values can carry text a model reads.
const TAG = /<\/?([A-Za-z][A-Za-z0-9]{0,15})[ \t]{0,4}\/?>/g;
// Elements that render inline, inside a word: dropped. Other tags stay as written.
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);
// Four or more single letters joined by one repeated separator: "I.g.n.o.r.e", "x-y-z-w".
const SPELLED = /(?<![\p{L}\p{N}])\p{L}([.\-_*|/+:~])\p{L}(?:\1\p{L}){2,}(?![\p{L}\p{N}])/gu;

function htmlSpans(input: string, out: number[]): void {
  if (!input.includes('<')) return;
  EMPTY_COMMENT.lastIndex = 0;
  for (let m = EMPTY_COMMENT.exec(input); m; m = EMPTY_COMMENT.exec(input))
    out.push(m.index, m.index + m[0].length);
  TAG.lastIndex = 0;
  for (let m = TAG.exec(input); m; m = TAG.exec(input))
    if (INLINE.has((m[1] as string).toLowerCase())) out.push(m.index, m.index + m[0].length);
}

/**
 * Emphasis runs: `*` and `~~` next to a letter or digit on either side;
 * `_` opening or closing a word (`_x`, `x_`), and inside a word only when
 * that word opened with `_` (`_Ig_nore`), so `snake_case` keeps its `_`.
 */
function emphasisSpans(input: string, out: number[]): void {
  let underscoreWord = false;
  let i = 0;
  while (i < input.length) {
    const c = input.charCodeAt(i);
    if (c !== 42 && c !== 95 && c !== 126) {
      if (!isAlnum(c)) underscoreWord = false;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < input.length && input.charCodeAt(j) === c) j++;
    const before = i > 0 && isAlnum(input.charCodeAt(i - 1));
    const after = j < input.length && isAlnum(input.charCodeAt(j));
    let drop: boolean;
    if (c === 95) {
      drop = before !== after || (before && after && underscoreWord);
      if (!before && after) underscoreWord = true;
    } else drop = (before || after) && (c === 42 || j - i >= 2);
    if (drop) out.push(i, j);
    i = j;
  }
}

function spelledSpans(input: string, out: number[]): void {
  SPELLED.lastIndex = 0;
  for (let m = SPELLED.exec(input); m; m = SPELLED.exec(input)) {
    // The separator is one ASCII unit; the letters between may be astral (two units).
    const sep = (m[1] as string).charCodeAt(0);
    for (let k = m.index + 1; k < m.index + m[0].length; k++)
      if (m[0].charCodeAt(k - m.index) === sep) out.push(k, k + 1);
  }
}

// Characters that make each pass worth running.
const HAS_EMPHASIS = /[*_~]/;
const HAS_SPELLED = /[.\-_*|/+:~]\S[.\-_*|/+:~]/;

/**
 * Markup spans of `input` (see the module comment), sorted and disjoint:
 * where two overlap, the one that starts first wins.
 * @param input - the original text
 * @returns flat `[start, end]` pairs
 */
export function markupSpans(input: string): MarkupSpans {
  const found: number[] = [];
  htmlSpans(input, found);
  if (HAS_EMPHASIS.test(input)) emphasisSpans(input, found);
  if (HAS_SPELLED.test(input)) spelledSpans(input, found);
  if (found.length === 0) return found;
  return disjoint(found);
}

/** Sorts pairs by start (longest first on ties) and drops those overlapping an earlier one. */
function disjoint(found: readonly number[]): number[] {
  const order: number[] = [];
  for (let t = 0; t < found.length; t += 2) order.push(t);
  order.sort(
    (a, b) =>
      (found[a] as number) - (found[b] as number) ||
      (found[b + 1] as number) - (found[a + 1] as number),
  );
  const out: number[] = [];
  let reach = 0;
  for (const t of order) {
    const start = found[t] as number;
    if (start < reach) continue;
    reach = found[t + 1] as number;
    out.push(start, reach);
  }
  return out;
}
