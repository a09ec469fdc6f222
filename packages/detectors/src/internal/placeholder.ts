/**
 * Obvious placeholders that documentation and sample configs use instead of a
 * real credential. A value that looks like one is never reported as a secret.
 */
import { buildAutomaton } from './aho.js';

/** Every `head + joint + tail` spelling. */
function spellings(
  heads: readonly string[],
  joints: readonly string[],
  tails: readonly string[],
): string[] {
  return heads.flatMap((h) => joints.flatMap((j) => tails.map((t) => h + j + t)));
}

const JOINTS = ['', '_', '-'];

/**
 * Filler words in any letter case, every spelling written out so that one
 * keyword automaton finds them: the words of
 * `/example|sample|dummy|placeholder|your[_-]?(?:api|secret|key|token|pass)|changeme|change[_-]me|redacted|insert|replace[_-]?me|notreal|not[_-]a[_-]real|lorem|foobar|test[_-]?(?:key|token|secret)|abcdefgh|12345678|xxxx|\*{4}|\.{3}|0{10}|\bnull\b|undefined/i`.
 */
const FILLER_WORDS: readonly string[] = [
  'example',
  'sample',
  'dummy',
  'placeholder',
  ...spellings(['your'], JOINTS, ['api', 'secret', 'key', 'token', 'pass']),
  'changeme',
  'change_me',
  'change-me',
  'redacted',
  'insert',
  ...spellings(['replace'], JOINTS, ['me']),
  'notreal',
  ...spellings(spellings(['not'], ['_', '-'], ['a']), ['_', '-'], ['real']),
  'lorem',
  'foobar',
  ...spellings(['test'], JOINTS, ['key', 'token', 'secret']),
  'abcdefgh',
  '12345678',
  'xxxx',
  '****',
  '...',
  '0000000000',
  'undefined',
  'null',
];
/** What a keyword of {@link MARKS} says about a value. */
const FILLER = 1;
const NULL = 2;
const FAKE = 4;

// The filler words, `null` (a whole word only), `fake` (see below) and template braces.
const MARK_WORDS: readonly (readonly [string, number])[] = [
  ...FILLER_WORDS.map((w) => [w, w === 'null' ? NULL : FILLER] as const),
  ['fake', FAKE],
  ['${', FILLER],
  ['{{', FILLER],
  ['}}', FILLER],
];
const MARKS = buildAutomaton(MARK_WORDS.map(([w]) => w));
const MARK_FLAGS = Uint8Array.from(MARK_WORDS, ([, flag]) => flag);
const NULL_WORD = /\bnull\b/i;
const FAKE_PART = /(?:^|[_\-.])fake(?:$|[_\-.])/i;

/** True when the value is a template, variable reference or filler. */
export function isPlaceholder(value: string): boolean {
  return (
    hasPlaceholderMarks(value) ||
    longestRun(value) >= Math.max(6, Math.floor(value.length / 2)) ||
    longestAscending(value) >= ASCENDING_FILLER
  );
}

/**
 * An alphabet typed in order (`klmnopqr`, `3456789`…) this long is filler: in a random
 * token over 16 or more symbols a given place starts one with odds below 1 in 10^8.
 */
const ASCENDING_FILLER = 8;

/** The kind of an ASCII letter or digit (1 digit, 2 upper, 3 lower), 0 for anything else. */
function kind(c: number): number {
  if (c >= 48 && c <= 57) return 1;
  if (c >= 65 && c <= 90) return 2;
  return c >= 97 && c <= 122 ? 3 : 0;
}

/** Length of the longest run of consecutive digits or letters in order (`cdefg` is 5). */
export function longestAscending(s: string): number {
  let best = 0;
  let run = 0;
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = kind(c);
    run = k !== 0 && c === prev + 1 && kind(prev) === k ? run + 1 : k !== 0 ? 1 : 0;
    prev = c;
    if (run > best) best = run;
  }
  return best;
}

/** The tests of {@link isPlaceholder} other than the run of one repeated character. */
export function hasPlaceholderMarks(value: string): boolean {
  if (value.length === 0) return true;
  const c0 = value[0];
  // ${VAR}, $VAR, %VAR%, {{ var }}, <your-key>, [token]
  if (c0 === '$' || c0 === '%' || c0 === '<' || c0 === '{' || c0 === '[') return true;
  // One pass finds filler words, `${`, `{{`, `}}`, `null` and `fake`.
  const marks = MARKS.flagsIn(value, MARK_FLAGS);
  if (marks === 0) return false;
  if ((marks & FILLER) !== 0) return true;
  if ((marks & NULL) !== 0 && NULL_WORD.test(value)) return true;
  // "fake-token", "my_fake_key": filler; a long random string with FAKE spliced in is still reported.
  return (marks & FAKE) !== 0 && (value.length < 20 || FAKE_PART.test(value));
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
