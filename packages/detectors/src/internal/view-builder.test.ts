import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ViewBuilder } from './view-builder.js';

/** Any UTF-16 text, lone surrogates included. */
const units = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 200 })
  .map((codes) => String.fromCharCode(...codes));

describe('ViewBuilder', () => {
  it('keeps every code unit it is given, lone surrogates included, each with its origin', () => {
    fc.assert(
      fc.property(units, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }), (text, cuts) => {
        const b = new ViewBuilder({ text, starts: undefined, ends: undefined });
        let expected = '';
        const origins: number[] = [];
        for (const [x, y] of cuts) {
          const a = Math.min(x, y) % text.length;
          const e = Math.min(text.length, a + (Math.max(x, y) % 17));
          b.copy(a, e);
          expected += text.slice(a, e);
          for (let i = a; i < e; i++) origins.push(i);
        }
        const v = b.build(true);
        expect(v?.text).toBe(expected === '' ? undefined : expected);
        expect(Array.from(v?.starts ?? [])).toEqual(origins);
        expect(Array.from(v?.ends ?? [])).toEqual(origins.map((i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });

  it('property: copies from a source view keep each character and its own original span', () => {
    fc.assert(
      fc.property(units, fc.nat(), fc.nat(), (text, x, y) => {
        // Source character i stands for original span [3i + 5, 3i + 7).
        const starts = Int32Array.from({ length: text.length }, (_, i) => 3 * i + 5);
        const ends = Int32Array.from({ length: text.length }, (_, i) => 3 * i + 7);
        const a = Math.min(x, y) % text.length;
        const e = Math.min(text.length, a + (Math.max(x, y) % 40));
        const b = new ViewBuilder({ text, starts, ends });
        b.put(text, 0, text.length);
        b.copy(a, e);
        const v = b.build(true);
        expect(v?.text).toBe(text + text.slice(a, e));
        const copied = Array.from({ length: e - a }, (_, i) => 3 * (a + i) + 5);
        expect(Array.from(v?.starts ?? [])).toEqual([...Array(text.length).fill(5), ...copied]);
        expect(Array.from(v?.ends ?? []).slice(text.length)).toEqual(copied.map((o) => o + 2));
      }),
      {
        numRuns: 300,
        // An astral character (two units), and a long copy (written natively) ending in one
        // after a lone surrogate.
        examples: [
          ['\u{10000}\u0000', 0, 3],
          [`${'x'.repeat(40)}\ud800\u{10000}`, 5, 39],
        ],
      },
    );
  });

  it('maps put, putEach and separators through the source view to the original text', () => {
    // A source view whose characters 0..3 stand for original spans [10,12), [12,14), …
    const starts = Int32Array.from([10, 12, 14, 16]);
    const ends = Int32Array.from([12, 14, 16, 18]);
    const b = new ViewBuilder({ text: 'wxyz', starts, ends });
    b.put('AB', 1, 3);
    b.putEach('\ud800q', [0, 1, 3, 4]);
    b.separate();
    const v = b.build(false, true);
    expect(v?.text).toBe('AB\ud800q\n');
    expect(Array.from(v?.starts ?? [])).toEqual([12, 12, 10, 16, 16]);
    expect(Array.from(v?.ends ?? [])).toEqual([16, 16, 12, 18, 18]);
    expect(v?.piiOnly).toBe(true);
  });
});
