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

// A scheme (or `www.`) that ends at the token's last character; tested when `/`, `:` or `.` arrives.
const SCHEME_AT_END =
  /(?:(?:^|[^a-z0-9+.-])[a-z][a-z0-9+.-]{0,30}:\/\/|(?:^|[^a-z])(?:mailto|data|javascript|tel|sms):|^\(?www\.)$/i;
const REF_DEFINITION = /^ {0,3}\[[^\]\n]{1,999}\]:/;
const URL_END = /[\s"'<>`]/u;
/** Characters kept of a URL token: more than the longest scheme match plus the character before it. */
const TOKEN_TAIL = 48;
/** Characters kept of a line: more than the longest reference-definition label. */
const LINE_HEAD = 1010;

/**
 * Tracks, over all the text fed so far, whether the next character stands
 * where a value could leave the host: in a URL, a markdown link or image
 * target (or reference definition), or inside an HTML tag. Linear in the
 * text, with bounded memory, however long the URL, tag or line is (a
 * fixed window of preceding text would be blind to a link opened before it).
 */
export type LinkTracker = {
  /** Consumes the next piece of text. */
  feed(text: string): void;
  /** Whether the position after everything fed is a link context. */
  isLink(): boolean;
};

/**
 * Starts a {@link LinkTracker} at the beginning of a text.
 *
 * @returns the tracker
 */
export function createLinkTracker(): LinkTracker {
  let pos = 0;
  let prev = '';
  let token = '';
  let tokenLink = false;
  let lastLt = -1;
  let afterLt: string | undefined;
  let lastGt = -1;
  let mdOpen = -1;
  let mdBreak = -1;
  let line = '';
  function urlChar(c: string): void {
    if (URL_END.test(c)) {
      token = '';
      tokenLink = false;
      return;
    }
    token += c;
    if (token.length > TOKEN_TAIL) {
      token = token.slice(-TOKEN_TAIL);
    }
    if (tokenLink || (c !== '/' && c !== ':' && c !== '.')) return;
    // A kept tail is longer than any match plus the character before it, so a `^` match at
    // its start can only happen while the tail is the whole token.
    tokenLink = SCHEME_AT_END.test(token);
  }
  function step(c: string): void {
    urlChar(c);
    if (pos === lastLt + 1) afterLt = c;
    if (c === '<') {
      lastLt = pos;
      afterLt = undefined;
    } else if (c === '>') lastGt = pos;
    if (c === '(' && prev === ']') mdOpen = pos - 1;
    if (c === ')' || c === '\n') mdBreak = pos;
    if (c === '\n') line = '';
    else if (line.length < LINE_HEAD) line += c;
    prev = c;
    pos++;
  }
  return {
    feed(text) {
      for (const c of text) {
        step(c);
        // A surrogate pair is one step but two UTF-16 units: keep positions in units.
        if (c.length === 2) pos++;
      }
    },
    isLink() {
      const inTag = lastLt > lastGt && afterLt !== undefined && /^[a-z/!?]$/i.test(afterLt);
      const inMarkdown = (mdOpen >= 0 && mdBreak < mdOpen + 2) || REF_DEFINITION.test(line);
      return tokenLink || inMarkdown || inTag;
    },
  };
}

/**
 * Whether a placeholder preceded by `before` sits where a value could leave
 * the host: in a URL, a markdown link or image target (or reference
 * definition), or inside an HTML tag. Decided on the preceding text only, so
 * streaming and whole-text restoration agree.
 *
 * @param before - all the text before the placeholder
 * @returns true for a link context
 */
export function isLinkContext(before: string): boolean {
  const tracker = createLinkTracker();
  tracker.feed(before);
  return tracker.isLink();
}
