/**
 * Markup that a reader (a person looking at the rendered post, or a model
 * reading it) does not take as part of the words: paired markdown emphasis in
 * and around words (`**dis**regard`, `_Ig_nore`, `~~x~~`), empty HTML comments
 * and attribute-less inline tags (`Ig<b></b>nore`, `Ig<!-- -->nore`), and the
 * separators of a word spelled out one letter at a time (`I.g.n.o.r.e`,
 * `i-g-n-o-r-e`). The normaliser drops these spans before matching; offsets
 * still map to the original text. Everything else stays: other tags
 * (`</post><system>` is what a delimiter injection is made of), comments
 * with content, tags with attributes (their values are text a model reads).
 */
import { isWordUnit } from './ascii.js';
import { Pairs } from './pairs.js';

/**
 * Spans as flat `[start, end, ...]` pairs, sorted by start and disjoint.
 * Empty when there is nothing to strip. A typed array: hostile input can
 * hold hundreds of thousands of spans.
 */
export type MarkupSpans = Int32Array;

// An empty (or blank) comment: read as nothing. Bounded, so a run of openers stays linear.
const EMPTY_COMMENT = /<!--[ \t]{0,16}-->/g;
// An attribute-less tag of an element that renders inline, inside a word: dropped. Tags
// with attributes stay (their values can carry text a model reads), as do other elements.
const INLINE_TAG = new RegExp(
  `<\\/?(?:${[
    'abbr',
    'a',
    'bdi',
    'bdo',
    'big',
    'b',
    'cite',
    'code',
    'data',
    'del',
    'dfn',
    'em',
    'font',
    'ins',
    'i',
    'kbd',
    'mark',
    'nobr',
    'q',
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
    's',
  ].join('|')})[ \\t]{0,4}\\/?>`,
  'gi',
);
// Characters that join the letters of a word spelled out one at a time ("I.g.n.o.r.e").
const SPELL_SEPARATORS = '.-_*|/+:~';
/** Fewest letters of a spelled-out word: `e.g.` and `a.k.a.` stay as they are. */
const MIN_SPELLED_LETTERS = 4;
const NON_ASCII_LETTER = /\p{L}/u;
const NON_ASCII_ALNUM = /[\p{L}\p{N}]/u;

function isLetterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c < 0xd800 || c > 0xdfff ? NON_ASCII_LETTER.test(s[i] as string) : false;
}

function isAlnumAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return NON_ASCII_ALNUM.test(s[i] as string);
}

function commentSpans(input: string): MarkupSpans {
  const out = new Pairs();
  EMPTY_COMMENT.lastIndex = 0;
  for (let m = EMPTY_COMMENT.exec(input); m; m = EMPTY_COMMENT.exec(input))
    out.push(m.index, m.index + m[0].length);
  return out.done();
}

function tagSpans(input: string): MarkupSpans {
  const out = new Pairs();
  INLINE_TAG.lastIndex = 0;
  for (let m = INLINE_TAG.exec(input); m; m = INLINE_TAG.exec(input))
    out.push(m.index, m.index + m[0].length);
  return out.done();
}

// Runs of one emphasis character.
const EMPHASIS_RUN = /\*+|_+|~~+/g;
/** Farthest an emphasis closer may sit from its opener (same line). */
const MAX_EMPHASIS_CHARS = 64;

/**
 * Emphasis pairs, as markdown pairs them: an opener (a run of `*`, `_` or
 * `~~` followed by a letter or digit; for `_`, not preceded by one) and,
 * within 64 characters on the same line, a closer of the same character and
 * length preceded by a letter or digit: `**dis**regard`, `**Ignore**`,
 * `_Ig_nore`, `~~for~~get`. Unpaired runs stay (`snake_case`, `_id`,
 * `**kwargs`, `2 * 3`).
 */
/** Whether `input[from, to)` holds a line break (callers bound the span: linear overall). */
function hasNewline(input: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (input.charCodeAt(k) === 10) return true;
  return false;
}

