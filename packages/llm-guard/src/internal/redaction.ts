/**
 * A redaction session: redacts every text of one call through
 * `@clawexchange/detectors` with one shared mapping (equal values get equal
 * placeholders), and restores the answer with it. The mapping lives only
 * in the session, which lives only for the call.
 */
import { type Replacement, redact } from '@clawexchange/detectors';
import { isLinkContext, PLACEHOLDER } from './placeholders.js';

/** Which placeholder types may be restored in link contexts. */
export type RestorePolicy = {
  /** Types (`EMAIL`, `SECRET:aws-access-key`) or categories (`SECRET`) allowed in links; `'*'` allows all. */
  readonly restoreInLinks: ReadonlySet<string>;
};

/**
 * Placeholder-shaped text already in the input (`[EMAIL#1]` typed by an
 * agent) gets a full-width number sign, so no input can forge or collide
 * with a placeholder the session issues: restoration stays unambiguous.
 *
 * @param text - input text
 * @returns the text with literal placeholders defanged
 */
export function defang(text: string): string {
  if (!text.includes('#')) return text;
  return text.replace(PLACEHOLDER, (p) => p.replace('#', '\uFF03'));
}

/** Text before a placeholder that restoration looks at (bounded, linear). */
export const CONTEXT_WINDOW = 2048;

/** One call's redaction state. */
export type RedactionSession = {
  /** Redacts `text`, reusing earlier placeholders for equal values. */
  redact(text: string): string;
  /** Restores placeholders in `text`, except in link contexts the policy does not allow. */
  restore(text: string, options?: { readonly before?: string }): string;
  /** How many distinct values were replaced. */
  readonly count: () => number;
};

function allowedInLinks(type: string, policy: RestorePolicy): boolean {
  const set = policy.restoreInLinks;
  return set.has('*') || set.has(type) || set.has(type.split(':')[0] ?? type);
}

/**
 * Restores `text` with `map`: every issued placeholder becomes its value,
 * unless it stands in a link context and its type is not allowed there.
 *
 * @param text - text holding placeholders
 * @param input - the mapping, the policy and (streaming) the text emitted before
 * @returns the restored text
 */
export function restoreWith(
  text: string,
  input: {
    readonly map: ReadonlyMap<string, Replacement>;
    readonly policy: RestorePolicy;
    readonly before?: string;
  },
): string {
  if (input.map.size === 0) return text;
  const prior = input.before ?? '';
  return text.replace(PLACEHOLDER, (placeholder: string, type: string, offset: number) => {
    const rep = input.map.get(placeholder);
    if (rep === undefined) return placeholder;
    if (allowedInLinks(type, input.policy)) return rep.value;
    const start = Math.max(0, offset - CONTEXT_WINDOW);
    const window =
      offset >= CONTEXT_WINDOW
        ? text.slice(start, offset)
        : (prior + text.slice(0, offset)).slice(-CONTEXT_WINDOW);
    return isLinkContext(window) ? placeholder : rep.value;
  });
}

/**
 * Starts a redaction session for one call.
 *
 * @param policy - where restoration may write values
 * @returns the session
 */
export function createRedactionSession(policy: RestorePolicy): RedactionSession {
  let replacements: readonly Replacement[] = [];
  const map = new Map<string, Replacement>();
  return {
    redact(text) {
      const result = redact(defang(text), { previous: replacements });
      replacements = result.replacements;
      for (const r of replacements) map.set(r.placeholder, r);
      return result.text;
    },
    restore(text, options = {}) {
      return restoreWith(text, { map, policy, ...options });
    },
    count: () => map.size,
  };
}
