import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { semanticScore, shippedWeights } from './model.js';
import { SEMANTIC_MODEL } from './weights.generated.js';

const MODEL_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../model');
const read = (f: string): string => readFileSync(join(MODEL_DIR, f), 'utf8');

describe('the shipped model', () => {
  /** regression: issue 13 */
  it('ships exactly the weights the training script recorded (hash)', () => {
    const manifest = JSON.parse(read('manifest.json')) as { sha256: string; spec: unknown };
    const w = shippedWeights();
    expect(w.length).toBe(2 ** SEMANTIC_MODEL.bits);
    const sha = createHash('sha256').update(w).digest('hex');
    expect(sha).toBe(SEMANTIC_MODEL.sha256);
    expect(manifest.sha256).toBe(sha);
    expect(manifest.spec).toEqual(SEMANTIC_MODEL);
  });

  /** regression: issue 13 */
  it('gives the recorded outputs on the fixed sample of our own texts', () => {
    const texts = read('sample.jsonl')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text);
    const recorded = JSON.parse(read('sample-expected.json')) as {
      sha256: string;
      expected: { probability: number; start: number; end: number }[];
    };
    expect(recorded.sha256).toBe(SEMANTIC_MODEL.sha256);
    expect(texts.map((t) => semanticScore(t))).toEqual(recorded.expected);
  });

  it('gives a probability with 4 decimals and a span inside the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const m = semanticScore(s);
        expect(m.probability).toBeGreaterThanOrEqual(0);
        expect(m.probability).toBeLessThanOrEqual(1);
        expect(Math.abs(Math.round(m.probability * 10_000) - m.probability * 10_000)).toBeLessThan(
          1e-6,
        );
        expect(0 <= m.start && m.start <= m.end && m.end <= s.length).toBe(true);
        expect(semanticScore(s)).toEqual(m);
      }),
    );
  });
});
