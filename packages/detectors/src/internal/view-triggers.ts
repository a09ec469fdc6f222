/**
 * Keywords that tell the secret and PII scans which decoded views a text
 * needs. They ride in the keyword automaton that every scan already runs, so
 * a text with nothing encoded pays no extra pass: `%` for URL-encoding, `\x`
 * and `\u` for escapes, `&#` and named references for HTML entities, the
 * seams of concatenated literals, and for each token prefix its spelling
 * spaced out and reversed. (Base64 and hex runs need no trigger: the walk
 * over them is cheap, and a run that does not decode to printable text is
 * dropped after its first few characters.)
 */

/** What a trigger asks for, as bits. */
export const ViewTrigger = {
  PERCENT: 1,
  BACKSLASH: 2,
  ENTITY: 4,
  CONCAT: 8,
  SPACED: 16,
  REVERSED: 32,
} as const;

/** HTML named references whose character can sit in a credential or an address. */
export const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  sol: '/',
  lowbar: '_',
  underbar: '_',
  period: '.',
  colon: ':',
  equals: '=',
  plus: '+',
  dash: '-',
  hyphen: '-',
  minus: '-',
  num: '#',
  dollar: '$',
  percnt: '%',
  commat: '@',
  comma: ',',
  excl: '!',
  quest: '?',
  ast: '*',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  lcub: '{',
  rcub: '}',
  tilde: '~',
  hat: '^',
  semi: ';',
  bsol: '\\',
  verbar: '|',
  nbsp: ' ',
};

const QUOTES = ['"', "'", '`'];
/** Operators between two concatenated literals (none: adjacent literals, `'a' 'b'`). */
const JOINERS = ['+', '.', '..', '||', '&', '~'];
/** Length of the token prefix whose encoded spellings are triggers. */
const PREFIX = 4;

/**
 * Trigger keywords (lower case, as the automaton wants them) and their bits.
 * @param tokenPrefixes - the keywords of the secret rules (lower case)
 * @returns keyword → OR of {@link ViewTrigger} bits
 */
export function viewTriggerKeywords(tokenPrefixes: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (k: string, bit: number): void => {
    out.set(k, (out.get(k) ?? 0) | bit);
  };
  add('%', ViewTrigger.PERCENT);
  add('\\x', ViewTrigger.BACKSLASH);
  add('\\u', ViewTrigger.BACKSLASH);
  add('&#', ViewTrigger.ENTITY);
  for (const name of Object.keys(NAMED_REFERENCES)) add(`&${name};`, ViewTrigger.ENTITY);
  for (const q of QUOTES) {
    for (const j of JOINERS) {
      add(`${q}${j}`, ViewTrigger.CONCAT);
      add(`${q} ${j}`, ViewTrigger.CONCAT);
    }
    for (const q2 of QUOTES) add(`${q} ${q2}`, ViewTrigger.CONCAT);
    add(`\${${q}`, ViewTrigger.CONCAT);
    add(`\${ ${q}`, ViewTrigger.CONCAT);
  }
  for (const kw of tokenPrefixes) {
    // Printable ASCII prefixes without spaces only (the automaton folds white space).
    if (kw.length < PREFIX || !/^[\x21-\x7e]+$/.test(kw)) continue;
    const p = kw.slice(0, PREFIX);
    add([...p].join(' '), ViewTrigger.SPACED);
    add([...p].reverse().join(''), ViewTrigger.REVERSED);
  }
  return out;
}
