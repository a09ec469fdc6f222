/**
 * Decoded and normalised views of a text for the secret and PII scans. A view
 * holds only the parts of the text that decoding changed (each with some
 * context before it), so a text with nothing encoded yields no view and costs
 * a few failed native searches. Every view character knows the span of the
 * original text it came from, so a finding in a view maps back to the span
 * that covers its encoded form. Views nest (a URL-encoded base64 payload)
 * up to a depth, and their total size is bounded by a budget, so decoding
 * stays linear and no input can make it balloon.
 */
import { isAsciiBlank } from './ascii.js';
import { eachBase64Run } from './decode.js';
import { type SecretView, type Source, ViewBuilder } from './view-builder.js';
import { EditList, findEdits, piiEdits } from './view-edits.js';
import { ViewTrigger } from './view-triggers.js';

export type { SecretView } from './view-builder.js';

/** Context kept before each changed part (assignment keywords, context words). */
const LEFT_CONTEXT = 64;
/** How far a changed part extends over the token around it, each way. */
const TOKEN_REACH = 512;
/** Shortest base64 run worth decoding (a 16-character secret encodes to 24). */
const MIN_B64 = 24;
/** Shortest hex run worth decoding (12 bytes). */
const MIN_HEX = 24;
/** Shortest run whose wrap onto the next line is joined (as the base64 walk's runs). */
const MIN_SPLIT_RUN = 20;

/** Start of the token around `i` (bounded), then {@link LEFT_CONTEXT} more. */
function partStart(s: string, i: number): number {
  let a = i;
  const stop = Math.max(0, i - TOKEN_REACH);
  while (a > stop && !isAsciiBlank(s.charCodeAt(a - 1))) a--;
  return Math.max(0, a - LEFT_CONTEXT);
}

/**
 * Ends of the tokens that reach past given places, for places that mostly
 * grow: the next space found is kept, so a run of edits inside one long token
 * walks it once, not once per edit (a million invisible characters in a row
 * walked 512 characters per character).
 */
function tokenEnds(s: string): (i: number) => number {
  let from = -1;
  let space = -1;
  return (i) => {
    if (i < from || i > space) {
      from = i;
      space = i;
      while (space < s.length && !isAsciiBlank(s.charCodeAt(space))) space++;
    }
    return Math.min(space, i + TOKEN_REACH);
  };
}

/**
 * The changed parts of `src`: edits applied, each part with its context.
 * Parts never overlap: an edit whose context reaches back into the part
 * before it joins that part, so no text is read twice and no context
 * brings back, unedited, a character an earlier part removed (a control
 * every 64 characters once made a view 1.2 times its text, and kept every
 * other control in it).
 */
function editedParts(src: Source, edits: EditList, out: ViewBuilder, budget: number): void {
  const s = src.text;
  const partEnd = tokenEnds(s);
  let k = 0;
  while (k < edits.length && out.length < budget) {
    let a = partStart(s, edits.start(k));
    let b = partEnd(edits.end(k));
    // Later edits inside this part, right after it, or with context reaching into it join it.
    let j = k + 1;
    while (j < edits.length && (edits.start(j) <= b + 1 || partStart(s, edits.start(j)) <= b)) {
      b = Math.max(b, partEnd(edits.end(j)));
      j++;
    }
    for (let e = k; e < j; e++) {
      const start = edits.start(e);
      if (start > a) out.copy(a, start);
      const text = edits.out(e);
      if (text !== '') {
        const spans = edits.spans(e);
        if (spans === undefined) out.put(text, start, edits.end(e));
        else out.putEach(text, spans);
      }
      a = edits.end(e);
    }
    if (b > a) out.copy(a, b);
    out.separate();
    k = j;
  }
}

const isPrintable = (c: number): boolean =>
  (c >= 32 && c <= 126) || c === 9 || c === 10 || c === 13;

/** Base64 alphabet value of each ASCII character (−1: none), `-` and `_` as in base64url. */
const B64_VALUE = (() => {
  const t = new Int8Array(128).fill(-1);
  const al = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < al.length; i++) t[al.charCodeAt(i)] = i;
  t[45] = 62;
  t[95] = 63;
  return t;
})();

