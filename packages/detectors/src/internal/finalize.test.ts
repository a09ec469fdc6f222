import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Category, Finding } from '../types.js';
import type { FindingFilter } from './finalize.js';
import { finalize, MAX_FINDINGS } from './finalize.js';
import { redactedFor } from './render.js';
import type { RawFinding } from './rule.js';

const CATS: readonly Category[] = ['secret', 'pii', 'injection'];

/** The pipeline written the plain way (filters, per-category clusters, closures). */
function reference(raw: RawFinding[], text: string, o: FindingFilter): Finding[] {
  const holes: Array<[number, number]> = [];
  if (text.includes('#')) {
    const ph = /\[(?:SECRET:[a-z0-9-]{1,64}|[A-Z_]{1,40})#\d{1,9}\]/g;
    for (let m = ph.exec(text); m; m = ph.exec(text)) holes.push([m.index, m.index + m[0].length]);
  }
  const inHole = (f: RawFinding): boolean =>
    f.category !== 'injection' && holes.some(([a, b]) => f.start < b && f.end > a);
  const filtered = raw
    .filter((f) => !(holes.length > 0 && inHole(f)))
    .filter(
      (f) =>
        f.confidence >= o.minConfidence &&
        (!o.types || o.types.has(f.type)) &&
        !o.excludeTypes.has(f.type) &&
        (o.allowlist.size === 0 || !o.allowlist.has(text.slice(f.start, f.end))),
    );
  const out: RawFinding[] = [];
  for (const cat of CATS) {
    const list = filtered
      .filter((f) => f.category === cat)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    let cluster: RawFinding[] = [];
    let clusterEnd = -1;
    const flush = (): void => {
      if (cat === 'injection') {
        // Each type and span once, where it first occurs: its most confident hit (first of equals).
        const keyOf = (f: RawFinding): string => `${f.type}|${f.start}|${f.end}`;
        const seen = new Set<string>();
        for (const f of cluster) {
          const k = keyOf(f);
          if (seen.has(k)) continue;
          seen.add(k);
          const hits = cluster.filter((g) => keyOf(g) === k);
          out.push(hits.reduce((a, g) => (g.confidence > a.confidence ? g : a)));
        }
      } else {
        const ranked = [...cluster].sort(
          (a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start),
        );
        const kept: RawFinding[] = [];
        for (const f of ranked)
          if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f);
        out.push(...kept);
      }
      cluster = [];
    };
    for (const f of list) {
      if (f.start >= clusterEnd && cluster.length) flush();
      cluster.push(f);
      clusterEnd = Math.max(clusterEnd, f.end);
    }
    if (cluster.length) flush();
  }
  return out
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .slice(0, MAX_FINDINGS)
    .map((f) => ({
      category: f.category,
      type: f.type,
      start: f.start,
      end: f.end,
      confidence: Math.round(f.confidence * 100) / 100,
      severity: f.severity,
      redacted: redactedFor(f.category, f.type, text.slice(f.start, f.end)),
    }));
}

const text = fc
  .array(fc.constantFrom('a', 'b', '@', '.', ' ', '#', '[SECRET:jwt#1]', '[EMAIL#2]', 'x#'), {
    maxLength: 30,
  })
  .map((parts) => parts.join(''));

const rawFinding = (len: number): fc.Arbitrary<RawFinding> =>
  fc
    .record({
      category: fc.constantFrom<Category>('secret', 'pii', 'injection'),
      type: fc.constantFrom('email', 'jwt', 'generic-secret', 'instruction-override'),
      start: fc.nat(len),
      length: fc.integer({ min: 1, max: 12 }),
      confidence: fc.constantFrom(0.3, 0.55, 0.65, 0.9, 0.95, 1),
      severity: fc.constantFrom('low' as const, 'high' as const),
    })
    .map(({ length, ...f }) => ({ ...f, end: Math.min(len, f.start + length) + 1 }));

const filter: fc.Arbitrary<FindingFilter> = fc.record({
  types: fc.option(fc.constant(new Set(['email', 'jwt', 'instruction-override'])), {
    nil: undefined,
  }),
  excludeTypes: fc.constantFrom(new Set<string>(), new Set(['jwt'])),
  allowlist: fc.constantFrom(new Set<string>(), new Set(['a', 'ab', '@'])),
  minConfidence: fc.constantFrom(0, 0.6),
});

describe('finalize', () => {
  it('reports what the plain pipeline reports', () => {
    fc.assert(
      fc.property(
        text.chain((t) =>
          fc.tuple(fc.constant(t), fc.array(rawFinding(t.length), { maxLength: 12 })),
        ),
        filter,
        ([t, raw], o) => {
          expect(
            finalize(
              raw.map((f) => ({ ...f })),
              t,
              o,
            ),
          ).toEqual(reference(raw, t, o));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
