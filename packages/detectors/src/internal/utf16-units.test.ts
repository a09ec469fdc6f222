import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf16Units } from './utf16-units.js';

describe('Utf16Units', () => {
  it('appends units and ranges, short and long, keeping lone surrogates (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'binary', maxLength: 80 }), fc.nat(), fc.nat()), {
          maxLength: 12,
        }),
        fc.nat({ max: 8 }),
        (pieces, capacity) => {
          const out = new Utf16Units(capacity);
          let expected = '';
          for (const [s, x, y] of pieces) {
            const a = s.length === 0 ? 0 : x % s.length;
            const b = a + (s.length === 0 ? 0 : y % (s.length - a + 1));
            out.pushRange(s, a, b);
            expected += s.slice(a, b);
            out.push(0xd800);
            expected += '\ud800';
          }
          expect(out.length).toBe(expected.length);
          expect(out.toText()).toBe(expected);
        },
      ),
    );
  });
});
