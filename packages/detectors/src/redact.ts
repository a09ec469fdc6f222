import { resolveOptions, scanResolved } from './internal/engine.js';
import { checkDetectorOptions, REDACT_SPEC } from './internal/option-keys.js';
import type { Finding, RedactOptions, RedactResult, Replacement } from './types.js';

function placeholderBase(f: Finding): string {
  if (f.category === 'secret') return `SECRET:${f.type}`;
  return f.type.toUpperCase().replace(/-/g, '_');
}

/**
 * Replaces findings (secrets and PII; injection spans are left in place) with placeholders.
 * @internal shared by {@link redact} and detectors
 */
export function redactWith(
  text: string,
  findings: readonly Finding[],
  previous: readonly Replacement[],
): RedactResult {
  const byValue = new Map<string, Replacement>();
  const counters = new Map<string, number>();
  const used = new Set<string>();
  for (const p of previous) {
    byValue.set(`${p.category}|${p.type}|${p.value}`, p);
    used.add(p.placeholder);
    const m = /^\[(.*)#(\d+)\]$/.exec(p.placeholder);
    if (m) counters.set(m[1] as string, Math.max(counters.get(m[1] as string) ?? 0, Number(m[2])));
  }
  const replacements: Replacement[] = [...previous];
  let out = '';
  let cursor = 0;
  for (const f of findings) {
    if (f.category === 'injection' || f.start < cursor) continue;
    const value = text.slice(f.start, f.end);
    const key = `${f.category}|${f.type}|${value}`;
    let rep = byValue.get(key);
    if (!rep) {
      const base = placeholderBase(f);
      let n = (counters.get(base) ?? 0) + 1;
      while (used.has(`[${base}#${n}]`) || text.includes(`[${base}#${n}]`)) n++;
      counters.set(base, n);
      rep = { placeholder: `[${base}#${n}]`, value, category: f.category, type: f.type };
      used.add(rep.placeholder);
      byValue.set(key, rep);
      replacements.push(rep);
    }
    out += text.slice(cursor, f.start) + rep.placeholder;
    cursor = f.end;
  }
  out += text.slice(cursor);
  return { text: out, replacements };
}

/**
 * Replaces every secret and PII finding with a stable typed placeholder
 * (`[SECRET:aws-access-key#1]`, `[EMAIL#1]`); equal values share one
 * placeholder. The mapping lives only in the returned object: keep it in
 * memory and pass it to {@link restore}.
 * @param text - the text to redact
 * @param options - scan options plus `previous` replacements to reuse
 * @returns the redacted text and the replacements
 * @throws {DetectorError} as {@link scan}
 * @example
 * ```ts
 * const { text, replacements } = redact('mail me at jo@example.org');
 * // text === 'mail me at [EMAIL#1]'
 * restore(text, replacements); // original text
 * ```
 */
export function redact(text: string, options?: RedactOptions): RedactResult {
  if (options !== undefined && options !== null) checkDetectorOptions(options, REDACT_SPEC);
  const { previous, ...scanOptions } = options ?? {};
  const cats = (scanOptions.categories ?? ['secret', 'pii']).filter((c) => c !== 'injection');
  const r = resolveOptions({ ...scanOptions, categories: cats });
  // A placeholder can expose a neighbour that a token boundary hid ("KEY4539…" → "KEY[CARD#1]"),
  // so redact until nothing is left (bounded: each pass removes at least one finding).
  let result = redactWith(text, scanResolved(text, r), previous ?? []);
  for (let pass = 0; pass < 4; pass++) {
    const more = scanResolved(result.text, r).filter((f) => f.category !== 'injection');
    if (more.length === 0) break;
    result = redactWith(result.text, more, result.replacements);
  }
  return result;
}

/**
 * Puts the original values back in place of the placeholders from {@link redact}
 * (e.g. in an LLM vendor's answer). Unknown placeholders are left as they are.
 * @param text - text containing placeholders
 * @param replacements - the mapping from {@link redact}
 * @returns the restored text
 */
export function restore(text: string, replacements: readonly Replacement[]): string {
  if (replacements.length === 0) return text;
  const map = new Map(replacements.map((r) => [r.placeholder, r.value]));
  return text.replace(/\[[A-Z_]{1,40}(?::[a-z0-9-]{1,64})?#\d{1,9}\]/g, (p) => map.get(p) ?? p);
}
