/**
 * Obvious placeholders that documentation and sample configs use instead of a
 * real credential. A value that looks like one is never reported as a secret.
 */
const PLACEHOLDER_WORDS =
  /example|sample|dummy|placeholder|your[_-]?(?:api|secret|key|token|pass)|changeme|change[_-]me|redacted|insert[_-]?|replace[_-]?me|notreal|not[_-]a[_-]real|lorem|foobar|test[_-]?(?:key|token|secret)|abcdefgh|12345678|xxxx|\*\*\*\*|\.\.\.|0000000000|\bnull\b|undefined/i;

/** True when the value is a template, variable reference or filler. */
export function isPlaceholder(value: string): boolean {
  return (
    hasPlaceholderMarks(value) || longestRun(value) >= Math.max(6, Math.floor(value.length / 2))
  );
}

/** The tests of {@link isPlaceholder} other than the run of one repeated character. */
export function hasPlaceholderMarks(value: string): boolean {
  if (value.length === 0) return true;
  const c0 = value[0];
  // ${VAR}, $VAR, %VAR%, {{ var }}, <your-key>, [token]
  if (c0 === '$' || c0 === '%' || c0 === '<' || c0 === '{' || c0 === '[') return true;
  if (value.includes('${') || value.includes('{{') || value.includes('}}')) return true;
  if (PLACEHOLDER_WORDS.test(value)) return true;
  // "fake-token", "my_fake_key": filler; a long random string with FAKE spliced in is still reported.
  return /fake/i.test(value) && (value.length < 20 || /(?:^|[_\-.])fake(?:$|[_\-.])/i.test(value));
}

/** Length of the longest run of one repeated character. */
export function longestRun(s: string): number {
  let best = 0;
  let run = 0;
  // One read per unit; -1 is no UTF-16 unit, so the first unit starts a run.
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    run = c === prev ? run + 1 : 1;
    prev = c;
    if (run > best) best = run;
  }
  return best;
}
