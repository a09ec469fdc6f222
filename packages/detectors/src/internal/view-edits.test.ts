import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Edit, type EditList, findEdits } from './view-edits.js';

const IGNORABLE = ['\u200b', '\u00ad', '\u202e', '\ufeff', '\u2060', '\ufe0f', '\udb40\udc41'];
const COMPAT = [
  '\uff41',
  '\uff10',
  '\uff3f',
  '\u2460',
  '\ud835\udc00',
  '\u3000',
  '\u2122',
  '\u2070',
];
const PLAIN = ['a', 'Z', '7', ' ', '_', '\ufb01', 'é'];

/** The rule character by character: ignorables dropped, compatibility characters folded to one printable ASCII character or kept. */
function reference(s: string): string {
  let out = '';
  for (const ch of s) {
    if (IGNORABLE.includes(ch)) continue;
    const f = ch.normalize('NFKC');
    const c = f.charCodeAt(0);
    out += COMPAT.includes(ch) && f.length === 1 && c >= 0x20 && c < 0x7f ? f : ch;
  }
  return out;
}

/** The edits of a list as objects. */
const each = (edits: EditList): Edit[] =>
  Array.from({ length: edits.length }, (_, i) => edits.at(i));

function applied(s: string, edits: EditList): string {
  let out = '';
  let at = 0;
  for (const e of each(edits)) {
    out += s.slice(at, e.start) + e.out;
    at = e.end;
  }
  return out + s.slice(at);
}

describe('unicode edits', () => {
  it('drop ignorables and fold compatibility characters as the rule does, character by character', () => {
    const piece = fc.constantFrom(...IGNORABLE, ...COMPAT, ...PLAIN);
    const run = fc.tuple(piece, fc.integer({ min: 1, max: 4 })).map(([p, n]) => p.repeat(n));
    fc.assert(
      fc.property(fc.array(run, { maxLength: 40 }), (runs) => {
        const s = runs.join('');
        const edits = findEdits(s, { triggers: 0 });
        expect(applied(s, edits)).toBe(reference(s));
        for (const e of each(edits)) {
          if (e.spans === undefined) continue;
          // Each folded character comes from its own source character.
          expect(e.spans.length).toBe(2 * e.out.length);
          for (let c = 0; c < e.out.length; c++) {
            const from = s.slice(e.spans[2 * c] as number, e.spans[2 * c + 1] as number);
            expect(from.normalize('NFKC')).toBe(e.out[c]);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  /** regression: one edit per character made a run of a million invisible or fullwidth characters cost 1.5 s to scan */
  it('make one edit of a run', () => {
    expect(findEdits('\u202e'.repeat(100_000), { triggers: 0 })).toHaveLength(1);
    const fullwidth = findEdits('\uff41'.repeat(100_000), { triggers: 0 });
    expect(fullwidth).toHaveLength(1);
    expect(fullwidth.at(0).out).toBe('a'.repeat(100_000));
  });
});
