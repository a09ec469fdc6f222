import type { Category, Severity } from '../types.js';

/** A compiled built-in or custom rule. */
export type Rule = {
  readonly category: Category;
  readonly type: string;
  /** Lower-case literal keywords; the rule runs only when one occurs (empty: always). */
  readonly keywords: readonly string[];
  /** Global regex; capture group `group` (default 0) is the sensitive value. */
  readonly re: RegExp;
  readonly group?: number;
  readonly severity: Severity;
  readonly confidence: number;
  /**
   * Confirms a candidate. Returns a confidence (0 rejects) or a boolean.
   * `text` is the whole input, `start` the value's offset.
   */
  readonly validate?: (value: string, text: string, start: number) => number | boolean;
  /** Skip obvious placeholders (xxxx, EXAMPLE, <your-key>, ${VAR}). @default true */
  readonly placeholderCheck?: boolean;
  /** Words that, within ~64 chars before the match, raise confidence (Presidio-style). */
  readonly context?: RegExp;
  /** Without a context word the finding is dropped. @default false */
  readonly needContext?: boolean;
  /**
   * Also look for a context word this many characters after the match ("AB123 es mi
   * pasaporte": many languages name the thing after the value). @default 0
   */
  readonly contextAfterChars?: number;
  /**
   * Every match holds at least this many consecutive ASCII digits, so a text
   * without such a run skips the rule.
   */
  readonly minDigitRun?: number;
  /**
   * A cheap pattern (starting on a rare character) found in every match the
   * rule keeps (`validate` rejects the others), so a text it does not match
   * skips the rule.
   */
  readonly gate?: RegExp;
  /**
   * `false`: the rule's keywords ask for no decoded view (their base64 and hex spellings do
   * not make a secrets-only scan decode blobs, their spaced and reversed spellings build no
   * view). For keywords of three characters, whose encoded spellings random base64 holds too
   * often, palindromic ones (`aaaa`, `atta`), and config names. @default true
   */
  readonly viewTrigger?: boolean;
};

/** Raw finding before redaction and de-duplication. */
export type RawFinding = {
  category: Category;
  type: string;
  start: number;
  end: number;
  confidence: number;
  severity: Severity;
};
