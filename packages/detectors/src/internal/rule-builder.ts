/**
 * The one way built-in rule files declare a regex rule: a category's
 * defaults, then per rule its type, keywords, pattern source and options.
 */
import type { Category, Severity } from '../types.js';
import type { Rule } from './rule.js';

/** Per-rule options; anything left out takes the category's default or stays unset. */
export type RuleOptions = {
  readonly severity?: Severity;
  readonly confidence?: number;
  readonly group?: number;
  /** Extra RegExp flags besides `g`. */
  readonly flags?: string;
  readonly validate?: Rule['validate'];
  readonly placeholderCheck?: boolean;
  readonly gate?: RegExp;
  readonly context?: RegExp;
  readonly needContext?: boolean;
  readonly contextAfterChars?: number;
  readonly minDigitRun?: number;
  readonly viewTrigger?: boolean;
};

/** A category's defaults for {@link ruleMaker}. */
export type RuleDefaults = {
  readonly category: Category;
  readonly severity: Severity;
  readonly confidence: number;
  /** Set on every rule of the file unless a rule says otherwise. */
  readonly placeholderCheck?: boolean;
};

/**
 * Makes the `rule(type, keywords, source, options)` function of one rule file.
 *
 * @param defaults - category, default severity and confidence (and placeholder check)
 * @returns a function building one {@link Rule}; the pattern is compiled with `g`
 */
export function ruleMaker(
  defaults: RuleDefaults,
): (type: string, keywords: readonly string[], source: string, o?: RuleOptions) => Rule {
  return (type, keywords, source, o = {}) => {
    const placeholderCheck = o.placeholderCheck ?? defaults.placeholderCheck;
    return {
      category: defaults.category,
      type,
      keywords,
      re: new RegExp(source, `g${o.flags ?? ''}`),
      severity: o.severity ?? defaults.severity,
      confidence: o.confidence ?? defaults.confidence,
      ...(placeholderCheck !== undefined ? { placeholderCheck } : {}),
      ...(o.group !== undefined ? { group: o.group } : {}),
      ...(o.validate ? { validate: o.validate } : {}),
      ...(o.context ? { context: o.context } : {}),
      ...(o.needContext ? { needContext: true } : {}),
      ...(o.contextAfterChars !== undefined ? { contextAfterChars: o.contextAfterChars } : {}),
      ...(o.minDigitRun !== undefined ? { minDigitRun: o.minDigitRun } : {}),
      ...(o.gate ? { gate: o.gate } : {}),
      ...(o.viewTrigger === false ? { viewTrigger: false } : {}),
    };
  };
}
