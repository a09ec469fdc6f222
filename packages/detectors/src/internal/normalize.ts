/**
 * Text normalisation for injection matching, meant to give what a reader
 * (a person or a model) takes in: markup inside and around words dropped
 * (`markup.ts`), every Default_Ignorable code point, control that draws
 * nothing and lone surrogate dropped, combining accents and Arabic vowel
 * marks dropped (`diacritics.ts`), fillers, space-like invisible runs, line
 * separators and the blank braille pattern read as spaces (`ignorable.ts`),
 * NFKC (a form of at most three units), lower case, homoglyph and Latin
 * letter-shape folding (`fold-table.ts`, generated from the Unicode data),
 * whitespace collapsed; plus leet folding inside mixed words. Keeps a map from every
 * normalised index back to the original offset.
 *
 * Reuse: `normalize(text)` is the one reader view of the package. `text` is
 * for English patterns (folded to Latin), `plain` for other scripts (same
 * length and map, unfolded), `map[i]` the original offset of unit `i`. The
 * learned stage reads `text`; other engines may read either and map their
 * spans back through `map`.
 */

import { foldArabicText } from './arabic-letters.js';
import { isAsciiBlank, isAsciiDigit, isAsciiLower, isWordUnit } from './ascii.js';
import { CONFUSABLE, homoglyphOf } from './confusables.js';
import { isReadThroughMark } from './diacritics.js';
import { mayHoldReference, referenceAt } from './entities.js';
import { LATIN_LETTER_FOLDS } from './fold-table.js';
import {
  ignorableRunsAreSpaces,
  isBlankFiller,
  isHiddenControl,
  isIgnorable,
  isInnerDot,
} from './ignorable.js';
import { LatinWordHomoglyphs } from './latin-word-homoglyphs.js';
import { type MarkupSpans, markupSpans } from './markup.js';
import { Utf16Units } from './utf16-units.js';

/** Result of {@link normalize}. */
export type Normalized = {
  /** The normalised, lower-cased text with homoglyphs folded to Latin. */
  readonly text: string;
  /** Same as `text` (same length and map) but without homoglyph folding, for non-Latin rules. */
  readonly plain: string;
  /**
   * True when `text` is the input lower-cased with whitespace runs folded and
   * nothing else (ASCII input without markup to strip), so `text` and `plain`
   * are ASCII and a keyword scan of the input serves `text` too.
   */
  readonly ascii: boolean;
  /** `map[i]` is the original offset of normalised char `i`; `map[text.length]` is the input length. */
  readonly map: Int32Array;
  /** Invisible characters that sit inside words (smuggling). */
  readonly invisible: Invisible;
  /** Text hidden in Unicode tag characters (U+E0020–E007E), decoded. */
  readonly tagText: string;
  /** Where the tag characters were. */
  readonly tagSpan: readonly [number, number] | undefined;
};

/** Summary of the invisible characters found inside words. */
export type Invisible = {
  readonly count: number;
  /** Spans of the first and the last one (original offsets). */
  readonly first: readonly [number, number] | undefined;
  readonly last: readonly [number, number] | undefined;
  /** Whether one of them is a bidi override (U+202D or U+202E). */
  readonly bidiOverride: boolean;
};

const NO_INVISIBLE: Invisible = {
  count: 0,
  first: undefined,
  last: undefined,
  bidiOverride: false,
};

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

/** True for characters that render as nothing (Default_Ignorable_Code_Point, hidden controls). */
export function isInvisible(cp: number): boolean {
  return isIgnorable(cp);
}

const isLatinLetter = (c: string): boolean => /[a-z]/i.test(c);
const NON_ASCII = /[\u0080-\uffff]/;
// Anything but printable ASCII and the white space the fast path collapses or keeps.
// biome-ignore lint/suspicious/noControlCharactersInRegex: hidden controls are what it looks for
const BEYOND_FAST_PATH = /[\u0000-\u0008\u000e-\u001f\u007f-\uffff]/;

/** Offsets of the ASCII fast path: what {@link AsciiNormalized} keeps, and where from. */
function asciiMap(input: string, normalizedLength: number): Int32Array {
  const map = new Int32Array(normalizedLength + 1);
  let j = 0;
  let lastWasSpace = true;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (isAsciiBlank(c)) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
    } else lastWasSpace = false;
    map[j++] = i;
  }
  map[j] = input.length;
  return map;
}

