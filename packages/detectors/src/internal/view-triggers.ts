/**
 * Keywords that tell the secret and PII scans which decoded views a text
 * needs. They ride in the keyword automaton that every scan already runs, so
 * a text with nothing encoded pays no extra pass: `%` for URL-encoding, `\x`
 * and `\u` for escapes, `&#` and named references for HTML entities, the
 * seams of concatenated literals, and for each token prefix its spelling
 * spaced out and reversed, and its base64 and hex spellings: a secret-only
 * scan decodes a text's base64 and hex runs only when one of those occurs
 * (personal data has no such announcement, so a scan that includes PII
 * always decodes them).
 */

/** What a trigger asks for, as bits. */
export const ViewTrigger = {
  PERCENT: 1,
  BACKSLASH: 2,
  ENTITY: 4,
  CONCAT: 8,
  SPACED: 16,
  REVERSED: 32,
  /** An encoded (base64 or hex) spelling of a token prefix: decode the text's blobs. */
  ENCODED: 64,
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

const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Shortest encoded spelling worth a trigger (shorter ones occur in every token). */
const MIN_ENCODED = 3;

/**
 * The base64 characters that `word` fixes whatever bytes surround it, for each of the three
 * alignments a word can have inside a base64 stream (each in standard and URL-safe form).
 * @param word - the bytes as a Latin-1 string
 */
export function base64Cores(word: string): string[] {
  const out: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const bytes = [...'\0'.repeat(pad), ...word].map((c) => c.charCodeAt(0) & 0xff);
    let core = '';
    const firstBit = 8 * pad;
    const lastBit = 8 * bytes.length;
    for (let j = Math.ceil(firstBit / 6); 6 * j + 6 <= lastBit; j++) {
      let v = 0;
      for (let b = 6 * j; b < 6 * j + 6; b++)
        v = (v << 1) | (((bytes[b >> 3] as number) >> (7 - (b & 7))) & 1);
      core += B64_ALPHABET[v];
    }
    if (core.length < MIN_ENCODED) continue;
    out.push(core);
    const url = core.replaceAll('+', '-').replaceAll('/', '_');
    if (url !== core) out.push(url);
  }
  return out;
}

/** `word`'s bytes as hex digits (lower case). */
const hexSpelling = (word: string): string =>
  [...word].map((c) => (c.charCodeAt(0) & 0xff).toString(16).padStart(2, '0')).join('');

/**
 * The spellings a secret rule's keywords take in real tokens: each keyword in lower case,
 * upper case and capitalised, and as the rule's pattern writes it (`AIza`, `eyJ`), since a
 * base64 spelling depends on the case of every letter.
 * @param rules - the secret rules
 */
export function casedKeywords(
  rules: readonly { readonly keywords: readonly string[]; readonly re: RegExp }[],
): string[] {
  const out = new Set<string>();
  for (const r of rules) {
    const src = r.re.source;
    const lower = src.toLowerCase();
    for (const kw of r.keywords) {
      out.add(kw);
      out.add(kw.toUpperCase());
      out.add(kw.charAt(0).toUpperCase() + kw.slice(1));
      const at = lower.indexOf(kw);
      if (at >= 0) out.add(src.slice(at, at + kw.length));
    }
  }
  return [...out];
}

/**
 * Trigger keywords (lower case, as the automaton wants them) and their bits.
 * @param tokenPrefixes - the keywords of the secret rules (lower case)
 * @param casedPrefixes - the same keywords as real tokens spell them ({@link casedKeywords}),
 *   whose base64 and hex spellings raise {@link ViewTrigger.ENCODED}
 * @returns keyword → OR of {@link ViewTrigger} bits
 */
export function viewTriggerKeywords(
  tokenPrefixes: readonly string[],
  casedPrefixes: readonly string[] = [],
): Map<string, number> {
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
  for (const kw of casedPrefixes) {
    if (!/^[\x21-\x7e]+$/.test(kw)) continue;
    for (const core of base64Cores(kw)) add(core.toLowerCase(), ViewTrigger.ENCODED);
    if (kw.length >= 2) add(hexSpelling(kw), ViewTrigger.ENCODED);
  }
  return out;
}
