import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featurize } from './features.js';
import { scoreView } from './score.js';
import { bestWindow } from './window.js';

/** A weight table of `bits` with every value of int8 in a fixed scatter. */
function table(bits: number): Int8Array {
  const w = new Int8Array(2 ** bits);
  for (let i = 0; i < w.length; i++) w[i] = (Math.imul(i, 0x9e3779b1) >>> 24) - 128;
  return w;
}

const words = ['send', 'the', 'wallet', 'ключ', '密钥', 'ignorieren', 'x', '42', 'a'.repeat(30)];

describe('scoreView', () => {
  it('gives exactly the window, logit and offsets of featurize + bestWindow (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 600 }),
          fc.array(fc.constantFrom(...words, ' ', ', ', '\n')).map((a) => a.join(' ')),
        ),
        fc.integer({ min: 6, max: 14 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(0, 0.5),
        (view, bits, window, stride, lengthPenalty) => {
          const w = table(bits);
          const shape = { window, stride, scale: 0.03, bias: -1.2, lengthPenalty };
          const f = featurize(view, bits);
          const want = bestWindow(f, w, shape);
          const got = scoreView(view, bits, w, shape);
          expect(got.logit).toBe(want.logit);
          expect([got.fromToken, got.toToken]).toEqual([want.fromToken, want.toToken]);
          if (want.toToken > 0) {
            expect(got.viewStart).toBe(f.tokenStart[want.fromToken]);
            expect(got.viewEnd).toBe(f.tokenEnd[want.toToken - 1]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('scores a view longer than its kept scratch arrays the same as featurize + bestWindow', () => {
    const view = 'pay the fee to this wallet now '.repeat(12_000);
    const w = table(12);
    const shape = { window: 64, stride: 16, scale: 0.03, bias: -1, lengthPenalty: 0.5 };
    expect(scoreView(view, 12, w, shape).logit).toBe(
      bestWindow(featurize(view, 12), w, shape).logit,
    );
  });
});
