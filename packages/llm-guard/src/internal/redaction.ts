/**
 * A redaction session: redacts every text of one call through
 * `@clawexchange/detectors` with one shared mapping (equal values get equal
 * placeholders), and restores the answer with it. The mapping lives only
 * in the session, which lives only for the call.
 */
import { type Replacement, redact } from '@clawexchange/detectors';
import { createPseudonymTable, WITHHELD_TYPE } from './literals.js';
import { createLinkTracker, type LinkTracker, PLACEHOLDER } from './placeholders.js';

/** Which placeholder types may be restored in link contexts. */
export type RestorePolicy = {
  /** Types (`EMAIL`, `SECRET:aws-access-key`) or categories (`SECRET`) allowed in links; `'*'` allows all. */
  readonly restoreInLinks: ReadonlySet<string>;
};

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
  /** How many distinct secret and PII values were replaced (literals not counted). */
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
    /** Placeholder → the exact text it stands for. */
    readonly map: ReadonlyMap<string, string>;
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
    out += text.slice(last, m.index) + (keep ? placeholder : rep);
    // The link state follows the vendor's text as written (placeholders, not values).
    tracker.feed(placeholder);
    last = m.index + placeholder.length;
  }
  tracker.feed(text.slice(last));
  return out + text.slice(last);
}

/**
 * Writes every placeholder in `text` as the exact text it stands for (no link policy).
 *
 * @param text - text holding placeholders
 * @param map - placeholder → exact text
 * @returns the expanded text
 */
function expand(text: string, map: ReadonlyMap<string, string>): string {
  return text.replace(PLACEHOLDER, (p) => map.get(p) ?? p);
}

/**
 * Starts a redaction session for one call. Placeholder-shaped text already
 * in the input is pseudonymised first (`[LITERAL#n]`, see `literals.ts`),
 * then the detectors redact secrets and PII; every issued placeholder maps
 * to the exact original text, so `restore(redact(x)) === x` (links allowed).
 * A detector value that holds a `LITERAL` placeholder is stored expanded; a
 * text whose round trip would still not be exact is withheld whole
 * (`[WITHHELD#n]`) rather than sent.
 *
 * @param policy - where restoration may write values
 * @returns the session
 */
export function createRedactionSession(policy: RestorePolicy): RedactionSession {
  let replacements: readonly Replacement[] = [];
  const map = new Map<string, string>();
  const own = createPseudonymTable(map);
  return {
    redact(text) {
      const result = redact(own.encodeLiterals(text), { previous: replacements });
      // Issue order: a value can only hold placeholders issued before it.
      for (const r of result.replacements.slice(replacements.length)) {
        map.set(r.placeholder, expand(r.value, map));
      }
      replacements = result.replacements;
      if (expand(result.text, map) === text) return result.text;
      return own.placeholder(WITHHELD_TYPE, text);
    },
    restore(text, options = {}) {
      return restoreWith(text, { map, policy, ...options });
    },
    count: () => replacements.length,
  };
}
