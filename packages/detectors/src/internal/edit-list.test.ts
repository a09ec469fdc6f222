import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Edit, EditList, mergeOrdered } from './edit-list.js';

/** The rule as first written: every edit, stably sorted by start then end, overlaps dropped. */
function reference(lists: readonly Edit[][]): Edit[] {
  const all = lists.flat().sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Edit[] = [];
  let end = -1;
  for (const e of all) {
    if (e.start < end) continue;
    kept.push(e);
    end = Math.max(end, e.end);
  }
  return kept;
}

const listOf = (edits: readonly Edit[]): EditList => {
  const l = new EditList();
  for (const e of edits) l.push(e.start, e.end, e.out, e.spans);
  return l;
};

const each = (l: EditList): Edit[] => Array.from({ length: l.length }, (_, i) => l.at(i));

/** Edits of one pass: in text order, none overlapping (each starts where or after the previous one ends). */
const pass = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 0, max: 3 }),
      len: fc.integer({ min: 0, max: 4 }),
      out: fc.constantFrom('', 'a', 'Z', '\ud800', 'ab', 'xyz'),
      tag: fc.nat(1000),
    }),
    { maxLength: 30 },
  )
  .map((parts) => {
    let at = 0;
    return parts.map(({ gap, len, out, tag }): Edit => {
      const start = at + gap;
      at = start + len;
      return tag % 3 === 0 ? { start, end: at, out, spans: [start, at] } : { start, end: at, out };
    });
  });

describe('mergeOrdered', () => {
  it('merges passes in text order as a stable sort would, dropping what overlaps an earlier edit', () => {
    fc.assert(
      fc.property(fc.array(pass, { maxLength: 6 }), (passes) => {
        expect(each(mergeOrdered(passes.map(listOf)))).toEqual(reference(passes));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps every replacement as it was pushed: empty, one character (a lone surrogate too) or longer', () => {
    const l = new EditList();
    const outs = ['', 'a', '\udc00', 'longer', '\u{1f600}'];
    for (const [i, out] of outs.entries()) l.push(i, i + 1, out);
    expect(each(l).map((e) => e.out)).toEqual(outs);
  });

  it('grows past its first capacity without losing edits', () => {
    const l = new EditList();
    for (let i = 0; i < 10_000; i++) l.push(i, i + 1, String(i % 10));
    expect(l.length).toBe(10_000);
    expect(l.at(9_999)).toEqual({ start: 9_999, end: 10_000, out: '9' });
  });
});
