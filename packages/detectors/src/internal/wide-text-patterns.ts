/**
 * Rule patterns for text beyond Latin-1. V8 compiles an expression apart for each width of
 * string it runs on (one-byte, two-byte). For two-byte text, the `u` flag compiles each copy of a
 * class such as `[^\p{L}\p{N}]` into tests of every surrogate pair it holds, which is slow and
 * large: the first scan of a text that ran nearly every injection rule spent 7.8 s compiling
 * them, into 80 MB of code. The same pattern under the `v` flag (Unicode sets) matches the same
 * strings and compiles about ten times faster, into under a third of the code; on one-byte text,
 * though, V8 skips ahead less well under `v`, and attack-dense ASCII text scanned 12–23% slower.
 * So a rule runs its own `u` pattern on text of Latin-1 characters and a `v` twin on wider text.
 */

/** Twins made so far, one per rule pattern, made on first use (most are never needed). */
const TWINS = new WeakMap<RegExp, RegExp>();

const BEYOND_LATIN1 = /[^\0-\xff]/;

/** Whether `text` holds a character beyond Latin-1 (V8 then stores it two bytes a character). */
export function isBeyondLatin1(text: string): boolean {
  return BEYOND_LATIN1.test(text);
}

/**
 * The pattern to run on a text: `re` itself (a `u`-flag rule pattern), or on text beyond
 * Latin-1 (`wide`) its twin under the `v` flag, which matches exactly what `re` matches.
 */
export function patternFor(re: RegExp, wide: boolean): RegExp {
  if (!wide) return re;
  let twin = TWINS.get(re);
  if (twin === undefined) {
    twin = new RegExp(re.source, re.flags.replace('u', 'v'));
    TWINS.set(re, twin);
  }
  return twin;
}
