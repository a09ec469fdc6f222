/**
 * Code points a reader does not see as letters: Default_Ignorable_Code_Point
 * (from the generated table: zero-width and bidi controls, variation and
 * Mongolian free variation selectors, fillers, musical formatting, tags, U+061C
 * ...) and the controls that draw nothing, the fillers among them that render
 * as a blank, and the dots that sit inside words (`ig·nore`).
 */
import { isAsciiBlank, isWordUnit } from './ascii.js';
import { codePointBits, hasCodePoint } from './code-point-bits.js';
import { DEFAULT_IGNORABLE_RANGES } from './fold-table.js';

/**
 * Controls that draw nothing (flat inclusive ranges): C0 and C1 controls other
 * than white space (tab, LF, VT, FF, CR, NEL), DEL, the interlinear
 * annotation marks U+FFF9–U+FFFB and the Egyptian hieroglyph format controls
 * U+13430–U+1343F. None is Default_Ignorable, yet `Ig\x01nore` reads as
 * `Ignore`.
 */
const HIDDEN_CONTROL_RANGES: readonly number[] = [
  0x00, 0x08, 0x0e, 0x1f, 0x7f, 0x84, 0x86, 0x9f, 0xfff9, 0xfffb, 0x13430, 0x1343f,
];

// One bit per BMP code point, built on first use from the generated ranges and the hidden
// controls (8 KB).
let bmp: Uint8Array | undefined;

function astralIgnorable(cp: number): boolean {
  const r = DEFAULT_IGNORABLE_RANGES;
  for (let k = r.length - 2; k >= 0 && (r[k + 1] as number) > 0xffff; k -= 2)
    if (cp >= (r[k] as number) && cp <= (r[k + 1] as number)) return true;
  return false;
}

/**
 * True for a Default_Ignorable_Code_Point (from the generated ranges) or a
 * control that draws nothing ({@link isHiddenControl}).
 * @param cp - a code point
 * @returns whether it renders as nothing by default
 */
export function isIgnorable(cp: number): boolean {
  if (cp >= 0x20 && cp < 0x7f) return false;
  if (cp > 0xffff) return astralIgnorable(cp) || isHiddenControl(cp);
  bmp ??= codePointBits([...DEFAULT_IGNORABLE_RANGES, ...HIDDEN_CONTROL_RANGES], 0xffff);
  return hasCodePoint(bmp, cp);
}

/**
 * True for a control that draws nothing: a C0 or C1 control other than white
 * space, DEL, an interlinear annotation mark or an Egyptian hieroglyph format
 * control.
 * @param cp - a code point
 * @returns whether it is one of them
 */
export function isHiddenControl(cp: number): boolean {
  // Printable ASCII first: the normaliser asks about every ASCII character of mixed text.
  if (cp >= 0x20 && cp < 0x7f) return false;
  for (let k = 0; k < HIDDEN_CONTROL_RANGES.length; k += 2)
    if (
      cp >= (HIDDEN_CONTROL_RANGES[k] as number) &&
      cp <= (HIDDEN_CONTROL_RANGES[k + 1] as number)
    )
      return true;
  return false;
}

/**
 * Hangul fillers: ignorable, but drawn as a blank by most fonts, so a reader
 * takes them as a space.
 * @param cp - a code point
 * @returns whether it reads as a space
 */
export function isBlankFiller(cp: number): boolean {
  return cp === 0x115f || cp === 0x1160 || cp === 0x3164 || cp === 0xffa0;
}

/**
 * Dots that split a word for a filter but not for a reader when they sit
 * between two letters: middle dot, Greek ano teleia, hyphenation point,
 * bullet and dot operators, katakana and halfwidth middle dots, word
 * separator middle dot, runic single punctuation.
 * @param cp - a code point
 * @returns whether it is one of them
 */
export function isInnerDot(cp: number): boolean {
  return (
    cp === 0xb7 ||
    cp === 0x387 ||
    cp === 0x16eb ||
    cp === 0x2027 ||
    cp === 0x2219 ||
    cp === 0x22c5 ||
    cp === 0x2e31 ||
    cp === 0x30fb ||
    cp === 0xff65
  );
}

/** Fewest runs between words before they can stand for spaces. */
const MIN_RUNS_AS_SPACES = 2;
/** Least mean length of the pieces next to a run: the pieces of a split word are shorter. */
const MIN_MEAN_PIECE = 3.5;

/**
 * Whether the invisible runs between words of `input` stand for spaces
 * ("Ignore⁠all⁠previous": words a filter sees as one) rather than split
 * words ("ig​no​re"): at least two runs, more runs than whitespace, and the
 * pieces next to the runs as long as words.
 * @param input - the original text
 * @returns true to read each run as one space
 */
export function ignorableRunsAreSpaces(input: string): boolean {
  let runs = 0;
  let spaces = 0;
  // The current piece of word units: its length, and whether a run precedes it.
  let piece = 0;
  let afterRun = false;
  let pieceSum = 0;
  let pieces = 0;
  const endPiece = (beforeRun: boolean): void => {
    if (piece > 0 && (afterRun || beforeRun)) {
      pieceSum += piece;
      pieces++;
    }
    piece = 0;
  };
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    const cp = c >= 0xd800 && c <= 0xdbff ? (input.codePointAt(i) as number) : c;
    if (cp > 0xffff) i++;
    if (isIgnorable(cp)) {
      if (piece > 0) runs++;
      endPiece(true);
      afterRun = true;
    } else if (isWordUnit(c)) piece++;
    else {
      if (isAsciiBlank(c)) spaces++;
      endPiece(false);
      afterRun = false;
    }
  }
  endPiece(false);
  return runs >= MIN_RUNS_AS_SPACES && runs > spaces && pieceSum >= MIN_MEAN_PIECE * pieces;
}
