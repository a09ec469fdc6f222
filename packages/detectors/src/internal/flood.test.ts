import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMultiUnitFlood } from './flood.js';

/** The specification: the first match of this (slow, backtracking) regex. */
const REFERENCE = /([^\n]{1,8}?)\1{19,}/;

function reference(text: string): { start: number; end: number; unit: string } | undefined {
  const m = REFERENCE.exec(text);
  if (!m) return undefined;
  return { start: m.index, end: m.index + m[0].length, unit: m[1] ?? '' };
}

// Small alphabets and repeated chunks make floods (and near floods) common.
const chunk = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', '!', '\n', '\ud83d'), maxLength: 12 }),
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom('a', 'b', '-', '\n', 'é'), minLength: 1, maxLength: 9 }),
      fc.integer({ min: 15, max: 30 }),
    )
    .map(([u, n]) => u.repeat(n)),
);
const text = fc.array(chunk, { maxLength: 8 }).map((parts) => parts.join(''));

describe('findMultiUnitFlood', () => {
  it('finds a repeated unit and its whole run', () => {
    expect(findMultiUnitFlood(`intro ${'-='.repeat(30)} outro`)).toEqual({
      start: 6,
      end: 66,
      unit: '-=',
    });
    expect(findMultiUnitFlood('-='.repeat(19))).toBeUndefined();
    expect(findMultiUnitFlood(`${'a\n'.repeat(40)}`)).toBeUndefined();
  });
  it('gives way to a one-character flood that starts first', () => {
    expect(findMultiUnitFlood(`${'-'.repeat(25)} ${'-='.repeat(30)}`)).toBeUndefined();
    expect(findMultiUnitFlood(`${'-='.repeat(30)} ${'-'.repeat(25)}`)?.unit).toBe('-=');
  });
  it('agrees with the reference regex on every input (multi-unit floods)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const r = reference(t);
        expect(findMultiUnitFlood(t)).toEqual(r && r.unit.length >= 2 ? r : undefined);
      }),
      { numRuns: 3000 },
    );
  });
});