// Whitespace that the fast path rewrites: runs of two or more, and lone tab/CR/LF.
const WS_REWRITE = /[ \t\n\r]{2,}|[\t\n\r]/g;

/** Characters the fast path rewrites at a time (see {@link collapsedLowerAscii}). */
const COLLAPSE_CHUNK = 32_768;

/**
 * The ASCII fast path's text: lower-case, each run of blanks read as one space, none at the
 * start. Rewritten a chunk at a time: one regular-expression replace over a whole text of short
 * lines ("a\nb\nc\n…", a column of letters) holds one piece per line until it ends, and those
 * half a million live pieces made the garbage collector's work grow faster than the text. A run of
 * blanks cut by a chunk's end leaves a space on each side; the second is dropped.
 * @param chunk - characters per replace (the default outside tests)
 */
export function collapsedLowerAscii(input: string, chunk: number = COLLAPSE_CHUNK): string {
  let text = '';
  for (let at = 0; at < input.length; at += chunk) {
    let part = input.slice(at, at + chunk).replace(WS_REWRITE, ' ');
    if (part.charCodeAt(0) === 32 && (text.length === 0 || text.charCodeAt(text.length - 1) === 32))
      part = part.slice(1);
    text += part;
  }
  return text.toLowerCase();
}

/**
 * ASCII fast path: lower-case and collapse whitespace a chunk at a time (see
 * {@link collapsedLowerAscii}); the offset map is built only if a caller asks for it.
 */
class AsciiNormalized implements Normalized {
  readonly text: string;
  readonly plain: string;
  readonly ascii = true;
  readonly invisible: Invisible = NO_INVISIBLE;
  readonly tagText = '';
  readonly tagSpan = undefined;
  readonly #input: string;
  #map: Int32Array | undefined;

  constructor(input: string) {
    this.text = collapsedLowerAscii(input);
    this.plain = this.text;
    this.#input = input;
  }

  get map(): Int32Array {
    this.#map ??= asciiMap(this.#input, this.text.length);
    return this.#map;
  }
}

/** A growable buffer of offsets. */
class Offsets {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2 + 16);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * How one non-ASCII code point normalises: its NFKC lower-case units (`base`),
 * the same units with homoglyphs and Latin letter shapes folded to ASCII
 * letters (`folded`, same length), and with Arabic letter variants read as
 * one (`plain`, same length: what the plain view gets).
 */
type Fold = {
  readonly base: string;
  readonly folded: string;
  /** `base` with Arabic letter variants read as one (`arabic-letters.ts`): the plain view's units. */
  readonly plain: string;
};

let latinFolds: Map<number, number> | undefined;

/** The generated Latin letter folds, parsed on first use. */
function latinFoldOf(unit: number): number | undefined {
  if (latinFolds === undefined) {
    latinFolds = new Map();
    for (let k = 0; k + 1 < LATIN_LETTER_FOLDS.length; k += 2)
      latinFolds.set(LATIN_LETTER_FOLDS.charCodeAt(k), LATIN_LETTER_FOLDS.charCodeAt(k + 1));
  }
  return latinFolds.get(unit);
}

function foldUnits(base: string): string {
  let folded = '';
  for (let k = 0; k < base.length; k++) {
    const u = base.charCodeAt(k);
    const c = CONFUSABLE[base[k] as string];
    folded += c !== undefined ? c : String.fromCharCode(u < 0x80 ? u : (latinFoldOf(u) ?? u));
  }
  return folded;
}

/** Most units one code point's NFKC form may take in the view (`ﬃ` 3; `㌀`, 4, stays one). */
const MAX_EXPANSION = 3;

// NFKC + lower-case per code point is the hot spot on non-Latin text: the folds
// of BMP code points are kept in a table indexed by code point (allocated at
// the first non-ASCII text), astral ones in a small bounded cache.
let bmpFolds: (Fold | undefined)[] | undefined;
const astralFolds = new Map<number, Fold>();
function foldOf(cp: number): Fold {
  if (cp <= 0xffff) {
    bmpFolds ??= new Array<Fold | undefined>(0x10000);
    const hit = bmpFolds[cp];
    if (hit !== undefined) return hit;
    const v = computeFold(cp);
    bmpFolds[cp] = v;
    return v;
  }
  const hit = astralFolds.get(cp);
  if (hit !== undefined) return hit;
  const v = computeFold(cp);
  if (astralFolds.size < 8192) astralFolds.set(cp, v);
  return v;
}

