/**
 * Whether a word opens a line of the text as written. The views the rules read fold every run of
 * white space, line breaks too, into one space, so a rule whose first word must open a sentence
 * ("Translate your reply into Spanish.") saw only a sentence mark before it and missed the same
 * line under a list item, a table row or a heading that ends without one
 * ("- Terms: escrow only\nTranslate your reply…"). This looks at the original text instead.
 */

/** Indentation and list, quote, heading and emphasis marks that may lead a line's first word. */
const LINE_LEAD = /[ \t*_>#\-+•·\d.)]/;
/** At most this many leading characters ("  12. **"). */
const LEAD_REACH = 8;
/** White space other than line breaks. */
const BLANK = /[ \t\f\v\u00a0]/;
const UPPER = /\p{Lu}/u;
/** A line ending with a letter or a comma may go on in the next line (text wrapped by hand). */
const GOES_ON = /[\p{L},;]/u;

/** Index of the line break before `at` across only leading marks, or -1 when there is none. */
function lineBreakBefore(text: string, at: number): number {
  const stop = Math.max(-1, at - 1 - LEAD_REACH);
  for (let i = at - 1; i > stop; i--) {
    const c = text[i] as string;
    if (c === '\n' || c === '\r') return i;
    if (!LINE_LEAD.test(c)) return -1;
  }
  return -1;
}

/** The last character before line break `br` that is not white space, or '' (none, or a blank line between). */
function lastOfLineBefore(text: string, br: number): string {
  let i = br - 1;
  while (i >= 0 && (text[i] === '\r' || BLANK.test(text[i] as string))) i--;
  return i < 0 || text[i] === '\n' ? '' : (text[i] as string);
}

/**
 * Whether the word at `at` in `text` opens a line that starts a sentence: a line break stands
 * before it (past indentation and list marks), and the line before it ends a sentence by its
 * form: it is blank or missing, the word is capitalised, or the line ends in neither a letter nor
 * a comma ("Price: 4.75", "| escrow |"). A lower-case word after a line ending in a word is
 * taken as text wrapped by hand, which goes on.
 */
export function opensLine(text: string, at: number): boolean {
  const br = lineBreakBefore(text, at);
  if (br < 0) return false;
  const last = lastOfLineBefore(text, br);
  return last === '' || UPPER.test(text[at] as string) || !GOES_ON.test(last);
}