const hexValue = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;

/**
 * `s[start, end)` decoded as hex when it is an even run of hex digits of
 * printable bytes, else undefined. Stops at the first byte that is not printable.
 */
function hexPrintable(s: string, start: number, end: number): string | undefined {
  if ((end - start) % 2 !== 0 || end - start < MIN_HEX) return undefined;
  let out = '';
  for (let i = start; i < end; i += 2) {
    const hi = hexValue(s.charCodeAt(i));
    const lo = hexValue(s.charCodeAt(i + 1));
    if (hi < 0 || lo < 0) return undefined;
    const c = hi * 16 + lo;
    if (!isPrintable(c)) return undefined;
    out += String.fromCharCode(c);
  }
  return out;
}

/**
 * `s[start, end)` (padding excluded) decoded as base64 when every byte is
 * printable ASCII, else undefined. Stops at the first byte that is not: a
 * random token fails within its first few characters.
 */
function base64Printable(s: string, start: number, end: number): string | undefined {
  if (end - start < MIN_B64 || (end - start) % 4 === 1) return undefined;
  let out = '';
  let acc = 0;
  let bits = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? (B64_VALUE[c] as number) : -1;
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (acc >> bits) & 0xff;
      if (!isPrintable(byte)) return undefined;
      out += String.fromCharCode(byte);
    }
  }
  return out;
}

const isB64 = (c: number): boolean => c < 128 && (B64_VALUE[c] as number) >= 0;

/** Where a line break (`\`, CR, indentation) that continues a run at `end` stops, or −1. */
function lineContinuation(s: string, end: number): number {
  let i = end;
  if (s.charCodeAt(i) === 92) i++;
  if (s.charCodeAt(i) === 13) i++;
  if (s.charCodeAt(i) !== 10) return -1;
  i++;
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  return isB64(s.charCodeAt(i)) ? i : -1;
}

/** Base64 and hex runs that decode to printable ASCII, each as one part of `out`. */
function blobParts(src: Source, out: ViewBuilder, budget: number): void {
  const s = src.text;
  eachBase64Run(s, (start, end) => {
    if (out.length >= budget) return false;
    let runEnd = end;
    while (runEnd > start && s.charCodeAt(runEnd - 1) === 61) runEnd--;
    const bin = hexPrintable(s, start, runEnd) ?? base64Printable(s, start, runEnd);
    if (bin !== undefined) {
      out.put(bin, start, end);
      out.separate();
    }
    return true;
  });
}

/**
 * The line breaks that continue a run of {@link MIN_SPLIT_RUN}+ base64-alphabet characters
 * (up to two `=` after it) on the next line: a value wrapped over lines, as edits that join
 * it. Found from the line breaks themselves, so a text without one costs a native search.
 */
function lineSplits(s: string, out: EditList): void {
  for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', nl + 1)) {
    let end = nl;
    if (s.charCodeAt(end - 1) === 13) end--;
    if (s.charCodeAt(end - 1) === 92) end--;
    let k = end;
    for (let eq = 0; eq < 2 && k > 0 && s.charCodeAt(k - 1) === 61; eq++) k--;
    let a = k;
    const stop = Math.max(0, k - MIN_SPLIT_RUN);
    while (a > stop && isB64(s.charCodeAt(a - 1))) a--;
    if (k - a < MIN_SPLIT_RUN) continue;
    const next = lineContinuation(s, end);
    if (next > 0 && restOfValue(s, next)) out.push(end, next, '');
  }
}

/** Characters that may follow the rest of a wrapped value on its line. */
const isValueEnd = (c: number): boolean =>
  Number.isNaN(c) ||
  isAsciiBlank(c) ||
  c === 34 ||
  c === 39 ||
  c === 96 ||
  c === 92 ||
  c === 44 ||
  c === 59 ||
  c === 41 ||
  c === 93 ||
  c === 125 ||
  c === 62;

/**
 * Whether the run at `i` reads as the rest of a wrapped value: it ends (after up to two `=`)
 * at white space, a quote, a closing bracket, `,` or `;`, or the end of the text, not at a
 * `:` or `=` that makes the next line an assignment of its own (`docker_email: …`) or a
 * `.` or `(` of code (`req.Header.Set(…)`).
 */