function emphasisSpans(input: string): MarkupSpans {
  const out = new Pairs();
  // Pending opener per character (`*`, `_`, `~`): start (−1: none) and length.
  const openAt = [-1, -1, -1];
  const openLen = [0, 0, 0];
  EMPHASIS_RUN.lastIndex = 0;
  for (let m = EMPHASIS_RUN.exec(input); m; m = EMPHASIS_RUN.exec(input)) {
    const i = m.index;
    const len = m[0].length;
    const c = input.charCodeAt(i);
    const slot = c === 42 ? 0 : c === 95 ? 1 : 2;
    const before = i > 0 && isWordUnit(input.charCodeAt(i - 1));
    const after = i + len < input.length && isWordUnit(input.charCodeAt(i + len));
    const at = openAt[slot] as number;
    if (
      before &&
      at >= 0 &&
      openLen[slot] === len &&
      i - at <= MAX_EMPHASIS_CHARS &&
      !hasNewline(input, at, i)
    ) {
      out.push(at, at + len);
      out.push(i, i + len);
      openAt[slot] = -1;
      continue;
    }
    if (after && (c !== 95 || !before)) {
      openAt[slot] = i;
      openLen[slot] = len;
    }
  }
  return out.done();
}

/**
 * Separators of words spelled out one letter at a time: four or more single
 * (BMP) letters joined by one repeated separator, not touching another letter
 * or digit. One pass: each run is read once.
 */
function spelledSpans(input: string): MarkupSpans {
  const out = new Pairs();
  const n = input.length;
  let i = 0;
  while (i + 2 < n) {
    const sep = input.charCodeAt(i + 1);
    if (
      SPELL_SEPARATORS.indexOf(String.fromCharCode(sep)) < 0 ||
      !isLetterAt(input, i) ||
      (i > 0 && isAlnumAt(input, i - 1))
    ) {
      i++;
      continue;
    }
    // Letters at i, i + 2, ...: extend while a separator and a letter follow.
    let last = i;
    while (last + 2 < n && input.charCodeAt(last + 1) === sep && isLetterAt(input, last + 2))
      last += 2;
    // A letter followed by a letter or digit starts a longer word: not part of the run.
    if (last + 1 < n && isAlnumAt(input, last + 1)) last -= 2;
    if ((last - i) / 2 + 1 >= MIN_SPELLED_LETTERS) {
      for (let k = i + 1; k < last; k += 2) out.push(k, k + 1);
      i = last + 1;
    } else i = Math.max(i + 1, last); // its last letter may start a run with another separator
  }
  return out.done();
}

// Characters that make each pass worth running.
const HAS_EMPHASIS = /[*_~]/;
const HAS_SPELLED = /([.\-_*|/+:~])[^\s]\1[^\s]\1/;
// For ASCII text, one test that no pass can find anything: no tag or comment, no emphasis
// opener, no spelled-out word. Most texts stop here (one native search).
const ASCII_CANDIDATE =
  /<|(?<![A-Za-z0-9])_+[A-Za-z0-9]|\*+[A-Za-z0-9]|~~+[A-Za-z0-9]|[A-Za-z]([.\-_*|/+:~])[A-Za-z]\1[A-Za-z]\1[A-Za-z]/;

const NONE: MarkupSpans = new Int32Array(0);

/**
 * Markup spans of `input` (see the module comment), sorted and disjoint:
 * where two overlap, the one that starts first (the longer one on a tie) wins.
 * @param input - the original text
 * @param knownAscii - the caller knows `input` is ASCII (one quick test then rules most texts out)
 * @returns flat `[start, end]` pairs
 */
export function markupSpans(input: string, knownAscii = false): MarkupSpans {
  if (knownAscii && !ASCII_CANDIDATE.test(input)) return NONE;
  let spans = NONE;
  if (input.includes('<')) spans = merge(commentSpans(input), tagSpans(input));
  if (HAS_EMPHASIS.test(input)) spans = merge(spans, emphasisSpans(input));
  if (HAS_SPELLED.test(input)) spans = merge(spans, spelledSpans(input));
  return spans;
}

/**
 * Merges two sorted lists of disjoint pairs into one, dropping a pair that
 * overlaps one already taken (linear: each producer's list is already sorted).
 */
function merge(a: MarkupSpans, b: MarkupSpans): MarkupSpans {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new Pairs();
  let i = 0;
  let j = 0;
  let reach = 0;
  while (i < a.length || j < b.length) {
    const takeA =
      j >= b.length ||
      (i < a.length &&
        ((a[i] as number) < (b[j] as number) ||
          ((a[i] as number) === (b[j] as number) && (a[i + 1] as number) >= (b[j + 1] as number))));
    const start = (takeA ? a[i] : b[j]) as number;
    const end = (takeA ? a[i + 1] : b[j + 1]) as number;
    if (takeA) i += 2;
    else j += 2;
    if (start < reach) continue;
    out.push(start, end);
    reach = end;
  }
  return out.done();
}