/**
 * The units a code point stands for in the views, before homoglyph folding:
 * its NFKC lower case, except that a homoglyph keeps its own letter (the plain
 * view reads it) and a ligature that NFKC spells as a phrase (U+FDFA is 18
 * units) stays one character (a million of them made an 18-million-character
 * view). An astral homoglyph (`🅐`) is its letter in both views: it has no
 * lower case of one unit.
 */
function baseOf(raw: string, confusable: string | undefined): string {
  if (confusable !== undefined && raw.length === 2) return confusable;
  const nfkc = raw.normalize('NFKC').toLowerCase();
  return confusable !== undefined || nfkc.length > MAX_EXPANSION ? raw.toLowerCase() : nfkc;
}

function computeFold(cp: number): Fold {
  const raw = String.fromCodePoint(cp);
  const confusable = homoglyphOf(raw);
  const base = baseOf(raw, confusable);
  const folded = confusable && base.length === 1 ? confusable : foldUnits(base);
  return { base, folded, plain: foldArabicText(base) };
}

/** White space, the line and paragraph separators, and the blank braille pattern (drawn as a space). */
const isSpaceUnit = (c: number): boolean =>
  isAsciiBlank(c) || c === 0xa0 || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0x2800;

/**
 * ASCII text with markup to strip: one pass that skips the spans, folds
 * whitespace and lower-cases, writing the offset map as it goes. `ascii` is
 * false: the text is no longer the input lower-cased, so a keyword scan of
 * the input does not serve it.
 */
function strippedAscii(input: string, spans: MarkupSpans): Normalized {
  const out = new Utf16Units(input.length);
  const map = new Int32Array(input.length + 1);
  let lastWasSpace = true;
  let sp = 0;
  let i = 0;
  while (i < input.length) {
    if (sp < spans.length && i === spans[sp]) {
      i = spans[sp + 1] as number;
      sp += 2;
      continue;
    }
    const c = input.charCodeAt(i);
    if (isAsciiBlank(c)) {
      if (!lastWasSpace) {
        map[out.length] = i;
        out.push(32);
        lastWasSpace = true;
      }
    } else {
      map[out.length] = i;
      out.push(c >= 65 && c <= 90 ? c + 32 : c);
      lastWasSpace = false;
    }
    i++;
  }
  map[out.length] = input.length;
  const text = out.toText();
  return {
    text,
    plain: text,
    ascii: false,
    map: map.subarray(0, text.length + 1),
    invisible: NO_INVISIBLE,
    tagText: '',
    tagSpan: undefined,
  };
}

/** The views being built by the general path, one offset per unit. */
class Builder {
  readonly out: Utf16Units;
  readonly plain: Utf16Units;
  readonly map: Offsets;
  lastWasSpace = true;
  constructor(capacity: number) {
    this.out = new Utf16Units(capacity);
    this.plain = new Utf16Units(capacity);
    this.map = new Offsets(capacity + 1);
  }
  /** One space for original offset `i`, unless one was just written. */
  space(i: number): void {
    if (this.lastWasSpace) return;
    this.out.push(32);
    this.plain.push(32);
    this.map.push(i);
    this.lastWasSpace = true;
  }
  /** A unit of each view for original offset `i`. */
  unit(folded: number, plain: number, i: number): void {
    this.out.push(folded);
    this.plain.push(plain);
    this.map.push(i);
    this.lastWasSpace = false;
  }
}

/** Tracks the invisible characters that sit inside words, and the Unicode tag run. */
class Smuggling {
  count = 0;
  // Spans as numbers (no tuple per character: a hostile text holds a million of them).
  firstStart = -1;
  firstEnd = -1;
  lastStart = -1;
  lastEnd = -1;
  bidiOverride = false;
  tagText = '';
  tagStart = -1;
  tagEnd = -1;
  /** Records an invisible character at `[i, i + len)` that splits a word. */
  add(cp: number, i: number, len: number): void {
    this.count++;
    if (this.firstStart < 0) {
      this.firstStart = i;
      this.firstEnd = i + len;
    }
    this.lastStart = i;
    this.lastEnd = i + len;
    if (cp === 0x202e || cp === 0x202d) this.bidiOverride = true;
  }
  invisible(): Invisible {
    if (this.count === 0) return NO_INVISIBLE;
    return {
      count: this.count,
      first: [this.firstStart, this.firstEnd],
      last: [this.lastStart, this.lastEnd],
      bidiOverride: this.bidiOverride,
    };
  }
}

