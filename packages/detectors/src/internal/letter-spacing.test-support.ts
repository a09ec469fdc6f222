/**
 * The letter-spacing rule spelled out with strings and regular expressions, for
 * the property tests to hold the typed-array gate and join against. Test
 * support only: nothing in the package imports it.
 */
import { isReadThroughMark } from './diacritics.js';
import { isIgnorable } from './ignorable.js';

const punctuation = (ch: string): boolean => /^[!-/:-@[-`{-~]$/.test(ch);
/** Characters that do not count in a token: punctuation, read-through accents, invisible ones. */
const uncounted = (ch: string): boolean =>
  punctuation(ch) ||
  isReadThroughMark(ch.codePointAt(0) as number) ||
  isIgnorable(ch.codePointAt(0) as number);

/**
 * The character a one-character token counts (a space when none does), or undefined: at most one
 * code point that is not punctuation, an accent or invisible, and not punctuation alone.
 */
const countedOf = (token: string): string | undefined => {
  const chars = Array.from(token);
  const counted = chars.filter((ch) => !uncounted(ch));
  if (counted.length > 1 || chars.every(punctuation)) return undefined;
  return counted[0] ?? ' ';
};
const isSingleToken = (token: string): boolean => countedOf(token) !== undefined;
const isPunctuationOnly = (token: string): boolean => Array.from(token).every(punctuation);

const LINE_SPACES = /^[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+$/;
/** Line breaks in a gap: a CRLF is one, as is a lone CR, LF, VT, FF, LS or PS. */
const lineBreaksIn = (gap: string): number =>
  (gap.match(/\r\n|[\n\v\f\r\u2028\u2029]/g) ?? []).length;
/** A gap that continues a run: one to three spaces within a line, or one to three line breaks. */
const continues = (gap: string): boolean =>
  LINE_SPACES.test(gap) ? gap.length <= 3 : lineBreaksIn(gap) >= 1 && lineBreaksIn(gap) <= 3;

/** The text as its gaps and tokens, each with its offset. */
const partsOf = (s: string): { value: string; at: number }[] =>
  Array.from(s.matchAll(/\s+|\S+/g), (m) => ({ value: m[0], at: m.index }));

/**
 * The runs worth joining as `[start, end)` of their first and last counted token: eight or more
 * one-character tokens in a row, each gap between two of them one that continues a run, one of
 * them more than a digit or punctuation; punctuation alone after such a gap neither counts nor
 * breaks the run.
 */
export function runsByRule(s: string): [number, number][] {
  const runs: [number, number][] = [];
  let run: { start: number; end: number; length: number; spells: boolean } | undefined;
  let gapBefore = '';
  const close = (): void => {
    if (run !== undefined && run.length >= 8 && run.spells) runs.push([run.start, run.end]);
    run = undefined;
  };
  for (const { value, at } of partsOf(s)) {
    if (/^\s/.test(value)) {
      gapBefore = value;
      continue;
    }
    const counted = countedOf(value);
    const apart = !continues(gapBefore);
    gapBefore = '';
    if (isPunctuationOnly(value) && !apart) continue;
    if (counted === undefined || apart) close();
    if (counted === undefined) continue;
    run ??= { start: at, end: at, length: 0, spells: false };
    run.length++;
    run.end = at + value.length;
    run.spells ||= /[^\p{N}\p{P}\p{Z}\p{C}]/u.test(counted);
  }
  close();
  return runs;
}

const UNSEEN =
  '[\\u0300-\\u036f\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\udc00-\\udfff]{0,4}';
const SPACE = '[ \\t\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]';
const GAP = `(?:${SPACE}{1,3}|${SPACE}*[\\n\\v\\f\\r\\u2028\\u2029]\\s*)`;

/**
 * The gate spelled out: a run worth joining, looked for where the gate's pattern (seven spaced
 * characters after a gap, each with at most four unseen units) says one may be.
 */
export const hasLetterSpacingByRule = (s: string): boolean =>
  new RegExp(`\\s(?:\\S${UNSEEN}${GAP}){6}\\S`).test(s) && runsByRule(s).length > 0;

/**
 * The join spelled out: a single space within a line between two single-character tokens goes
 * (when it is the same space as the last one that went, if that one was right before), every
 * other gap within a line reads as its first space. A gap of one line break between two
 * single-character tokens of a run goes when each token is alone on its line, or when
 * `wrappedLines` is 'joined'; every other gap with a line break stays as written.
 */
export function joinedByRule(
  s: string,
  wrappedLines: 'word-break' | 'joined' = 'word-break',
): { text: string; origin: number[]; wrapped: boolean } {
  let text = '';
  const origin: number[] = [];
  let wrapped = false;
  const runs = runsByRule(s);
  const parts = partsOf(s);
  const keep = (value: string, at: number): void => {
    for (let i = 0; i < value.length; i++) {
      text += value[i];
      origin.push(at + i);
    }
  };
  const aloneOnLine = (k: number): boolean =>
    (k === 0 || lineBreaksIn(parts[k - 1]?.value ?? '') > 0 || parts[k - 1]?.at === 0) &&
    (k + 1 >= parts.length - 1 || lineBreaksIn(parts[k + 1]?.value ?? '') > 0);
  let letterGap: string | undefined;
  for (const [k, { value, at }] of parts.entries()) {
    if (!/^\s/.test(value)) {
      keep(value, at);
      continue;
    }
    const before = parts[k - 1]?.value;
    const after = parts[k + 1]?.value;
    const between =
      before !== undefined && after !== undefined && isSingleToken(before) && isSingleToken(after);
    const withinLine = LINE_SPACES.test(value);
    let joined = false;
    if (withinLine) {
      joined = value.length === 1 && between && (letterGap === undefined || letterGap === value);
      letterGap = joined ? value : undefined;
    } else if (between && lineBreaksIn(value) === 1 && runs.some(([a, b]) => a < at && at < b)) {
      const column = aloneOnLine(k - 1) && aloneOnLine(k + 1);
      joined = column || wrappedLines === 'joined';
      wrapped ||= !column;
    }
    if (!withinLine && !joined) letterGap = undefined;
    if (!joined) keep(withinLine ? (value[0] as string) : value, at);
  }
  origin.push(s.length);
  return { text, origin, wrapped };
}