function restOfValue(s: string, i: number): boolean {
  let e = i;
  while (isB64(s.charCodeAt(e))) e++;
  for (let eq = 0; eq < 2 && s.charCodeAt(e) === 61; eq++) e++;
  return isValueEnd(s.charCodeAt(e));
}

/** Tokens of 16 to {@link TOKEN_REACH} characters, reversed (a reversed token prefix was seen). */
function reversedParts(src: Source, out: ViewBuilder, budget: number): void {
  const s = src.text;
  let i = 0;
  while (i < s.length && out.length < budget) {
    while (i < s.length && isAsciiBlank(s.charCodeAt(i))) i++;
    const a = i;
    while (i < s.length && !isAsciiBlank(s.charCodeAt(i))) i++;
    if (i - a < 16 || i - a > TOKEN_REACH) continue;
    for (let k = i - 1; k >= a; k--) out.put(s[k] as string, k, k + 1);
    out.separate();
  }
}

/** Options of {@link nextViews}. */
export type NextViewOptions = {
  /** {@link ViewTrigger} bits the keyword scan of the source raised. */
  readonly triggers: number;
  /** Also build the personal-data view (digit words, spaced digits). */
  readonly pii: boolean;
  /** Most view characters to produce. */
  readonly budgetChars: number;
};

/**
 * The views of one source (the scanned text, or a view of it): the edited
 * parts, whose wording counts for assignments, and the decoded blobs with the
 * reversed tokens, where only format-valid findings count.
 * @param text - the scanned text, or `view.text`
 * @param view - the view `text` belongs to (undefined: the scanned text itself)
 * @param opts - triggers, PII mode and budget
 * @returns zero, one or two views
 */
export function nextViews(
  text: string,
  view: SecretView | undefined,
  opts: NextViewOptions,
): SecretView[] {
  const src: Source = { text, starts: view?.starts, ends: view?.ends };
  const blobs = new ViewBuilder(src);
  const splits = new EditList();
  lineSplits(text, splits);
  // Decoded blobs hold personal data that no keyword announces; a secret in one shows an
  // encoded spelling of its token prefix, which the keyword scan raised as ENCODED.
  if (opts.pii || (opts.triggers & ViewTrigger.ENCODED) !== 0)
    blobParts(src, blobs, opts.budgetChars);
  if ((opts.triggers & ViewTrigger.REVERSED) !== 0)
    reversedParts(src, blobs, opts.budgetChars - blobs.length);
  const edited = new ViewBuilder(src);
  const edits = findEdits(text, { triggers: opts.triggers, extra: splits });
  if (edits.length > 0) editedParts(src, edits, edited, opts.budgetChars - blobs.length);
  const out: SecretView[] = [];
  // The wording of a decoded blob stays a decoded blob's: edits inside it do not make
  // assignment-shaped findings count there.
  const e = edited.build(view?.generic ?? true);
  if (e !== undefined) out.push(e);
  const b = blobs.build(false);
  if (b !== undefined) out.push(b);
  if (opts.pii) {
    // Its own budget, so the other views are the same whether PII is scanned or not.
    const personal = new ViewBuilder(src);
    const pe = piiEdits(text);
    if (pe.length > 0) editedParts(src, pe, personal, opts.budgetChars);
    const p = personal.build(false, true);
    if (p !== undefined) out.push(p);
  }
  return out;
}

/** View characters allowed for a text: about twice its length, at least 8 K. */
export function viewBudget(textLength: number): number {
  return Math.max(8192, 2 * textLength);
}

/**
 * The original span of view characters `[a, b)`: from the first to the last
 * origin, whichever way the view runs (a reversed part runs backwards).
 */
export function originalSpan(v: SecretView, a: number, b: number): [number, number] {
  const last = Math.max(a, b - 1);
  const s = Math.min(v.starts[a] as number, v.starts[last] as number);
  const e = Math.max(v.ends[a] as number, v.ends[last] as number);
  return [s, e];
}
