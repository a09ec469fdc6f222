/**
 * Generic credential assignments: a credential keyword in an identifier
 * (`api_key`, `DB_PASSWORD`, `authToken`) followed by a separator and a value
 * that looks random. Driven by keyword hits from the automaton, then one
 * bounded sticky match per hit, so cost stays linear.
 */
import { charStats } from './char-stats.js';
import { hasPlaceholderMarks } from './placeholder.js';
import type { RawFinding } from './rule.js';
import {
  DASH,
  DIGIT,
  DOT,
  LOWER,
  NON_TOKEN,
  only,
  TOKEN_PUNCT,
  UNDERSCORE,
  UPPER,
  valueClasses,
} from './value-classes.js';

/** Keywords that make an identifier a credential name. */
export const GENERIC_KEYWORDS: readonly string[] = [
  'key',
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'pass',
  'auth',
  'credential',
  'creds',
  'apikey',
  'api_key',
  'private',
  'signature',
  'access',
];

// After the keyword: rest of the identifier, a closing quote, a separator (in prose "is",
// "was" or "are" count like `=`, R's `<-` too), an optional opening quote, then the value. Every
// quantifier is bounded.
export const AFTER: RegExp =
  /([A-Za-z0-9_.-]{0,24})[\\"'\]]{0,3}[ \t]{0,3}(?:string[ \t]{1,3})?(=>|:=|::|<-|[:=>|]|,|\s-\s| (?:is|was|are):? |\s)?[ \t]{0,3}(["'`({]|\\")?[ \t]?([^\s"'`<>{}[\](),;|\\]{6,1000})/y;

/** Values in a provider's own format are judged by that provider's rule, not here. */
const KNOWN_PREFIX =
  /^(?:sk-|sk_|rk_|pk_|ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-|gldt-|gloas-|glrt-|xox[a-z]-|xox[a-z]\.|xapp-|akia|asia|abia|aiza|ya29\.|shp[a-z]{2}_|pcsk_|sgp_|npm_|pypi-|hf_|api_org_|gsk_|pplx-|r8_|xai-|lsv2_|dop_v1_|sbp_|nfp_|dp\.|pul-|hvs\.|hvb\.|glc_|glsa_|sntry|lin_api_|ntn_|secret_|atatt|pscale_|pmak-|xkeysib-|dckr_|rubygems_|shippo_|apify_api_|whsec_|sq0|eaaa|fo1_|dapi|sg\.|key-|age-secret|eyj|-----)/i;
const UUIDISH = /^[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}$/;

const BAD_SUFFIX =
  /(?:^|[_.-]|[a-z])(?:id|ids|name|names|type|types|file|path|paths|url|uri|length|len|size|count|env|var|variable|header|field|prefix|format|hash|ref|version|index|policy|mode|manager|store|provider|board|word|words|stroke|frame|note|chain|ring|space|code|port|age|ed|ing|ages|ation|ible|ive|less|ly|map|set|up|down|or|ors|s)$/i;

const CODEY = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(\)?)?$/;
const END_OK = /[\s"'`,;)\]}>&|\\]/;
// Used per keyword hit: compiled once here, not per call.
const SENTENCE_PUNCT = /[.:,!?]/;
const TRAILING_PUNCT = /[.:,!?]$/;
/** The next parameter of a URL query (`&limit=5`): the value ends before it. */
const NEXT_QUERY_PARAM = /&[A-Za-z_][A-Za-z0-9_.-]{0,40}=/;
const PASS_WORD_SUFFIX = /^[a-vx-z]/i;
const LOWER_START = /^[a-z]/;
/** Keywords that may end an identifier inside a lower-case word (`dbpassword`, `apitoken`). */
const INSIDE_WORD_OK: ReadonlySet<string> = new Set([
  'password',
  'secret',
  'token',
  'apikey',
  'api_key',
  'credential',
]);

