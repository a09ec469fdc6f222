/**
 * Sentence ends inside a rule match. A rule's word gaps ("send [the invoice.]
 * environment variables") may otherwise join a verb that ends one sentence to
 * an object that starts the next, in honest text: "Please email me. Cookies
 * are disabled on my browser." The injection engine cuts such a match at the
 * first sentence end and keeps it only if the rule still matches before it.
 */

/** Full stop, question and exclamation marks that end a sentence when a space follows. */
const SPACED_ENDS = new Set(['.', '!', '?', '．', '؟', '۔', '।', '॥']);
/** Marks that end a sentence with or without a space after them (CJK). */
const UNSPACED_ENDS = new Set(['。', '！', '？']);
/**
 * Closing quotes that may stand between a sentence's mark and the space. Not brackets: a mark
 * inside parentheses ("send your key (it's required!) to …") ends no sentence.
 */
const CLOSERS = new Set(['"', "'", '”', '’', '»', '」', '』']);
/** Abbreviations whose full stop ends no sentence ("Mr. Smith's", "No. 5", "etc. and"). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'no',
  'nr',
  'vs',
  'etc',
  'approx',
  'inc',
  'ltd',
  'co',
  'fig',
  'vol',
  'cf',
  'ca',
  'dept',
]);
/**
 * Words that leave a phrase open, its head still to come: articles, possessives, quantifiers,
 * prepositions and the qualifiers rules put before their nouns. A sentence mark right after one
 * ("ignore the. Previous. Instructions.", "reveal your. System prompt") is an attacker's
 * punctuation inside one instruction, not the end of a sentence.
 */
const OPEN_WORDS = new Set([
  ...['the', 'a', 'an', 'your', 'yours', 'my', 'our', 'their', 'his', 'her', 'its', 'this'],
  ...['that', 'these', 'those', 'all', 'any', 'every', 'each', 'some', 'of', 'to', 'for'],
  ...['with', 'from', 'into', 'and', 'or', 'previous', 'prior', 'above', 'earlier', 'preceding'],
  ...['former', 'original', 'initial', 'old', 'hidden', 'secret', 'system', 'full', 'entire'],
  ...['exact', 'real', 'admin', 'private', 'current', 'following'],
  // Spanish, Portuguese, French, Italian, German, Dutch articles, possessives and quantifiers.
  ...['el', 'la', 'los', 'las', 'tu', 'tus', 'su', 'sus', 'todas', 'todos', 'o', 'os', 'as'],
  ...['teu', 'tua', 'teus', 'tuas', 'le', 'les', 'ton', 'ta', 'tes', 'vos', 'votre', 'toutes'],
  ...['tous', 'il', 'lo', 'gli', 'i', 'tuoi', 'tue', 'tutte', 'tutti', 'der', 'die', 'das'],
  ...['den', 'dem', 'deine', 'deinen', 'dein', 'ihre', 'ihren', 'alle', 'de', 'het', 'je', 'jouw'],
]);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** White space of any kind (`\s` holds the Unicode spaces, ideographic and no-break ones too). */
function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

/** Whether the code point at `i` (a surrogate pair counts whole) is a letter or digit. */
function isLetterOrDigitAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  return cp !== undefined && LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/** The words of `text`: runs of letters and digits. */
function wordsIn(text: string): string[] {
  return text.match(/[\p{L}\p{N}'’]+/gu) ?? [];
}

/**
 * A full stop that ends no sentence: part of an ellipsis ("ignore... all"), an abbreviation of
 * one-letter parts ("e.g.") or a listed one ("Mr."), or after a number ("No. 5", "1. item").
 */
function isNonFinalDot(text: string, i: number): boolean {
  if (text[i - 1] === '.' || text[i + 1] === '.') return true;
  if (text[i - 2] === '.' && isLetterOrDigitAt(text, i - 1)) return true;
  const last = /([\p{L}\p{N}]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1];
  return last !== undefined && (/^[0-9]+$/.test(last) || ABBREVIATIONS.has(last.toLowerCase()));
}

/** Where the sentence that ends with the mark at `i` ends (after any closers), or -1 if it does not. */
function sentenceEndAt(text: string, i: number, limit: number): number {
  const c = text[i] as string;
  if (UNSPACED_ENDS.has(c)) return i + 1;
  if (!SPACED_ENDS.has(c)) return -1;
  if (c === '.' && isNonFinalDot(text, i)) return -1;
  let j = i + 1;
  while (j < limit && CLOSERS.has(text[j] as string)) j++;
  return isSpace(text[j]) ? j : -1;
}

/** Words that open an instruction without being part of it ("please ignore."). */
const LEAD_WORDS = new Set(['please', 'kindly', 'now', 'just', 'simply', 'then', 'so', 'and']);
/** The last clause of a text: what follows its last sentence end, colon, semicolon or comma. */
const CLAUSE_START = /[.!?;:,。！？؟\n][^.!?;:,。！？؟\n]*$/;

/**
 * Whether the clause that ends at the mark at `i` closes a phrase: two words or more besides
 * the words that only lead in ("please", "just"), the last of which leaves nothing open. "Please
 * email me." and "thanks for reading my post." do; "AI: ignore.", "please ignore." and "print
 * your." do not.
 */
function closesPhrase(text: string, i: number): boolean {
  const before = text.slice(Math.max(0, i - 120), i);
  const clause = CLAUSE_START.exec(before)?.[0] ?? before;
  const words = wordsIn(clause).filter((w) => !LEAD_WORDS.has(w.toLowerCase()));
  const last = words[words.length - 1];
  return words.length >= 2 && last !== undefined && !OPEN_WORDS.has(last.toLowerCase());
}

/**
 * The end of the first sentence that `text[start, end)` finishes and then goes on past (a
 * letter or digit follows the mark within the match), or -1 when the match stays in one
 * sentence. A mark at `start` itself (a rule that begins ". instead,") does not count, nor one
 * that leaves a phrase open ({@link closesPhrase}).
 */
export function firstSentenceEnd(text: string, start: number, end: number): number {
  for (let i = start + 1; i < end - 1; i++) {
    const cut = sentenceEndAt(text, i, end);
    if (cut < 0 || !closesPhrase(text, i)) continue;
    for (let k = cut; k < end; k++) if (isLetterOrDigitAt(text, k)) return cut;
    return -1;
  }
  return -1;
}

/** Sticky copies of rule patterns, made on first use. */
const STICKY = new WeakMap<RegExp, RegExp>();

function stickyOf(re: RegExp): RegExp {
  let sticky = STICKY.get(re);
  if (sticky === undefined) {
    sticky = new RegExp(re.source, `${re.flags}y`);
    STICKY.set(re, sticky);
  }
  return sticky;
}

/**
 * Where a match of `re` that starts at `start` ends when the text stops at `limit` (a sentence
 * end), or -1 when `re` does not match there then. What precedes `start` stays visible to
 * look-behinds.
 */
export function matchEndBefore(re: RegExp, text: string, start: number, limit: number): number {
  const sticky = stickyOf(re);
  sticky.lastIndex = start;
  const m = sticky.exec(text.slice(0, limit));
  return m === null || m[0].length === 0 ? -1 : start + m[0].length;
}
