import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAutomaton } from './aho.js';
import { buildKeywordScanner } from './keyword-scan.js';

const keyword = fc.string({
  unit: fc.constantFrom('a', 'b', 'c', '1', '@', '.', '-'),
  minLength: 1,
  maxLength: 3,
});
const text = fc.string({
  unit: fc.constantFrom('a', 'b', 'c', 'A', 'B', 'C', '1', '2', '@', '.', '-', ' ', 'é'),
  maxLength: 40,
});

describe('buildKeywordScanner', () => {
  it('finds what one automaton over every keyword finds, call after call', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(keyword, { minLength: 1, maxLength: 10 }),
        fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
        fc.array(text, { minLength: 1, maxLength: 3 }),
        (kws, flags, texts) => {
          const track = Uint8Array.from(kws.map((_, i) => (flags[i] ? 1 : 0)));
          const scanner = buildKeywordScanner(kws, track);
          const ac = buildAutomaton(kws);
          for (const t of texts) {
            const seenList: number[] = [];
            const hits: number[] = [];
            scanner.find(t, seenList, hits, 1000);
            const wantSeen: number[] = [];
            const wantHits: number[] = [];
            ac.mark(t, new Uint8Array(kws.length), wantSeen, track, wantHits, 1000);
            expect([...seenList].sort((a, b) => a - b)).toEqual(wantSeen.sort((a, b) => a - b));
            expect(hits).toEqual(wantHits);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
