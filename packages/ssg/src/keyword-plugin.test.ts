import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSSGError } from './errors.js';
import { KEYWORD_REDACTED, keywordPlugin } from './keyword-plugin.js';

const signal = new AbortController().signal;
const run = (plugin: ReturnType<typeof keywordPlugin>, text: string) =>
  plugin.analyze({ text, contentType: 'POST' }, { signal });

describe('keywordPlugin', () => {
  const plugin = keywordPlugin({
    rules: [
      { term: 'Buy Now', label: 'SPAM', score: 40 },
      { term: 'wire money', label: 'SCAM', score: 80 },
    ],
  });

  it('matches case-insensitively, reports the highest score and redacted matches with offsets', async () => {
    const r = await run(plugin, 'BUY NOW and buy now, then Wire Money');
    expect(r.score).toBe(80);
    expect(r.labels).toEqual(['SPAM', 'SCAM']);
    expect(r.matches).toEqual([
      { label: 'SPAM', redacted: KEYWORD_REDACTED, start: 0, end: 7 },
      { label: 'SPAM', redacted: KEYWORD_REDACTED, start: 12, end: 19 },
      { label: 'SCAM', redacted: KEYWORD_REDACTED, start: 26, end: 36 },
    ]);
    expect(JSON.stringify(r)).not.toMatch(/buy now|wire money/i);
  });

  /** regression: issue 2 */
  it('reports offsets in the original text when lower-casing changes its length', async () => {
    // U+0130 lower-cases to two code units, which used to shift every later offset.
    const text = '\u0130\u0130 then BUY NOW, and \u0130 buy now';
    const r = await run(plugin, text);
    const spans = r.matches.map((m) => text.slice(m.start, m.end).toLowerCase());
    expect(spans).toEqual(['buy now', 'buy now']);
  });

  it('scores 0 with no labels on clean text', async () => {
    expect(await run(plugin, 'hello')).toEqual({
      score: 0,
      labels: [],
      matches: [],
      summary: 'no keyword found',
    });
  });

  it('treats terms as plain text, not patterns', async () => {
    const p = keywordPlugin({ rules: [{ term: 'a.*b', label: 'X', score: 10 }] });
    expect((await run(p, 'aXXb')).score).toBe(0);
    expect((await run(p, 'xa.*by')).score).toBe(10);
  });

  it('never reports raw text, for any input (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string(),
        fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), maxLength: 8 }),
        fc.string(),
        async (prefix, rest, suffix) => {
          // 'zq' occurs in none of the plugin's fixed strings, so any occurrence would be a leak.
          const term = `zq${rest}`;
          const p = keywordPlugin({ rules: [{ term, label: 'T', score: 50 }] });
          const r = await run(p, `${prefix}${term.toUpperCase()}${suffix}`);
          expect(r.score).toBe(50);
          expect(r.matches.every((m) => m.redacted === KEYWORD_REDACTED)).toBe(true);
          expect(JSON.stringify(r).toLowerCase()).not.toContain(term);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('every match offset points at the term in the original text, for any Unicode (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom('\u0130', 'a', 'ß', '\u{10400}', 'Σ', ' ') }),
        fc.string({ unit: 'binary' }),
        fc.string({ unit: fc.constantFrom(...'abci'), maxLength: 6 }),
        async (prefix, suffix, rest) => {
          const term = `zq${rest}`;
          const p = keywordPlugin({ rules: [{ term, label: 'T', score: 50 }] });
          const text = `${prefix}${term.toUpperCase()}${suffix}`;
          const r = await run(p, text);
          expect(r.matches.length).toBeGreaterThan(0);
          for (const m of r.matches) {
            expect(text.slice(m.start, m.end).toLowerCase()).toContain(term);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('validates options with field names', () => {
    const field = (options: unknown) => {
      try {
        keywordPlugin(options as never);
      } catch (error) {
        return isSSGError(error) ? error.field : 'not-ssg';
      }
      return undefined;
    };
    expect(field({ rules: [] })).toBe('rules');
    expect(field({ rules: [{ term: '', label: 'A', score: 1 }] })).toBe('rules[0].term');
    expect(field({ rules: [{ term: 'x', label: 'lower', score: 1 }] })).toBe('rules[0].label');
    expect(field({ rules: [{ term: 'x', label: 'A', score: 101 }] })).toBe('rules[0].score');
  });
});
