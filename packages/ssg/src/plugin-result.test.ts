import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPluginResult, MAX_SUMMARY_LENGTH, renderObjectSummary } from './plugin-result.js';

const base = { score: 10, labels: ['A'], matches: [], summary: 'ok' };

describe('checkPluginResult', () => {
  it('accepts our shape and drops a string summary', () => {
    const checked = checkPluginResult({
      ...base,
      matches: [{ label: 'L', redacted: '***', start: 0, end: 3 }],
      summary: 'found the value 1234',
    });
    expect(checked).toEqual({
      ok: true,
      result: { score: 10, labels: ['A'], matches: [{ label: 'L', redacted: '***' }] },
    });
  });

  /** regression: issue 11 */
  it("accepts upstream's shape: patternId becomes the label, the object summary a sentence", () => {
    const checked = checkPluginResult({
      score: 70,
      labels: ['API_TOKEN'],
      matches: [{ patternId: 'api-token', start: 4, end: 24, redacted: 'tok_****' }],
      summary: { matchCount: 1, truncated: false },
    });
    expect(checked).toEqual({
      ok: true,
      result: {
        score: 70,
        labels: ['API_TOKEN'],
        matches: [{ label: 'api-token', redacted: 'tok_****' }],
        summary: 'matchCount=1, truncated=false',
      },
    });
  });

  it('prefers label over patternId when a match has both', () => {
    const checked = checkPluginResult({
      ...base,
      matches: [{ label: 'OURS', patternId: 'theirs', redacted: '*' }],
    });
    expect(checked.ok && checked.result.matches).toEqual([{ label: 'OURS', redacted: '*' }]);
  });

  /** regression: issue 11 */
  it('names the path of the first wrong field, never its value', () => {
    const cases: [unknown, string][] = [
      [null, 'result'],
      [[], 'result'],
      ['text', 'result'],
      [{ ...base, score: Number.NaN }, 'score'],
      [{ ...base, score: '50' }, 'score'],
      [{ ...base, labels: 'A' }, 'labels'],
      [{ ...base, labels: ['A', 2] }, 'labels[1]'],
      [{ ...base, matches: {} }, 'matches'],
      [{ ...base, matches: [null] }, 'matches[0]'],
      [{ ...base, matches: [{ redacted: '*' }] }, 'matches[0].label'],
      [
        {
          ...base,
          matches: [
            { label: 'A', redacted: '*' },
            { label: 3, redacted: '*' },
          ],
        },
        'matches[1].label',
      ],
      [{ ...base, matches: [{ patternId: 7, redacted: '*' }] }, 'matches[0].patternId'],
      [{ ...base, matches: [{ patternId: 'p', start: 0, end: 4 }] }, 'matches[0].redacted'],
      [{ ...base, summary: 42 }, 'summary'],
      [{ ...base, summary: ['a'] }, 'summary'],
    ];
    for (const [value, field] of cases) {
      expect(checkPluginResult(value), field).toEqual({ ok: false, field });
    }
  });

  it('normalises the score (rounded up, clamped to 0–100) in either shape', () => {
    const up = checkPluginResult({ ...base, score: 29.5 });
    const big = checkPluginResult({ ...base, score: 240, summary: {} });
    expect(up.ok && up.result.score).toBe(30);
    expect(big.ok && big.result.score).toBe(100);
  });

  it('accepts an absent or null summary', () => {
    expect(checkPluginResult({ score: 0, labels: [], matches: [] }).ok).toBe(true);
    expect(checkPluginResult({ ...base, summary: null }).ok).toBe(true);
  });
});

describe('renderObjectSummary', () => {
  it('renders booleans and small numbers, and only the type of anything else', () => {
    expect(
      renderObjectSummary({
        matchCount: 3,
        ratio: 0.25,
        error: true,
        apiVersion: 'v2-beta',
        firstMatch: 'AKIA0000SECRETVALUE',
        accountNumber: 4_111_111_111,
        findings: [{ raw: 'x' }],
        detail: { raw: 'x' },
        nothing: null,
      }),
    ).toBe(
      'matchCount=3, ratio=0.25, error=true, apiVersion=(text), firstMatch=(text), ' +
        'accountNumber=(number), findings=(list of 1), detail=(object), 1 more field(s) not shown',
    );
  });

  it('does not render keys that are not identifiers (they may be found text)', () => {
    expect(renderObjectSummary({ 'jane@example.com': 1, count: 2 })).toBe(
      'count=2, 1 more field(s) not shown',
    );
    expect(renderObjectSummary({})).toBe('no details');
  });

  /** regression: issue 11 */
  it('never carries a string value of the summary, for any object (property)', () => {
    const marked = fc.string({ minLength: 1, maxLength: 30 }).map((s) => `RAW-${s}`);
    const value = fc.oneof(
      marked,
      fc.array(marked, { maxLength: 3 }),
      fc.dictionary(fc.string(), marked, { maxKeys: 3 }),
      fc.boolean(),
      fc.double(),
      fc.constant(null),
    );
    const key = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,10}$/),
    );
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 12 }), (summary) => {
        const checked = checkPluginResult({ ...base, summary });
        if (!checked.ok) return false;
        const sentence = checked.result.summary ?? '';
        return !sentence.includes('RAW-') && sentence.length <= MAX_SUMMARY_LENGTH;
      }),
    );
  });
});
