/**
 * Every built-in pattern goes through the recheck ReDoS analyser once. One
 * file, one generous timeout: recheck is thorough, not fast.
 */
import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { ENTITIES, ESCHEX, HEXRUN, URLENC } from './internal/decode.js';
import { HOLE } from './internal/finalize.js';
import { AFTER } from './internal/generic-secret.js';
import { INJECTION_I18N_RULES, INJECTION_RULES } from './internal/injection-rules.js';
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
];

describe('ReDoS (recheck)', () => {
  it('finds no vulnerable built-in pattern', { timeout: 120_000 }, async () => {
    const vulnerable: string[] = [];
    const one = async ([name, re]: [string, RegExp]): Promise<void> => {
      // The automaton checker is exact for what it supports; the rest (back-references,
      // some anchors) goes to the fuzzer with a bounded budget.
      let d = await check(re.source, re.flags, { checker: 'automaton', timeout: 10_000 });
      if (d.status !== 'safe') {
        d = await check(re.source, re.flags, { checker: 'fuzz', timeout: 5000, maxIteration: 10 });
      }
      if (d.status === 'vulnerable') vulnerable.push(`${name}: ${d.complexity.type}`);
    };
    // Two at a time: recheck runs each check in its own worker.
    const queue = [...patterns];
    await Promise.all(
      [0, 1].map(async () => {
        for (let p = queue.shift(); p; p = queue.shift()) await one(p);
      }),
    );
    expect(vulnerable).toEqual([]);
  });
});
