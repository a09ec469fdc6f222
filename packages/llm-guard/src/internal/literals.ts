/**
 * Pseudonyms the guard issues itself, beside the detectors' ones: every
 * placeholder-shaped substring already in the input (`[EMAIL#1]` typed by an
 * agent) becomes a `[LITERAL#n]` placeholder of its own, so the vendor never
 * sees a literal that could be taken for an issued placeholder, and
 * restoration gives the exact literal text back.
 */
import { PLACEHOLDER } from './placeholders.js';

/** The placeholder type standing for placeholder-shaped text found in the input. */
export const LITERAL_TYPE = 'LITERAL';

/** The placeholder type standing for a whole text that could not be redacted reversibly. */
export const WITHHELD_TYPE = 'WITHHELD';

/** A call's own pseudonyms: equal texts of one type get one placeholder. */
export type PseudonymTable = {
  /** The placeholder for `value` of `type`, issued on first use; `values` learns it. */
  placeholder(type: string, value: string): string;
  /** Replaces every placeholder-shaped substring of `text` with a `LITERAL` placeholder. */
  encodeLiterals(text: string): string;
};

/**
 * Starts a pseudonym table that records what it issues in `values`
 * (placeholder → exact text), the map restoration reads.
 *
 * @param values - the call's placeholder → value map
 * @returns the table
 */
export function createPseudonymTable(values: Map<string, string>): PseudonymTable {
  const issued = new Map<string, string>();
  const counters = new Map<string, number>();
  function placeholder(type: string, value: string): string {
    const key = `${type}|${value}`;
    const known = issued.get(key);
    if (known !== undefined) return known;
    const n = (counters.get(type) ?? 0) + 1;
    counters.set(type, n);
    const p = `[${type}#${n}]`;
    issued.set(key, p);
    values.set(p, value);
    return p;
  }
  return {
    placeholder,
    encodeLiterals(text) {
      if (!text.includes('#')) return text;
      // Placeholders never contain brackets, so replacing them cannot form new ones.
      return text.replace(PLACEHOLDER, (literal) => placeholder(LITERAL_TYPE, literal));
    },
  };
}
