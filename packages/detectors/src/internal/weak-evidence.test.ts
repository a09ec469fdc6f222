import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanInjection } from './injection.js';
import {
  CORROBORATED_WEIGHT,
  CORROBORATION_SPAN,
  corroboratedWeakHits,
  WEAK_WEIGHT,
  type WeightedSpan,
} from './weak-evidence.js';

const hit = (start: number, end: number, weight: number): WeightedSpan => ({ start, end, weight });

/** The rule stated directly: all pairs of pieces, quadratic. */
function reference(hits: readonly WeightedSpan[]): Set<WeightedSpan> {
  const weak = hits.filter((h) => h.weight < WEAK_WEIGHT).sort((a, b) => a.start - b.start);
  const pieces: { start: number; end: number; best: number; members: WeightedSpan[] }[] = [];
  for (const h of weak) {
    const last = pieces.at(-1);
    if (last && h.start < last.end) {
      last.end = Math.max(last.end, h.end);
      last.best = Math.max(last.best, h.weight);
      last.members.push(h);
    } else pieces.push({ start: h.start, end: h.end, best: h.weight, members: [h] });
  }
  const out = new Set<WeightedSpan>();
  for (let i = 0; i < pieces.length; i++) {
    let sum = 0;
    for (let j = i; j < pieces.length; j++) {
      const pj = pieces[j] as (typeof pieces)[number];
      if (pj.end - (pieces[i] as (typeof pieces)[number]).start > CORROBORATION_SPAN) break;
      sum += pj.best;
      if (sum >= CORROBORATED_WEIGHT - 1e-9)
        for (let k = i; k <= j; k++)
          for (const h of (pieces[k] as (typeof pieces)[number]).members) out.add(h);
    }
  }
  return out;
}

describe('corroboratedWeakHits', () => {
  it('reports two weak hits close together', () => {
    const a = hit(0, 12, 0.45);
    const b = hit(200, 210, 0.45);
    expect(corroboratedWeakHits([a, b])).toEqual(new Set([a, b]));
  });

  /** regression: pasted honest posts added weak hits from unrelated paragraphs into a finding */
  it('does not add up weak hits further apart than the span', () => {
    const a = hit(0, 12, 0.45);
    const b = hit(CORROBORATION_SPAN + 1, CORROBORATION_SPAN + 11, 0.45);
    expect(corroboratedWeakHits([a, b]).size).toBe(0);
  });

  it('counts overlapping hits once, as the strongest of them', () => {
    const hits = [hit(0, 20, 0.45), hit(5, 25, 0.45), hit(10, 30, 0.4)];
    expect(corroboratedWeakHits(hits).size).toBe(0);
    const third = hit(100, 110, 0.45);
    expect(corroboratedWeakHits([...hits, third])).toEqual(new Set([...hits, third]));
  });

  it('ignores strong hits, which need no corroboration', () => {
    const strong = hit(0, 10, 0.9);
    const weak = hit(20, 30, 0.45);
    expect(corroboratedWeakHits([strong, weak]).size).toBe(0);
  });

  it('reports a chain of stretches that each reach the bar', () => {
    const step = CORROBORATION_SPAN - 20;
    const hits = [hit(0, 10, 0.45), hit(step, step + 10, 0.45), hit(2 * step, 2 * step + 10, 0.45)];
    expect(corroboratedWeakHits(hits)).toEqual(new Set(hits));
  });

  it('agrees with the rule stated over all pairs of pieces', () => {
    const arbHit = fc
      .record({
        start: fc.nat({ max: 3000 }),
        len: fc.integer({ min: 1, max: 700 }),
        weight: fc.constantFrom(0.1, 0.2, 0.3, 0.35, 0.45, 0.49, 0.5, 0.8),
      })
      .map((r) => hit(r.start, r.start + r.len, r.weight));
    fc.assert(
      fc.property(fc.array(arbHit, { maxLength: 30 }), (hits) => {
        expect(corroboratedWeakHits(hits)).toEqual(reference(hits));
      }),
      { numRuns: 500 },
    );
  });
});

describe('weak evidence in scanInjection', () => {
  const OPTS = { maxDecodeDepth: 2, decodeBudgetChars: 100_000 };
  // Each holds one weak cue: "display:none" and ".env with".
  const extension =
    'I sell a browser extension that highlights hidden text (display:none, zero-width, white-on-white) in any page.';
  const localModel =
    "If you're running the agent locally, you can override the model in .env with MODEL_NAME=your-model.";
  const market =
    'The weather in the valley was mild this week and the market stalls sold apples, pears and bread. ';

  it('reports weak cues that stand together', () => {
    expect(scanInjection(extension, OPTS)).toEqual([]);
    expect(scanInjection(localModel, OPTS)).toEqual([]);
    expect(scanInjection(`${extension}\n\n${localModel}`, OPTS).length).toBeGreaterThan(0);
  });

  /** regression: honest posts pasted into one long post were flagged for cues paragraphs apart */
  it('does not report weak cues paragraphs apart', () => {
    const apart = `${extension}\n\n${market.repeat(8)}\n\n${localModel}`;
    expect(scanInjection(apart, OPTS)).toEqual([]);
  });
});
