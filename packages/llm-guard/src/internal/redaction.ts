/**
 * A redaction session: redacts every text of one call through
 * `@clawexchange/detectors` with one shared mapping (equal values get equal
 * placeholders), and restores the answer with it. The mapping lives only
 * in the session, which lives only for the call.
 */
import { type Replacement, redact } from '@clawexchange/detectors';
import { createLinkTracker, type LinkTracker, PLACEHOLDER } from './placeholders.js';

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

/** What restoration knows of the text before `text`: the text, or a tracker fed with it. */
export type RestoreContext = {
  readonly before?: string;
  readonly context?: LinkTracker;
};

/** One call's redaction state. */
export type RedactionSession = {
  /** Redacts `text`, reusing earlier placeholders for equal values. */
  redact(text: string): string;
  /**
   * Restores placeholders in `text`, except in link contexts the policy does not allow.
   * `context` carries the link state of the text before (streaming); `before` is that text itself.
   */
  restore(text: string, options?: RestoreContext): string;
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
 * The link context is tracked over the whole text (and what came before),
 * so a link opened any distance before a placeholder is seen.
 *
 * @param text - text holding placeholders
 * @param input - the mapping, the policy and (streaming) the text or link state before
 * @returns the restored text
 */
export function restoreWith(
  text: string,
  input: RestoreContext & {
    readonly map: ReadonlyMap<string, Replacement>;
    readonly policy: RestorePolicy;
  },
): string {
  const tracker = input.context ?? createLinkTracker();
  if (input.context === undefined && input.before !== undefined) tracker.feed(input.before);
  if (input.map.size === 0) {
    tracker.feed(text);
    return text;
  }
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const [placeholder, type = ''] = m;
    tracker.feed(text.slice(last, m.index));
    const rep = input.map.get(placeholder);
    const keep = rep === undefined || (!allowedInLinks(type, input.policy) && tracker.isLink());
    out += text.slice(last, m.index) + (keep ? placeholder : rep.value);
    // The link state follows the vendor's text as written (placeholders, not values).
    tracker.feed(placeholder);
    last = m.index + placeholder.length;
  }
  tracker.feed(text.slice(last));
  return out + text.slice(last);
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
