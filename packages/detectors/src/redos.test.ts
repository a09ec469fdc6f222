/**
 * Every built-in pattern goes through recheck's automaton checker, which decides ReDoS
 * exactly (no sampling): the verdict depends on the pattern only, never on the clock or on
 * how loaded the machine is. No time budget (`timeout: null`), no fuzzer fallback, and a
 * pattern it cannot decide ("unknown") fails like a vulnerable one. It runs as its own vitest
 * project, `redos`, with no test timeout (vitest.config.ts); `npm test` runs it.
 *
 * recheck's automaton does not model look-around. A negative look-behind of one character
 * class that opens the pattern, `(?<![C])X`, is checked as `(?:^|[^C])X`; a negative
 * look-ahead of one class that closes it, `X(?![C])`, as `X(?:[^C]|$)`. The backtracking work
 * is the same up to a constant: the look-ahead form explores the same paths of X and accepts
 * or rejects at the same points; the look-behind form's attempt at i - 1 does the work of the
 * original attempt at i (at 0, `^` covers the attempt at 0). Any other look-around is left as
 * it is, and its "unsupported" verdict fails the check.
 *
 * On text beyond Latin-1 the injection rules run as `v`-flag twins of these patterns
 * (internal/wide-text-patterns.ts), which recheck does not read; a twin matches exactly what its
 * pattern matches (internal/injection-rule-flags.test.ts), so the proof holds for it too.
 *
 * One pattern is not sent to recheck: `secret:bearer-token`, whose `{16,2000}` run followed by
 * the unbounded `=*` gives the automaton an NFA of thousands of states (no answer after many
 * minutes). It is pinned below to the exact source proven linear by hand, so any edit to it
 * fails this check until it is proven again.
 */
import type { Diagnostics } from 'recheck';
import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { ENTITIES, ESCHEX, HEXRUN, URLENC } from './internal/decode.js';
import { HOLE } from './internal/finalize.js';
import { AFTER } from './internal/generic-secret.js';
import { INJECTION_I18N_RULES, INJECTION_RULES } from './internal/injection-rules.js';
import {
  AI_OR_PERSONA,
  CLAIMED,
  HANDOFF,
  JAILBREAK_TALK,
  NAMING,
} from './internal/persona-handoff.js';
import { CANDIDATE } from './internal/pii-phone.js';
import { PII_RULES } from './internal/pii-rules.js';
import { SECRET_RULES } from './internal/secret-rules.js';

const patterns: Array<[string, RegExp]> = [
  ...SECRET_RULES.map((r) => [`secret:${r.type}`, r.re] as [string, RegExp]),
  ...PII_RULES.map((r) => [`pii:${r.type}`, r.re] as [string, RegExp]),
  ...[...SECRET_RULES, ...PII_RULES].flatMap((r) =>
    r.gate ? [[`gate:${r.type}`, r.gate] as [string, RegExp]] : [],
  ),
  ...INJECTION_RULES.map((r, i) => [`injection:${r.type}:${i}`, r.re] as [string, RegExp]),
  ...INJECTION_I18N_RULES.map(
    (r, i) => [`injection-i18n:${r.type}:${i}`, r.re] as [string, RegExp],
  ),
  ['generic-after', AFTER],
  ['decode-hex', HEXRUN],
  ['decode-eschex', ESCHEX],
  ['decode-url', URLENC],
  ['decode-entities', ENTITIES],
  ['phone-candidate', CANDIDATE],
  ['redaction-placeholder', HOLE],
  ['persona-ai-or-persona', AI_OR_PERSONA],
  ['persona-handoff', HANDOFF],
  ['persona-naming', NAMING],
  ['persona-claimed', CLAIMED],
  ['persona-jailbreak-talk', JAILBREAK_TALK],
];

