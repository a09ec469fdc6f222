/**
 * Edits that undo light obfuscation of a credential or an identifier:
 * escapes (`%67`, `\x67`,
 * `\u0067`, `&#103;`, `&lt;`), invisible and fullwidth characters, string
 * concatenation (`"ghp_" + "…"`, `'a' 'b'`, template pieces), a token split
 * over lines (found by the base64 walk of `secret-views.ts`), letters spaced
 * out one by one, and digits written as words. Each pass runs only when the
 * keyword scan raised its trigger (`view-triggers.ts`), so a text without
 * encodings pays for none of them. An edit replaces `[start, end)` of its
 * input; the secret views apply them.
 */
import { NAMED_REFERENCES, ViewTrigger } from './view-triggers.js';

/** One replacement of `[start, end)` by `out`. */
export type Edit = {
  readonly start: number;
  readonly end: number;
  readonly out: string;
  /**
   * Source span of each output character as `start, end` pairs; absent when
   * every output character comes from the whole `[start, end)`.
   */
  readonly spans?: readonly number[];
};

// Default_Ignorable_Code_Point (DerivedCoreProperties.txt) in the BMP, and the tag and
// variation-selector planes; a reader sees none of them, so they are dropped.
// A run of them is one edit (a million in a row made a million edits).
const IGNORABLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: every code point is dropped on its own, combining ones included
  /(?:[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]|\ud82f[\udca0-\udca3]|\ud834[\udd73-\udd7a]|[\udb40-\udb43][\udc00-\udfff])+/g;
// Characters whose compatibility form is one ASCII character: fullwidth forms, mathematical
// alphanumerics, enclosed alphanumerics, super- and subscripts, letterlike symbols; in runs.
const COMPAT =
  /(?:[\uff01-\uff5e\u3000\u2070-\u209f\u2100-\u214f\u2460-\u24ff]|\ud835[\udc00-\udfff])+/g;

/** Characters of tokens, keys and addresses. */
const TOKENISH = (() => {
  const t = new Uint8Array(128);
  for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=.@:~$!*')
    t[c.charCodeAt(0)] = 1;
  return t;
})();

const PERCENT = /%([0-9A-Fa-f]{2})/g;
const BACKSLASH = /\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|u\{([0-9A-Fa-f]{1,6})\})/g;
const AMP = /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,8}));/g;

