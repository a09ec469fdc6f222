/**
 * The placeholder grammar of `@clawexchange/detectors` (`[EMAIL#1]`,
 * `[SECRET:aws-access-key#2]`) and where a restored value could leave the
 * host: URLs, markdown link and image targets, HTML tags (attributes).
 */

/** Every placeholder `redact()` issues. */
export const PLACEHOLDER: RegExp = /\[([A-Z_]{1,40}(?::[a-z0-9-]{1,64})?)#\d{1,9}\]/g;

/** The longest placeholder: `[` + 40 + `:` + 64 + `#` + 9 digits + `]`. */
export const MAX_PLACEHOLDER_CHARS: number = 1 + 40 + 1 + 64 + 1 + 9 + 1;

const PREFIX: RegExp =
  /^\[(?:[A-Z_]{0,40}|[A-Z_]{1,40}:[a-z0-9-]{0,64}|[A-Z_]{1,40}(?::[a-z0-9-]{1,64})?#\d{0,9})$/;

/**
 * Whether `tail` could still grow into a placeholder (a partial one, e.g.
 * `[SECR` or `[EMAIL#1`).
 *
 * @param tail - text starting at a `[`
 * @returns true when more characters could complete it
 */
export function isPlaceholderPrefix(tail: string): boolean {
  return tail.length <= MAX_PLACEHOLDER_CHARS && PREFIX.test(tail);
}

const SCHEME =
  /(?:^|[^a-z0-9+.-])[a-z][a-z0-9+.-]{0,30}:\/\/|(?:^|[^a-z])(?:mailto|data|javascript|tel|sms):|^\(?www\./i;
const REF_DEFINITION = /^ {0,3}\[[^\]\n]{1,999}\]:/;

function inUrlToken(before: string): boolean {
  // A URL ends at whitespace, quotes and angle brackets: the token is what follows the last of them.
  const token = before.slice(Math.max(before.search(/[^\s"'<>`]*$/u), 0));
  return SCHEME.test(token);
}

function inMarkdownTarget(before: string): boolean {
  const open = before.lastIndexOf('](');
  if (open >= 0 && !/[)\n]/.test(before.slice(open + 2))) return true;
  const line = before.slice(before.lastIndexOf('\n') + 1);
  return REF_DEFINITION.test(line);
}

function inHtmlTag(before: string): boolean {
  const lt = before.lastIndexOf('<');
  return lt > before.lastIndexOf('>') && /^<[a-z/!?]/i.test(before.slice(lt, lt + 2));
}

/**
 * Whether a placeholder preceded by `before` sits where a value could leave
 * the host: in a URL, a markdown link or image target (or reference
 * definition), or inside an HTML tag. Decided on the preceding text only, so
 * streaming and whole-text restoration agree.
 *
 * @param before - the text before the placeholder (a window is enough)
 * @returns true for a link context
 */
export function isLinkContext(before: string): boolean {
  return inUrlToken(before) || inMarkdownTarget(before) || inHtmlTag(before);
}
