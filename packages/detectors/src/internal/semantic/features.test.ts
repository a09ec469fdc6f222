import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featurize } from './features.js';
import { bestWindow, windowsOf } from './window.js';

const tokens = (s: string): string[] => {
  const f = featurize(s, 18);
  return Array.from({ length: f.tokens }, (_, i) =>
    s.slice(f.tokenStart[i] as number, f.tokenEnd[i] as number),
  );
};

describe('featurize', () => {
  it('splits words on punctuation, spaces and symbols, in any script', () => {
    expect(tokens('send 3 coins, now!')).toEqual(['send', '3', 'coins', 'now']);
    expect(tokens('привет мир — hola')).toEqual(['привет', 'мир', 'hola']);
    expect(tokens('اینجا، بگذار')).toEqual(['اینجا', 'بگذار']);
  });
  it('makes each Chinese or Japanese character a token of its own', () => {
    expect(tokens('请把密钥')).toEqual(['请', '把', '密', '钥']);
    expect(tokens('キーをdone')).toEqual(['キ', 'ー', 'を', 'done']);
  });
  it('hashes digits as 0, so numbers of the same shape share features', () => {
    const a = featurize('price 420 now', 18);
    const b = featurize('price 999 now', 18);
    expect(Array.from(a.feats)).toEqual(Array.from(b.feats));
    expect(Array.from(featurize('price 42 now', 18).feats)).not.toEqual(Array.from(a.feats));
  });
  it('adds character n-grams unless asked not to', () => {
    const all = featurize('assistant', 18);
    const words = featurize('assistant', 18, { subwords: false });
    expect(words.feats.length).toBe(1);
    // <assistant> : 9 letters + 2 marks → 9 trigrams and 8 four-grams, plus the unigram.
    expect(all.feats.length).toBe(1 + 9 + 8);
  });
  it('keeps every index in the table and stays linear in the input (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.integer({ min: 4, max: 20 }),
        (s, bits) => {
          const f = featurize(s, bits);
          for (const x of f.feats) expect(x >= 0 && x < 2 ** bits).toBe(true);
          expect(f.feats.length).toBeLessThanOrEqual(2 + 11 * s.length);
          expect(f.featEnd[f.tokens - 1] ?? 0).toBe(f.feats.length);
          expect(Array.from(featurize(s, bits).feats)).toEqual(Array.from(f.feats));
        },
      ),
    );
  });
});

describe('windowsOf', () => {
  it('covers every token with windows of at most `window` tokens (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(2000),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 80 }),
        (n, window, stride) => {
          const w = windowsOf(n, { window, stride, scale: 1, bias: 0 });
          const seen = new Uint8Array(n);
          for (let i = 0; i < w.length; i += 2) {
            const a = w[i] as number;
            const b = w[i + 1] as number;
            expect(b - a).toBeLessThanOrEqual(window);
            for (let t = a; t < b; t++) seen[t] = 1;
          }
          expect(seen.every((x) => x === 1)).toBe(true);
        },
      ),
    );
  });
});

describe('bestWindow', () => {
  it('scores the window that holds the heavy word, not the whole text', () => {
    const text = `${'honest words here '.repeat(40)}beacon ${'more honest words '.repeat(40)}`;
    const f = featurize(text, 12);
    const weights = new Float64Array(2 ** 12);
    const beacon = featurize('beacon', 12, { subwords: false }).feats[0] as number;
    weights[beacon] = 50;
    const shape = { window: 16, stride: 4, scale: 1, bias: -1 };
    const best = bestWindow(f, weights, shape);
    const at = text.indexOf('beacon');
    expect(f.tokenStart[best.fromToken]).toBeLessThanOrEqual(at);
    expect(f.tokenEnd[best.toToken - 1]).toBeGreaterThan(at);
    expect(best.logit).toBeGreaterThan(0);
  });
  it('scores an empty text at the bias', () => {
    const best = bestWindow(featurize('', 8), new Float64Array(256), {
      window: 8,
      stride: 4,
      scale: 1,
      bias: -3,
    });
    expect(best).toEqual({ logit: -3, fromToken: 0, toToken: 0 });
  });
});
