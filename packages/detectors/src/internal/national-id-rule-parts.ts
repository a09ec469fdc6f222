/**
 * Pieces shared by the national-id rule lists (`pii-national-ids.ts`,
 * `pii-national-ids-more.ts`): the rule maker, boundaries, digit keywords and
 * the validators that turn a check into a confidence.
 */
import type { Rule } from './rule.js';
import { ruleMaker } from './rule-builder.js';

/** A PII rule with the national ids' defaults (high severity, 0.6 before a check). */
export const nationalIdRule: ReturnType<typeof ruleMaker> = ruleMaker({
  category: 'pii',
  severity: 'high',
  confidence: 0.6,
  placeholderCheck: false,
});

/** Not followed by a letter or digit. */
export const NA = '(?![A-Za-z0-9])';
/** `first` not preceded by a letter or digit (look-behind after it, as in `pii-rules.ts`). */
export const NBF = (first: string, notAfter = '[A-Za-z0-9]'): string => `${first}(?<!${notAfter}.)`;
/** The ten digits: the keywords of a layout that starts with any digit. */
export const DIGITS: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** Every `digit sep digit` trigram: the keywords of punctuated layouts (`123.456`, `1 84`). */
export const pairs = (sep: string): readonly string[] =>
  DIGITS.flatMap((x) => DIGITS.map((y) => `${x}${sep}${y}`));
/** Keywords of dotted layouts. */
export const DOT_PAIRS: readonly string[] = pairs('.');
/** Keywords of spaced layouts. */
export const SPACE_PAIRS: readonly string[] = pairs(' ');

/**
 * The check passes: the confidence, else 0.
 *
 * @param check - the number's published check
 * @param confidence - the confidence when it passes
 * @returns a rule validator
 */
export const checked =
  (check: (s: string) => boolean, confidence: number): Rule['validate'] =>
  (s) =>
    check(s) ? confidence : 0;

/**
 * The check passes and one of the context words (any script) stands within 64
 * characters before the number: for words that are not all ASCII, which the
 * keyword prefilter cannot look for, and for short words it finds inside
 * other words (`sin` in `using`).
 *
 * @param check - the number's published check
 * @param words - the words that name the number
 * @param confidence - the confidence when both hold
 * @returns a rule validator
 */
export const checkedNear =
  (check: (s: string) => boolean, words: RegExp, confidence: number): Rule['validate'] =>
  (s, text, start) =>
    check(s) && words.test(text.slice(Math.max(0, start - 64), start)) ? confidence : 0;
