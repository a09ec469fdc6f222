import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.js';

/** Straightforward ASCII normalisation: lower-case, collapse whitespace, drop leading space. */
function reference(input: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  let lastWasSpace = true;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (lastWasSpace) continue;
      text += ' ';
      lastWasSpace = true;
    } else {
      text += ch.toLowerCase();
      lastWasSpace = false;
    }
    map.push(i);
  }
  map.push(input.length);
  return { text, map };
}

const ascii = fc.string({
  unit: fc.constantFrom('a', 'B', 'z', 'Q', '1', '.', ' ', ' ', '\t', '\n', '\r', '\f', '\v'),
  maxLength: 60,
});

describe('normalize (ASCII fast path)', () => {
  it('lower-cases, collapses whitespace and maps back to the input', () => {
    const n = normalize('  Ignore\t\tALL \r\nprevious ');
    expect(n.text).toBe('ignore all previous ');
    expect(n.text).toBe(n.plain);
    expect(Array.from(n.map)).toEqual(reference('  Ignore\t\tALL \r\nprevious ').map);
  });
  it('matches the character-by-character definition', () => {
    fc.assert(
      fc.property(ascii, (s) => {
        const n = normalize(s);
        const r = reference(s);
        expect(n.text).toBe(r.text);
        expect(Array.from(n.map)).toEqual(r.map);
      }),
      { numRuns: 2000 },
    );
  });
});
