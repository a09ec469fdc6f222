/**
 * The `u`-flag form of a `v`-flag rule, for tools that read only `u` patterns (recheck's ReDoS
 * proof, fast-check's string generator): its Basic Multilingual Plane classes widened to every
 * plane. The word and separator classes stay complements of each other, so the form has the
 * same alternatives and the same ambiguity as the rule; only astral letters change side.
 */
import { BMP_CLASS_BODIES } from './injection-rule-kit.js';

/** The `u`-flag bodies of {@link BMP_CLASS_BODIES}. */
const ALL_PLANES: typeof BMP_CLASS_BODIES = {
  letterOrDigit: '\\p{L}\\p{N}',
  wordChar: "\\p{L}\\p{N}'’\\-",
};

/**
 * `re` itself, or for a `v`-flag rule its `u`-flag form (throws if it holds other `v` syntax).
 * @param re - a built-in rule's expression
 */
export function unicodeFlagForm(re: RegExp): RegExp {
  if (!re.flags.includes('v')) return re;
  let source = re.source;
  for (const key of ['letterOrDigit', 'wordChar'] as const) {
    source = source
      .replaceAll(`[^${BMP_CLASS_BODIES[key]}]`, `[^${ALL_PLANES[key]}]`)
      .replaceAll(`[${BMP_CLASS_BODIES[key]}]`, `[${ALL_PLANES[key]}]`);
  }
  return new RegExp(source, re.flags.replace('v', 'u'));
}