/** Filler (placeholder words, runs, sequences) or too little entropy for a credential. */
function weak(v: string, minEntropy: number): boolean {
  if (hasPlaceholderMarks(v)) return true;
  const st = charStats(v);
  // The run test of isPlaceholder, a typed ascending sequence, too little entropy.
  return (
    st.longestRun >= Math.max(6, Math.floor(v.length / 2)) ||
    st.ascending ||
    st.entropy < minEntropy
  );
}

// Patterns of the checks below, compiled once (a literal inside a function is a new object per call).
const PLAIN_WORDS = /^[a-z]+(?:[_-][a-z]+)*$/;
const CONSTANT_NAME = /^[A-Z]+(?:_[A-Z]+)*$/;
const LEADING_PUNCT = /^[=:.\-+/@!#%^&*~]/;
const HEX_DASHES = /^[0-9a-fA-F-]+$/;
const DOTTED_NAME = /^[a-z0-9\-_]+(?:\.[a-z0-9\-_]+)+$/;
const FOUR_DIGITS = /\d{4}/;
const VERSION_END = /\d+\.\d+(?:\.\d+)?$/;
const THREE_LETTERS = /[a-z]{3}/i;
const KEYWORD_VALUE = /^(?:true|false|none|null|nil|required|optional|string|bearer|basic)$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** The shapes with a dot: host or package names, versions, `object.member` code. */
function dottedNotACredential(v: string, bits: number): boolean {
  const digit = (bits & DIGIT) !== 0;
  if (
    only(bits, LOWER | DIGIT | DASH | UNDERSCORE | DOT) &&
    DOTTED_NAME.test(v) &&
    !FOUR_DIGITS.test(v)
  )
    return true;
  // A version at the end holds a digit; the dot answers the original "has - or ." test.
  if (digit && VERSION_END.test(v) && THREE_LETTERS.test(v)) return true;
  return CODEY.test(v) && (!digit || v.length < 40) && !randomMember(v);
}

/**
 * A dotted value whose last part is a random run (`s.ZC9Ecf4M5g9o…`: a prefixed token), not
 * a member name: 16 characters or more, both letter cases, digits in 3 or more groups.
 */
function randomMember(v: string): boolean {
  const from = v.lastIndexOf('.') + 1;
  if (v.length - from < 16) return false;
  let groups = 0;
  let lower = false;
  let upper = false;
  let prevDigit = false;
  for (let i = from; i < v.length; i++) {
    const c = v.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    if (digit && !prevDigit) groups++;
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    prevDigit = digit;
  }
  return groups >= 3 && lower && upper;
}

/**
 * Shapes that are names, versions, dates or code rather than credentials.
 * Each pattern runs only when the value holds the kinds of characters a match
 * needs (`bits` from {@link valueClasses}), which is what most values lack.
 */
function notACredential(v: string, bits: number): boolean {
  if (only(bits, LOWER | UNDERSCORE | DASH) && PLAIN_WORDS.test(v)) return true;
  if (only(bits, UPPER | UNDERSCORE) && CONSTANT_NAME.test(v)) return true;
  if (v.length === 0 || (bits & NON_TOKEN) !== 0) return true;
  if ((bits & (DASH | DOT | TOKEN_PUNCT)) !== 0 && LEADING_PUNCT.test(v)) return true;
  if (KNOWN_PREFIX.test(v)) return true;
  if (v.length === 36 && UUIDISH.test(v) && !HEX_DASHES.test(v)) return true;
  if ((bits & TOKEN_PUNCT) !== 0 && v.includes('://')) return true;
  if ((bits & DOT) !== 0 && dottedNotACredential(v, bits)) return true;
  if (bits === DIGIT && v.length < 20) return true;
  if (only(bits, LOWER | UPPER) && v.length <= 8 && KEYWORD_VALUE.test(v)) return true;
  return v.length >= 10 && (bits & DASH) !== 0 && ISO_DATE.test(v);
}

/**
 * Confidence that `v`, assigned to an identifier holding keyword `kw`, is a
 * credential (0: it is not). Every test before the last lines only rejects.
 */
export function validValue(v: string, kw: string, strongSep: boolean, quoted: boolean): number {
  const bits = valueClasses(v);
  if (notACredential(v, bits)) return 0;
  const isPass = kw.startsWith('pass') || kw === 'pwd';
  const digit = (bits & DIGIT) !== 0;
  const classes =
    ((bits & LOWER) !== 0 ? 1 : 0) +
    ((bits & UPPER) !== 0 ? 1 : 0) +
    (digit ? 1 : 0) +
    ((bits & ~(LOWER | UPPER | DIGIT)) !== 0 ? 1 : 0);
  if (!strongSep && !quoted) {
    // "the key is hunter2": only a long, clearly random word counts.
    if (v.length < 16 || !digit || classes < 2 || weak(v, 3.2)) return 0;
    return 0.55;
  }
  if (isPass) {
    if (v.length < 6 || classes < 2 || weak(v, 2.3)) return 0;
    return 0.7;
  }
  if (v.length < 12 || classes < 2 || (!digit && v.length < 20)) return 0;
  if (weak(v, v.length >= 24 ? 3.0 : 2.8)) return 0;
  return 0.65;
}

/**
 * Checks one keyword hit and returns a finding for its value, if any.
 * @param text - the whole input
 * @param kw - the keyword (lower case)
 * @param end - offset just after the keyword
 */
export function genericAt(text: string, kw: string, end: number): RawFinding | undefined {
  const start = end - kw.length;
  // The keyword must start an identifier word part: `api_key`, `apiKey`, `KEY`,
  // not `monkey` or `turkey`.
  const prev = start > 0 ? text.charCodeAt(start - 1) : 32;
  const prevIsLower = prev >= 97 && prev <= 122;
  const kwFirst = text.charCodeAt(start);
  const kwUpper = kwFirst >= 65 && kwFirst <= 90;
  AFTER.lastIndex = end;
  const m = AFTER.exec(text);
  if (!m) return undefined;
  const suffix = m[1] ?? '';
  // Inside a lower-case word (`monkey`, `passage`) only when the identifier ends right there.
  if (prevIsLower && !kwUpper && suffix !== '' && !INSIDE_WORD_OK.has(kw)) return undefined;
  if (suffix && BAD_SUFFIX.test(suffix)) return undefined;
  if (kw === 'pass' && PASS_WORD_SUFFIX.test(suffix)) return undefined;
  if (kw === 'key' && LOWER_START.test(suffix)) return undefined;
  let value = m[4] ?? '';
  let vEnd = m.index + m[0].length;
  // Nothing between the identifier and the value: the "value" is the rest of one token, as inside
  // a base64 blob whose letters spell a keyword ("…AAKEyAAAA…BBDEK0FGoQ=="), not an assignment.
  if (vEnd - value.length === end + suffix.length) return undefined;
  const param = value.indexOf('&') > 0 ? value.search(NEXT_QUERY_PARAM) : -1;
  if (param > 0) {
    vEnd -= value.length - param;
    value = value.slice(0, param);
  }
  while (value.length > 0 && TRAILING_PUNCT.test(value)) {
    value = value.slice(0, -1);
    vEnd--;
  }
  const next = text[vEnd];
  if (next !== undefined && !END_OK.test(next) && !SENTENCE_PUNCT.test(text[vEnd - 1] ?? ''))
    return undefined;
  const sep = m[2] ?? '';
  const strong = sep !== '' && sep.trim() !== '' && sep !== ',';
  if (sep === ',' && m[3] === undefined) return undefined;
  const quoted = m[3] !== undefined;
  const conf = validValue(value, kw, strong, quoted);
  if (conf <= 0) return undefined;
  const isPass = kw.startsWith('pass') || kw === 'pwd';
  return {
    category: 'secret',
    type: isPass ? 'password-assignment' : 'generic-secret',
    start: vEnd - value.length,
    end: vEnd,
    confidence: conf,
    severity: isPass ? 'high' : 'medium',
  };
}