// A closing quote right after a token character, an optional operator (`+`, `.`, `..`, `||`,
// `&`, `~`) with white space and at most one line break on each side, and an opening quote
// right before a token character: the seam of two string literals.
const CONCAT =
  /["'`](?<=[A-Za-z0-9_+/=-]["'`])[ \t]*(?:\r?\n[ \t]*)?(?:(?:\+|\.\.?|\|\||&|~)[ \t]*(?:\r?\n[ \t]*)?)?["'`](?=[A-Za-z0-9_+/=-])/g;
// A literal string inside a template (`${"abc"}`, `${'abc'}`); the value is kept.
const TEMPLATE_PIECE = /\$\{[ \t]*(["'])([A-Za-z0-9_+/=\-.]{1,200})\1[ \t]*\}/g;
// Eight or more single characters separated by single spaces ("g h p _ a b c").
const SPACED = / (?<=(?:^|[\t\n\r ])[^\s] )[^\s](?: [^\s]){6,}(?![^\s])/g;

const DIGIT_WORD: Readonly<Record<string, string>> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
// Seven or more digit words in a row, separated by spaces, commas or hyphens.
const WORD = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)';
const DIGIT_WORDS = new RegExp(`\\b${WORD}(?:[ \\t]{0,3}[,\\-]?[ \\t]{1,3}${WORD}\\b){6,24}`, 'gi');
const ONE_DIGIT_WORD = new RegExp(`${WORD}|[,\\-]`, 'gi');

/**
 * What a decoded code point adds to a token or an address: itself for the
 * characters they are made of, '' for an ignorable one, else undefined (a
 * decoded space or bracket splits nothing worth a view).
 */
function asciiOf(cp: number): string | undefined {
  if (cp < 0x7f && TOKENISH[cp] === 1) return String.fromCharCode(cp);
  const ch = String.fromCodePoint(cp);
  IGNORABLE.lastIndex = 0;
  if (IGNORABLE.test(ch)) return '';
  return undefined;
}

function numberEdit(edits: Edit[], m: RegExpExecArray, cp: number): void {
  const out = cp <= 0x10ffff ? asciiOf(cp) : undefined;
  if (out !== undefined) edits.push({ start: m.index, end: m.index + m[0].length, out });
}

/** `%XX`, `\xNN`, `\uXXXX`, `\u{…}` and HTML character references. */
function escapeEdits(s: string, triggers: number, edits: Edit[]): void {
  if ((triggers & ViewTrigger.PERCENT) !== 0) {
    PERCENT.lastIndex = 0;
    for (let m = PERCENT.exec(s); m; m = PERCENT.exec(s))
      numberEdit(edits, m, Number.parseInt(m[1] as string, 16));
  }
  if ((triggers & ViewTrigger.BACKSLASH) !== 0) {
    BACKSLASH.lastIndex = 0;
    for (let m = BACKSLASH.exec(s); m; m = BACKSLASH.exec(s))
      numberEdit(edits, m, Number.parseInt((m[1] ?? m[2] ?? m[3]) as string, 16));
  }
  if ((triggers & ViewTrigger.ENTITY) !== 0) {
    AMP.lastIndex = 0;
    for (let m = AMP.exec(s); m; m = AMP.exec(s)) {
      if (m[3] !== undefined) {
        const out = NAMED_REFERENCES[m[3].toLowerCase()];
        if (out !== undefined) edits.push({ start: m.index, end: m.index + m[0].length, out });
      } else
        numberEdit(
          edits,
          m,
          m[1] !== undefined ? Number(m[1]) : Number.parseInt(m[2] as string, 16),
        );
    }
  }
}

/** The ASCII character a compatibility character folds to ('' when none), kept per code point. */
const asciiFolds = new Map<number, string>();

function asciiFold(cp: number): string {
  let folded = asciiFolds.get(cp);
  if (folded === undefined) {
    const f = String.fromCodePoint(cp).normalize('NFKC');
    const c = f.charCodeAt(0);
    folded = f.length === 1 && c >= 0x20 && c < 0x7f ? f : '';
    asciiFolds.set(cp, folded);
  }
  return folded;
}

/**
 * One edit per stretch of a run of compatibility characters that fold to
 * ASCII, each output character mapped to its own source character.
 */
function foldRun(s: string, start: number, end: number, edits: Edit[]): void {
  const first = s.codePointAt(start) as number;
  if (start + (first > 0xffff ? 2 : 1) === end) {
    // One character (the usual run): its edit maps the whole span, no per-character spans.
    const folded = asciiFold(first);
    if (folded !== '') edits.push({ start, end, out: folded });
    return;
  }
  let chars: string[] = [];
  let spans: number[] = [];
  const close = (): void => {
    if (chars.length === 0) return;
    const out = chars.join('');
    edits.push({ start: spans[0] as number, end: spans[spans.length - 1] as number, out, spans });
    chars = [];
    spans = [];
  };
  for (let i = start; i < end; ) {
    const cp = s.codePointAt(i) as number;
    const next = i + (cp > 0xffff ? 2 : 1);
    const folded = asciiFold(cp);
    if (folded === '') close();
    else {
      chars.push(folded);
      spans.push(i, next);
    }
    i = next;
  }
  close();
}

/** Ignorable characters dropped, compatibility characters folded to ASCII. */
function unicodeEdits(s: string, edits: Edit[]): void {
  // A UTF-8 length equal to the UTF-16 length means ASCII only: a native count, far cheaper
  // than a regex pass over every character.
  if (Buffer.byteLength(s, 'utf8') === s.length) return;
  IGNORABLE.lastIndex = 0;
  for (let m = IGNORABLE.exec(s); m; m = IGNORABLE.exec(s))
    edits.push({ start: m.index, end: m.index + m[0].length, out: '' });
  COMPAT.lastIndex = 0;
  for (let m = COMPAT.exec(s); m; m = COMPAT.exec(s))
    foldRun(s, m.index, m.index + m[0].length, edits);
}

/** Seams of concatenated literals and template pieces. */
function joinEdits(s: string, edits: Edit[]): void {
  CONCAT.lastIndex = 0;
  for (let m = CONCAT.exec(s); m; m = CONCAT.exec(s))
    edits.push({ start: m.index, end: m.index + m[0].length, out: '' });
  if (s.includes('${')) {
    TEMPLATE_PIECE.lastIndex = 0;
    for (let m = TEMPLATE_PIECE.exec(s); m; m = TEMPLATE_PIECE.exec(s)) {
      const inner = m[2] as string;
      const at = m.index + m[0].indexOf(inner);
      edits.push({ start: m.index, end: at, out: '' });
      edits.push({ start: at + inner.length, end: m.index + m[0].length, out: '' });
    }
  }
}

/** The single spaces of letter-spaced runs. */
function spacingEdits(s: string, edits: Edit[]): void {
  SPACED.lastIndex = 0;
  for (let m = SPACED.exec(s); m; m = SPACED.exec(s)) {
    const end = m.index + m[0].length;
    for (let i = m.index; i < end; i += 2) edits.push({ start: i, end: i + 1, out: '' });
  }
}

/** Runs of digit words as digits (a comma or hyphen between them as `-`). */
function digitWordEdits(s: string, edits: Edit[]): void {
  DIGIT_WORDS.lastIndex = 0;
  for (let m = DIGIT_WORDS.exec(s); m; m = DIGIT_WORDS.exec(s)) {
    let out = '';
    const spans: number[] = [];
    ONE_DIGIT_WORD.lastIndex = 0;
    const run = m[0];
    for (let w = ONE_DIGIT_WORD.exec(run); w; w = ONE_DIGIT_WORD.exec(run)) {
      const d = DIGIT_WORD[w[0].toLowerCase()] ?? '-';
      if (d === '-' && (out === '' || out.endsWith('-'))) continue;
      out += d;
      spans.push(m.index + w.index, m.index + w.index + w[0].length);
    }
    edits.push({ start: m.index, end: m.index + run.length, out, spans });
  }
}

/** Options of {@link findEdits}. */
export type EditOptions = {
  /** {@link ViewTrigger} bits raised by the keyword scan: each pass runs only when asked for. */
  readonly triggers: number;
  /** Edits found elsewhere (line continuations from the base64 walk). */
  readonly extra?: readonly Edit[];
};

const byPlace = (a: Edit, b: Edit): number => a.start - b.start || a.end - b.end;

function isSorted(edits: readonly Edit[]): boolean {
  for (let i = 1; i < edits.length; i++)
    if (byPlace(edits[i - 1] as Edit, edits[i] as Edit) > 0) return false;
  return true;
}

/** Sorted by start, without overlaps (of two that overlap, the one that starts first). */
function ordered(edits: Edit[]): Edit[] {
  if (edits.length <= 1) return edits;
  // Usually one pass made them all, in order already: a check is cheaper than a sort.
  if (!isSorted(edits)) edits.sort(byPlace);
  const kept: Edit[] = [];
  let end = -1;
  for (const e of edits) {
    if (e.start < end) continue;
    kept.push(e);
    end = Math.max(end, e.end);
  }
  return kept;
}

/**
 * Every edit of `s` the triggers ask for, sorted, none overlapping. The
 * result depends on the text alone (never on the categories scanned), so a
 * category's findings are the same whether it is scanned alone or with others.
 */
export function findEdits(s: string, opts: EditOptions): Edit[] {
  const edits: Edit[] = opts.extra ? [...opts.extra] : [];
  const t = opts.triggers;
  escapeEdits(s, t, edits);
  unicodeEdits(s, edits);
  if ((t & ViewTrigger.CONCAT) !== 0) joinEdits(s, edits);
  if ((t & ViewTrigger.SPACED) !== 0) spacingEdits(s, edits);
  return ordered(edits);
}

/** Edits for personal data only: letter-spaced runs (digits) and digit words. */
export function piiEdits(s: string): Edit[] {
  const edits: Edit[] = [];
  if (s.includes(' ')) spacingEdits(s, edits);
  digitWordEdits(s, edits);
  return ordered(edits);
}
