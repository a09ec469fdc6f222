/**
 * Bounded decoding of embedded payloads (base64, hex, URL-encoding, HTML
 * entities). Only runs of a minimum length are tried, the decoded text must be
 * mostly printable, and the caller bounds depth and total bytes.
 */

/** One decoded payload and where its encoded form sits in the input. */
export type Decoded = {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: string;
};

// Hex of printable ASCII: every byte's high nibble is 2–7, so each pair starts with a digit.
export const HEXRUN: RegExp = /(?<![0-9A-Fa-f])(?:[2-7][0-9A-Fa-f][ :]?){12,}/g;
export const ESCHEX: RegExp = /(?:\\x[0-9A-Fa-f]{2}){6,}/g;
// A run of %XX escapes, each followed by at most 40 other characters. A match is a payload
// when it holds at least URLENC_MIN_ESCAPES escapes; the count is checked in code because the
// same pattern written with `{3,}` takes recheck's ReDoS automaton hours to prove linear (one
// copy of the gap per required escape), while this form takes seconds. The gap class excludes
// `%`, so the run is matched the same way (greedy, no backtracking into a gap) and a run too
// short to keep holds no longer one: the kept matches are exactly those of
// /%[0-9A-Fa-f]{2}(?:[^\s"'<>%]{0,40}%[0-9A-Fa-f]{2}){2,}[^\s"'<>%]{0,40}/g.
export const URLENC: RegExp = /(?:%[0-9A-Fa-f]{2}[^\s"'<>%]{0,40})+/g;
/** Fewest escapes in a URL-encoded payload. */
const URLENC_MIN_ESCAPES = 3;
export const ENTITIES: RegExp = /(?:&#(?:x[0-9A-Fa-f]{1,6}|\d{1,7});\s?){4,}/g;

// Base64 / base64url alphabet.
const B64_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-')
  B64_CHAR[c.charCodeAt(0)] = 1;
const isB64 = (c: number): boolean => c < 128 && B64_CHAR[c] === 1;

/** Shortest run worth decoding. */
const MIN_RUN = 20;

/**
 * Whole runs of 20+ base64 characters, each with up to two `=` after it: the
 * matches of `/(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{20,}={0,2}/g`, handed to
 * `visit` in order until it returns false. Every such run covers one of every
 * 20 positions, so only those are probed, and a run is widened from the probe
 * that lands in it.
 */
export function eachBase64Run(text: string, visit: (start: number, end: number) => boolean): void {
  const n = text.length;
  // Probes sit at 19, 39, 59, …; `p` restarts at the last probe before `i`.
  for (let p = MIN_RUN - 1; p < n; p += MIN_RUN) {
    if (!isB64(text.charCodeAt(p))) continue;
    let start = p;
    while (start > 0 && isB64(text.charCodeAt(start - 1))) start--;
    let i = p + 1;
    while (i < n && isB64(text.charCodeAt(i))) i++;
    if (i - start >= MIN_RUN) {
      const runEnd = i;
      while (i < n && i - runEnd < 2 && text.charCodeAt(i) === 61) i++;
      if (!visit(start, i)) return;
    }
    p = i - 1 - ((i - MIN_RUN) % MIN_RUN);
  }
}

function printable(s: string): boolean {
  if (s.length < 8) return false;
  let ok = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 10 || c === 13 || c === 9 || c >= 0xa0) ok++;
  }
  return ok / s.length > 0.9 && /[a-zA-Z]{3}/.test(s) && /\s/.test(s);
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

function b64decode(run: string): string | undefined {
  const std = run.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (std.length % 4 === 1) return undefined;
  try {
    const bin = atob(std + '='.repeat((4 - (std.length % 4)) % 4));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return utf8(bytes);
  } catch {
    // Not valid base64 after all: nothing to decode.
    return undefined;
  }
}

/** Decodes one encoded run (undefined: not a payload of that kind). */
type Decoder = (s: string) => string | undefined;

// Decoders, one per kind (module-level: a scan allocates no closures for them).
const decodeBase64: Decoder = (s) =>
  /[A-Z]/.test(s) && /[a-z]/.test(s) ? b64decode(s) : undefined;

const decodeHexRun: Decoder = (s) => {
  const h = s.replace(/[ :]/g, '');
  if (h.length % 2) return undefined;
  const bytes = new Uint8Array(h.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(h.slice(i * 2, i * 2 + 2), 16);
  return utf8(bytes);
};

const decodeEscapedHex: Decoder = (s) => {
  const parts = s.split('\\x').filter(Boolean);
  return utf8(Uint8Array.from(parts.map((p) => Number.parseInt(p, 16))));
};

const decodeUrl: Decoder = (s) => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    // Malformed escapes: leave the run alone.
    return undefined;
  }
};

const decodeEntities: Decoder = (s) =>
  s.replace(/&#(x[0-9A-Fa-f]{1,6}|\d{1,7});\s?/g, (_m, g: string) => {
    const cp = g[0] === 'x' ? Number.parseInt(g.slice(1), 16) : Number(g);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });

/** The payloads of one text, decoded while the budget of encoded characters lasts. */
class Payloads {
  readonly found: Decoded[] = [];
  readonly #text: string;
  #budget: number;

  constructor(text: string, budgetChars: number) {
    this.#text = text;
    this.#budget = budgetChars;
  }

  /** Decodes `text[start, end)`; false once the budget is spent (the caller stops). */
  take(start: number, end: number, kind: string, decode: Decoder): boolean {
    if (this.#budget <= 0 || end - start > this.#budget) return false;
    this.#budget -= end - start;
    const d = decode(this.#text.slice(start, end));
    if (d !== undefined && printable(d)) this.found.push({ start, end, text: d, kind });
    return true;
  }

  /** Decodes every match of a global pattern, in order, while the budget lasts. */
  takeMatches(re: RegExp, kind: string, decode: Decoder, keep?: (match: string) => boolean): void {
    const text = this.#text;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (keep !== undefined && !keep(m[0])) continue;
      if (!this.take(m.index, m.index + m[0].length, kind, decode)) return;
    }
  }
}

/** Whether a URLENC match holds at least {@link URLENC_MIN_ESCAPES} escapes (`%` only starts one). */
export function hasEnoughEscapes(match: string): boolean {
  let escapes = 0;
  for (let i = match.indexOf('%'); i >= 0; i = match.indexOf('%', i + 3)) escapes++;
  return escapes >= URLENC_MIN_ESCAPES;
}

/**
 * Finds and decodes embedded payloads.
 * @param text - input
 * @param budgetChars - stop after this many encoded characters were decoded
 */
export function findEncoded(text: string, budgetChars: number): Decoded[] {
  const payloads = new Payloads(text, budgetChars);
  eachBase64Run(text, (start, end) => payloads.take(start, end, 'base64', decodeBase64));
  payloads.takeMatches(HEXRUN, 'hex', decodeHexRun);
  // Cheap guards: each pattern needs its introducer, so most texts skip the regex pass.
  if (text.includes('\\x')) payloads.takeMatches(ESCHEX, 'hex', decodeEscapedHex);
  if (text.includes('%')) payloads.takeMatches(URLENC, 'url', decodeUrl, hasEnoughEscapes);
  if (text.includes('&#')) payloads.takeMatches(ENTITIES, 'entities', decodeEntities);
  return payloads.found;
}