/**
 * Whether an invisible character is there for a legitimate reason: ZWNJ/ZWJ
 * in Arabic/Indic scripts and emoji, a variation selector after an emoji or symbol.
 */
function legitInvisible(cp: number, prevCp: number, nextCp: number): boolean {
  return (
    ((cp === 0x200c || cp === 0x200d) && (prevCp > 0x5ff || nextCp > 0x5ff)) ||
    (cp >= 0xfe00 && cp <= 0xfe0f && prevCp > 0x2000)
  );
}

const isBidiOverride = (cp: number): boolean =>
  cp === 0x202e || cp === 0x202d || cp === 0x2066 || cp === 0x2067 || cp === 0x2068;

/**
 * Normalises `input` for injection matching: drops markup (see `markup.ts`),
 * Default_Ignorable code points, hidden controls, lone surrogates, dots
 * inside words and the accents a reader reads through (`diacritics.ts`); reads
 * blank fillers (and invisible runs that stand for spaces) as spaces; NFKC,
 * lower-case, folds homoglyphs and Latin letter shapes (small capitals,
 * diacritics) in `text`; collapses whitespace.
 */
export function normalize(input: string): Normalized {
  // Hidden controls (`Ig\x01nore`) and character references (`Ig&#110;ore`) are read in the
  // general path.
  const fast = !BEYOND_FAST_PATH.test(input);
  const ascii = fast || !NON_ASCII.test(input);
  const spans = markupSpans(input, ascii);
  if (fast && !mayHoldReference(input))
    return spans.length === 0 ? new AsciiNormalized(input) : strippedAscii(input, spans);
  const b = new Builder(input.length);
  const sm = new Smuggling();
  const latinWords = new LatinWordHomoglyphs(input);
  // Asked (one pass over the text) at the first invisible character only.
  let runsAsSpaces: boolean | undefined;
  let prevVisibleCp = 32;
  let sp = 0;
  let i = 0;
  while (i < input.length) {
    if (sp < spans.length && i === spans[sp]) {
      i = spans[sp + 1] as number;
      sp += 2;
      continue;
    }
    let cp = input.codePointAt(i) as number;
    let len = cp > 0xffff ? 2 : 1;
    if (cp === 0x26) {
      // A character reference is read as the character it stands for (`entities.ts`).
      const ref = referenceAt(input, i);
      if (ref !== undefined) {
        cp = ref.cp;
        len = ref.length;
      }
    }
    if (cp < 0x80 && !isHiddenControl(cp)) {
      // ASCII inside mixed text: no NFKC or folding needed.
      if (cp === 32 || cp === 9 || cp === 10 || cp === 13) b.space(i);
      else {
        const c = cp >= 65 && cp <= 90 ? cp + 32 : cp;
        b.unit(c, c, i);
      }
      prevVisibleCp = cp;
      i += len;
      continue;
    }
    if (cp >= 0xe0000 && cp <= 0xe007f) {
      // Subdivision flags (🏴 + tag letters + cancel tag) are legitimate emoji.
      if (prevVisibleCp !== 0x1f3f4) {
        if (sm.tagStart < 0) sm.tagStart = i;
        sm.tagEnd = i + len;
        if (cp >= 0xe0020 && cp <= 0xe007e) sm.tagText += String.fromCharCode(cp - 0xe0000);
      }
      i += len;
      continue;
    }
    // A lone surrogate renders as nothing (or a box): it splits a word for a filter only.
    const surrogate = cp >= 0xd800 && cp <= 0xdfff;
    if (surrogate || isIgnorable(cp)) {
      const nextCp = input.codePointAt(i + len) ?? 32;
      const legit = !surrogate && legitInvisible(cp, prevVisibleCp, nextCp);
      const inWord = isWordUnit(prevVisibleCp) && isWordUnit(nextCp);
      // Hidden controls are read through but not counted: decoded binary is full of C0 and C1
      // controls, hieroglyphic text of its format controls.
      const counted = !legit && !isHiddenControl(cp);
      if (counted && (inWord || isBidiOverride(cp) || cp === 0x00ad)) sm.add(cp, i, len);
      if (isBlankFiller(cp)) b.space(i);
      else if (!legit && isWordUnit(prevVisibleCp)) {
        runsAsSpaces ??= ignorableRunsAreSpaces(input);
        if (runsAsSpaces) b.space(i);
      }
      i += len;
      continue;
    }
    // Accents a reader reads through: combining accents, Arabic vowel marks, the tatweel.
    if (isReadThroughMark(cp)) {
      i += len;
      continue;
    }
    if (
      isInnerDot(cp) &&
      isWordUnit(prevVisibleCp) &&
      isWordUnit(input.codePointAt(i + len) ?? 32)
    ) {
      i += len;
      continue;
    }
    const fold = foldOf(cp);
    // `г`, `п` swapped into a Latin word read as r, n (one unit, like their base).
    const swapped = latinWords.letterAt(cp, i);
    // Per UTF-16 unit, so `map` stays aligned with string indexes (astral chars are two units).
    for (let k = 0; k < fold.base.length; k++) {
      const c = fold.base.charCodeAt(k);
      // NFKC may spell a letter with a combining accent ('İ' lower-cases to 'i' + U+0307).
      if (isReadThroughMark(c)) continue;
      if (isSpaceUnit(c)) b.space(i);
      else b.unit(swapped >= 0 ? swapped : fold.folded.charCodeAt(k), fold.plain.charCodeAt(k), i);
    }
    prevVisibleCp = cp;
    i += len;
  }
  b.map.push(input.length);
  return {
    text: b.out.toText(),
    plain: b.plain.toText(),
    ascii: false,
    map: b.map.data.subarray(0, b.map.length),
    invisible: sm.invisible(),
    tagText: sm.tagText,
    tagSpan: sm.tagStart >= 0 ? [sm.tagStart, sm.tagEnd] : undefined,
  };
}

