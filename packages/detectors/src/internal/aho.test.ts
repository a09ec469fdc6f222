import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAutomaton } from './aho.js';

/** Every (keyword, end) occurrence, case-insensitive, by brute force. */
function naive(keywords: readonly string[], text: string): string[] {
  const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const out: string[] = [];
  keywords.forEach((k, i) => {
    for (let p = lower.indexOf(k); p >= 0; p = lower.indexOf(k, p + 1))
      out.push(`${i}@${p + k.length}`);
  });
  return out.sort();
}

const keyword = fc.string({
  unit: fc.constantFrom('a', 'b', 'c', '_', '-'),
  minLength: 1,
  maxLength: 4,
});
const text = fc.string({
  unit: fc.constantFrom('a', 'b', 'c', 'A', 'B', '_', '-', 'x', ' ', 'é'),
  maxLength: 40,
});

describe('buildAutomaton', () => {
  it('reports every occurrence, case-insensitively, and nothing else', () => {
    fc.assert(
      fc.property(fc.uniqueArray(keyword, { minLength: 1, maxLength: 8 }), text, (kws, t) => {
        const ac = buildAutomaton(kws);
        const pairs: number[] = [];
        const seen = new Uint8Array(kws.length);
        const seenList: number[] = [];
        ac.mark(t, seen, seenList, new Uint8Array(kws.length).fill(1), pairs, 1000);
        const hits: string[] = [];
        for (let i = 0; i < pairs.length; i += 2) hits.push(`${pairs[i]}@${pairs[i + 1]}`);
        expect(hits.sort()).toEqual(naive(kws, t));
        const firstEnd = (kw: number): number =>
          Math.min(
            ...naive(kws, t)
              .filter((h) => h.startsWith(`${kw}@`))
              .map((h) => Number(h.split('@')[1])),
          );
        const present = ac.present(t);
        expect(seenList).toEqual(present);
        expect([...seen.keys()].filter((k) => seen[k] === 1)).toEqual(
          [...present].sort((a, b) => a - b),
        );
        expect([...present].sort()).toEqual(
          [...new Set(hits.map((h) => Number(h.split('@')[0])))].sort(),
        );
        for (let i = 1; i < present.length; i++)
          expect(firstEnd(present[i] as number)).toBeGreaterThanOrEqual(
            firstEnd(present[i - 1] as number),
          );
      }),
      { numRuns: 2000 },
    );
  });
  it('reports occurrences of tracked keywords only, and every keyword as seen, call after call', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(keyword, { minLength: 1, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.array(text, { minLength: 1, maxLength: 3 }),
        (kws, flags, texts) => {
          const ac = buildAutomaton(kws);
          const track = Uint8Array.from(kws.map((_, i) => (flags[i] ? 1 : 0)));
          for (const t of texts) {
            const pairs: number[] = [];
            const seen = new Uint8Array(kws.length);
            const seenList: number[] = [];
            ac.mark(t, seen, seenList, track, pairs, 1000);
            const hits: string[] = [];
            for (let i = 0; i < pairs.length; i += 2) hits.push(`${pairs[i]}@${pairs[i + 1]}`);
            const want = naive(kws, t).filter((h) => flags[Number(h.split('@')[0])]);
            expect(hits.sort()).toEqual(want);
            expect(seenList).toEqual(ac.present(t));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('treats non-ASCII characters as breaks', () => {
    expect(buildAutomaton(['ab']).present('aéb ab')).toEqual([0]);
    expect(buildAutomaton(['ab']).present('aéb')).toEqual([]);
  });
  it('flagsIn: the OR of the flags of the keywords present', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(keyword, { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 8, maxLength: 8 }),
        fc.array(text, { minLength: 1, maxLength: 3 }),
        (kws, bits, texts) => {
          const ac = buildAutomaton(kws);
          const flags = Uint8Array.from(kws, (_, i) => bits[i] as number);
          for (const t of texts) {
            const want = ac.present(t).reduce((acc, k) => acc | (flags[k] as number), 0);
            expect(ac.flagsIn(t, flags)).toBe(want);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
  describe('foldWhitespace', () => {
    const spaced = fc
      .string({ unit: fc.constantFrom('a', 'b', 'c', ' '), minLength: 1, maxLength: 5 })
      .filter((k) => !k.startsWith(' ') && !k.includes('  '));
    const ws = fc.string({
      unit: fc.constantFrom('a', 'b', 'C', ' ', '\t', '\n', '\r', 'x', 'é'),
      maxLength: 40,
    });
    /** The injection view's whitespace rule: runs become one space, none leads. */
    const fold = (t: string): string => t.replace(/[ \t\n\r]+/g, ' ').replace(/^ /, '');

    it('finds the keywords of the folded text, in the same order', () => {
      fc.assert(
        fc.property(fc.uniqueArray(spaced, { minLength: 1, maxLength: 8 }), ws, (kws, t) => {
          expect(buildAutomaton(kws, { foldWhitespace: true }).present(t)).toEqual(
            buildAutomaton(kws).present(fold(t)),
          );
        }),
        { numRuns: 2000 },
      );
    });
    it('reports the same occurrences of keywords without spaces', () => {
      fc.assert(
        fc.property(fc.uniqueArray(spaced, { minLength: 1, maxLength: 8 }), ws, (kws, t) => {
          const track = Uint8Array.from(kws, (k) => (k.includes(' ') ? 0 : 1));
          const occurrences = (folding: boolean): number[] => {
            const pairs: number[] = [];
            buildAutomaton(kws, { foldWhitespace: folding }).mark(
              t,
              new Uint8Array(kws.length),
              [],
              track,
              pairs,
              1000,
            );
            return pairs;
          };
          expect(occurrences(true)).toEqual(occurrences(false));
        }),
        { numRuns: 1000 },
      );
    });
    it('rejects keywords it cannot match as written', () => {
      for (const bad of [' lead', 'two  spaces', 'tab\there'])
        expect(() => buildAutomaton(['ok', bad], { foldWhitespace: true })).toThrow(/folded/);
    });
  });
});