// One character class, escapes included: `[...]`.
const CLASS = String.raw`\[(?:[^\]\\]|\\.)*\]`;
const LEADING = new RegExp(String.raw`^\(\?<!(${CLASS})\)`);
const TRAILING = new RegExp(String.raw`\(\?!(${CLASS})\)$`);

/** `[abc]` ⇄ `[^abc]`. */
function negate(cls: string): string {
  return cls.startsWith('[^') ? `[${cls.slice(2)}` : `[^${cls.slice(1)}`;
}

/**
 * The pattern with an opening negative look-behind and a closing negative look-ahead of one
 * class each replaced by their consuming forms (see the file comment).
 */
function withEdgeLookaroundsConsumed(source: string): string {
  let s = source;
  const lead = LEADING.exec(s);
  if (lead?.[1] !== undefined) s = `(?:^|${negate(lead[1])})${s.slice(lead[0].length)}`;
  const trail = TRAILING.exec(s);
  if (trail?.[1] !== undefined) s = `${s.slice(0, trail.index)}(?:${negate(trail[1])}|$)`;
  return s;
}

/**
 * Patterns proven linear by hand instead of by recheck, pinned to their exact source. Bearer:
 * an attempt can start only at `Bearer`; `\s{1,3}` leaves at most 3 choices; the token class
 * excludes `=` and white space, so each token length shorter than the
 * longest fails in O(1) (`=*` then matches nothing and the look-ahead sees a token character),
 * and only the longest runs `=*` over the `=`s after it. Token runs of different attempts are
 * disjoint (a token cannot hold a space), so the work is O(3 · 2000 · n): linear.
 */
const PROVEN_BY_HAND: ReadonlyMap<string, string> = new Map([
  [
    'secret:bearer-token',
    String.raw`\bBearer\s{1,3}([A-Za-z0-9._~+/\-]{16,2000}=*)(?![A-Za-z0-9._~+/\-])`,
  ],
]);

/** The verdict, or why there is none: `safe` is the only passing answer. */
function verdictOf(d: Diagnostics): string {
  if (d.status === 'safe') return 'safe';
  if (d.status === 'vulnerable') return `vulnerable (${d.complexity.type})`;
  return `unknown (${d.error.kind}${'message' in d.error ? `: ${d.error.message}` : ''})`;
}

describe('withEdgeLookaroundsConsumed', () => {
  it('rewrites only an opening look-behind and a closing look-ahead of one class', () => {
    expect(withEdgeLookaroundsConsumed('(?<![A-Z\\]])ab(?![0-9])')).toBe(
      '(?:^|[^A-Z\\]])ab(?:[^0-9]|$)',
    );
    expect(withEdgeLookaroundsConsumed('(?<![^a])b')).toBe('(?:^|[a])b');
    expect(withEdgeLookaroundsConsumed('a(?![b])c')).toBe('a(?![b])c');
    expect(withEdgeLookaroundsConsumed('a(?<!x)b')).toBe('a(?<!x)b');
  });
});

describe('ReDoS (recheck automaton, no time budget)', () => {
  it('proves every built-in pattern safe', { timeout: 0 }, async () => {
    const failed: string[] = [];
    const one = async ([name, re]: [string, RegExp]): Promise<void> => {
      const pinned = PROVEN_BY_HAND.get(name);
      if (pinned !== undefined) {
        if (re.source !== pinned) failed.push(`${name}: changed since it was proven by hand`);
        return;
      }
      const source = withEdgeLookaroundsConsumed(re.source);
      const d = await check(source, re.flags, { checker: 'automaton', timeout: null });
      const verdict = verdictOf(d);
      if (verdict !== 'safe') failed.push(`${name}: ${verdict}`);
    };
    // Two at a time: the checks run in recheck's own agent process.
    const queue = [...patterns];
    await Promise.all(
      [0, 1].map(async () => {
        for (let p = queue.shift(); p; p = queue.shift()) await one(p);
      }),
    );
    expect(failed).toEqual([]);
  });
});