/** Result of {@link leetFold}. */
export type LeetFolded = {
  readonly text: string;
  /** Index of the first and of the last folded character (−1 when nothing was folded). */
  readonly first: number;
  readonly last: number;
};

/** Longest word (a chunk of a longer run) that is folded as one. */
const LEET_WORD_MAX = 40;

/** `[a-z0-9@$!]`: the characters of a word that may hold leet. */
const isLeetWordChar = (c: number): boolean =>
  isAsciiLower(c) || isAsciiDigit(c) || c === 64 || c === 36 || c === 33;

/**
 * Whether the word `s[a, b)` is folded: it mixes a letter with a digit, `@`
 * or `$`, and is not a number with up to three letters after it (`3rd`, `10px`).
 */
function foldsWord(s: string, a: number, b: number): boolean {
  let letter = false;
  let leet = false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (isAsciiLower(c)) letter = true;
    else if (isAsciiDigit(c) || c === 64 || c === 36) leet = true;
  }
  if (!letter || !leet) return false;
  let d = a;
  while (d < b && isAsciiDigit(s.charCodeAt(d))) d++;
  if (d === a) return true;
  let l = d;
  while (l < b && isAsciiLower(s.charCodeAt(l))) l++;
  return !(l === b && b - d <= 3);
}

/**
 * Folds leet digits inside words that mix letters and digits (`1gn0r3` →
 * `ignore`); the same result as replacing, in each match of
 * `/[a-z0-9@$!]{3,40}/g` that mixes a letter with `[0-9@$]` and is not
 * `/^\d+[a-z]{0,3}$/`, every `[013457@$!]` by its letter. Also says where
 * the folded characters are, so a caller can look at that part only.
 */
export function leetFold(s: string): LeetFolded {
  let text = '';
  let copied = 0;
  let first = -1;
  let last = -1;
  let i = 0;
  while (i < s.length) {
    if (!isLeetWordChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let runEnd = i;
    while (runEnd < s.length && isLeetWordChar(s.charCodeAt(runEnd))) runEnd++;
    // Runs longer than a word are taken in chunks, as the global pattern takes them.
    for (let a = i; runEnd - a >= 3; a += LEET_WORD_MAX) {
      const b = Math.min(a + LEET_WORD_MAX, runEnd);
      if (!foldsWord(s, a, b)) continue;
      for (let k = a; k < b; k++) {
        const to = LEET[s[k] as string];
        if (to === undefined) continue;
        text += s.slice(copied, k) + to;
        copied = k + 1;
        if (first < 0) first = k;
        last = k;
      }
    }
    i = runEnd;
  }
  return first < 0 ? { text: s, first, last } : { text: text + s.slice(copied), first, last };
}

/** ROT13 of ASCII letters. */
export function rot13(s: string): string {
  return s.replace(/[a-z]/gi, (c) => {
    const b = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - b + 13) % 26) + b);
  });
}

export { isLatinLetter };
