/**
 * Whether a rule match is an attack quoted by the poster, as security talk
 * quotes one ("a post that said '…'"), rather than an instruction wrapped in
 * quotation marks. Quotation marks alone prove nothing, nor does a word of
 * security talk somewhere else in the post ("e.g.", "beware", "spam"): the
 * poster must refer to the quoted text, in the clause that opens the quote or
 * right after it closes.
 */

/** A quotation around a match: offsets of its opening and closing marks in the view. */
export type Quotation = { readonly open: number; readonly close: number };

const PAIRS = [
  ['"', '"'],
  ['“', '”'],
  ['`', '`'],
  ['«', '»'],
  ['„', '“'],
  ["'", "'"],
] as const;

/** Characters searched before a match for its opening mark, and after it for the closing one. */
const QUOTE_REACH = 200;

/**
 * The quotation marks around `[start, end)` of `view`, or `null`. A match that
 * runs past the closing mark ("…instructions"; our filter) is still quoted.
 */
export function quotationAround(view: string, start: number, end: number): Quotation | null {
  const from = Math.max(0, start - QUOTE_REACH);
  const before = view.slice(from, start);
  const after = view.slice(start, end + QUOTE_REACH);
  for (const [o, c] of PAIRS) {
    const oi = before.lastIndexOf(o);
    if (oi < 0) continue;
    if (o === c && (before.slice(oi + 1).includes(c) || (before.split(o).length - 1) % 2 === 0))
      continue;
    const ci = after.indexOf(c);
    if (ci >= 0) return { open: from + oi, close: start + ci };
  }
  return null;
}

/** Longest clause read before an opening mark. */
const FRAME_CHARS = 100;

// The end of a sentence or a line, not the dot of an abbreviation ("e.g.", "i.e.", "etc.").
const SENTENCE_END = /(?:[!?]|(?<!\b(?:e\.g|i\.e|etc|vs|cf))\.)\s|\n/g;

// Words by which the poster refers to the text it quotes: "a post that said", "phrases like",
// "payloads such as", "e.g.", "quoting", "the string".
const CITING =
  /\b(?:said|says|saying|wrote|writes|read|reads|like|such as|e\.g\.?|i\.e\.?|for example|for instance|including|contain(?:s|ed|ing)?|told|asked|called|quot(?:e|es|ed|ing)|phrases?|strings?|payloads?|attempts?|examples?|patterns?|variants?|messages?|comments?|posts?|lines?|spellings?|wordings?)\b/i;

// Right after the closing mark, a sentence about the quoted text: "… is the classic attack",
// "… sections are the giveaway", "… — defanged", "… and similar".
const CITED_AFTER =
  /^[\s,.;]*(?:[—–]|-\s|(?:\p{L}+\s){0,2}(?:is|was|are|were|comes?|came|gets?|got|works?|worked|appears?|appeared|shows? up|showed up)\b|(?:and similar|or similar|and variants|style|type|etc)\b)/iu;

/** The clause before `open`: back to the last sentence or line end, at most {@link FRAME_CHARS}. */
function clauseBefore(view: string, open: number): string {
  const window = view.slice(Math.max(0, open - FRAME_CHARS), open);
  let cut = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(window); m; m = SENTENCE_END.exec(window))
    cut = m.index + m[0].length;
  return window.slice(cut);
}

/**
 * Whether the poster refers to the quotation: a citing word or a word of
 * security talk (`securityTalk`) in the clause that opens it, or a sentence
 * about it right after it closes.
 */
export function isCited(view: string, q: Quotation, securityTalk: RegExp): boolean {
  const frame = clauseBefore(view, q.open);
  if (CITING.test(frame) || securityTalk.test(frame)) return true;
  return CITED_AFTER.test(view.slice(q.close + 1, q.close + 41));
}
