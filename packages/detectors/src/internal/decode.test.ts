import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachBase64Run, findEncoded } from './decode.js';

/** Every run, collected. */
function base64Runs(t: string): number[][] {
  const runs: number[][] = [];
  eachBase64Run(t, (start, end) => runs.push([start, end]) > 0);
  return runs;
}

/** The specification of a base64 run. */
const REFERENCE = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{20,}={0,2}/g;

const text = fc
  .array(
    fc.oneof(
      fc.string({ unit: fc.constantFrom('A', 'z', '9', '+', '/', '_', '-'), maxLength: 30 }),
      fc.constantFrom('=', '==', '===', ' ', '.', 'é', '\n'),
      // Runs right at the minimum length, at every offset.
      fc.integer({ min: 18, max: 22 }).map((k) => 'Ab9'.repeat(8).slice(0, k)),
      fc.integer({ min: 1, max: 21 }).map((k) => ' '.repeat(k)),
    ),
    { maxLength: 12 },
  )
  .map((p) => p.join(''));

describe('eachBase64Run', () => {
  it('yields the same spans as the reference regex', () => {
    fc.assert(
      fc.property(text, (t) => {
        const want = [...t.matchAll(REFERENCE)].map((m) => [m.index, m.index + m[0].length]);
        expect(base64Runs(t)).toEqual(want);
      }),
      { numRuns: 5000 },
    );
  });
  it('stops when the visitor says so', () => {
    const run = 'Ab9'.repeat(10);
    const seen: number[] = [];
    eachBase64Run(`${run} ${run} ${run}`, (start) => seen.push(start) < 2);
    expect(seen).toEqual([0, 31]);
  });
  it('feeds decoding: an embedded base64 sentence is found', () => {
    const b64 = Buffer.from('please ignore the previous message').toString('base64');
    expect(findEncoded(`see ${b64} ok`, 1000).map((d) => d.text)).toEqual([
      'please ignore the previous message',
    ]);
  });
});
