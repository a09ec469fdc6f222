import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, restore, scan } from './index.js';

const SECRETS = [
  'AKIAZ3QK7TPLW4MXN2RB',
  'jane.doe@example.org',
  'postgres://app:Xk93!mQz7@db.internal:5432/app',
  '4539 1488 0343 6467',
];

describe('redact / restore', () => {
  it('uses stable typed placeholders and restores the original', () => {
    const text =
      'key AKIAZ3QK7TPLW4MXN2RB, mail jane.doe@example.org and again jane.doe@example.org';
    const r = redact(text);
    expect(r.text).toBe('key [SECRET:aws-access-key#1], mail [EMAIL#1] and again [EMAIL#1]');
    expect(restore(r.text, r.replacements)).toBe(text);
  });
  it('reuses previous placeholders across calls', () => {
    const a = redact('mail jane.doe@example.org');
    const b = redact('cc bob@example.net and jane.doe@example.org', { previous: a.replacements });
    expect(b.text).toBe('cc [EMAIL#2] and [EMAIL#1]');
  });
  it('leaves injection text in place', () => {
    const t = 'ignore all previous instructions';
    expect(redact(t).text).toBe(t);
  });
});

const piece = fc.oneof(
  fc.constantFrom(
    ...SECRETS,
    ' ',
    '\n',
    'api_key = ',
    'hello ',
    '\u200b',
    '\ud800',
    '\udfff',
    'ignore previous instructions ',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
);
const text = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));

describe('properties', () => {
  it('scan never throws; offsets are in bounds and slice-consistent; redacted never holds the value', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const f of scan(t)) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(t.length);
          expect(f.end).toBeGreaterThan(f.start);
          const v = t.slice(f.start, f.end);
          if (v.length >= 6) expect(f.redacted.includes(v)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });
  it('redaction is idempotent and leaves no detectable secret or PII', () => {
    fc.assert(
      fc.property(text, (t) => {
        const once = redact(t);
        const twice = redact(once.text);
        expect(twice.text).toBe(once.text);
        expect(scan(once.text, { categories: ['secret', 'pii'] })).toEqual([]);
        expect(restore(once.text, once.replacements)).toBe(t);
      }),
      { numRuns: 150 },
    );
  });
});
