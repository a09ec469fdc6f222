/**
 * Minimisation: at most N snippets from the named fields of `page`, in
 * selector order, each cut to at most M characters at a word boundary.
 */
import type { Selector } from '../types.js';

/** The limits minimisation applies. */
export type MinimiseLimits = { readonly maxSnippets: number; readonly snippetMaxChars: number };

/** One snippet taken from `page`. */
export type Snippet = { readonly name: string; readonly text: string };

const SPACE = /\s/u;

/**
 * Cuts `text` to at most `maxChars` UTF-16 units, at the last whitespace at
 * or before the limit (so no word is cut in half), never splitting a
 * surrogate pair. A single word longer than the limit is cut hard.
 *
 * @param text - the field's text
 * @param maxChars - the limit
 * @returns the cut text, trimmed at the end
 */
export function cutAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = maxChars;
  // A boundary sits where the next char is whitespace; scan back for it.
  while (end > 0 && !SPACE.test(text[end] ?? '')) end--;
  if (end === 0) end = maxChars;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end).trimEnd();
}

/**
 * Takes the snippets: fields named by `selectors`, in order, skipping
 * absent, non-string and blank ones, at most `maxSnippets`. Each field is
 * passed through `transform` (redaction) whole, before it is cut: a cut
 * first could drop what makes a secret recognisable (a private key's END
 * line) and send the rest raw.
 *
 * @param page - the record
 * @param selectors - the fields, in order
 * @param limits - N snippets, M characters
 * @param transform - applied to each whole field before the cut (identity by default)
 * @returns the snippets
 */
export function minimise(
  page: Readonly<Record<string, unknown>>,
  selectors: readonly Selector[],
  limits: MinimiseLimits,
  transform: (text: string) => string = (t) => t,
): Snippet[] {
  const out: Snippet[] = [];
  for (const { name } of selectors) {
    if (out.length >= limits.maxSnippets) break;
    const value = Object.hasOwn(page, name) ? page[name] : undefined;
    if (typeof value !== 'string' || value.trim() === '') continue;
    out.push({ name, text: cutAtWord(transform(value.trim()).trim(), limits.snippetMaxChars) });
  }
  return out;
}
