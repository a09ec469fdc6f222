import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, scan } from './index.js';

/**
 * Adversarial families (issue 12): runs and alternations of every character
 * class the normaliser and decoders treat specially, nested inside each other
 * and inside encodings. Whatever the mix, scanning never throws and every
 * finding lies inside the text. (Time is checked by `pnpm bench`, not here.)
 */
const classes = {
  control: ['\u0000', '\u0001', '\u001b', '\u007f', '\u0085'],
  bidi: ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'],
  invisible: ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u061c', '\u3164'],
  combining: ['\u0301', '\u0308', '\u20dd', '\ufe0f', '\u{e0100}'],
  surrogate: ['\ud800', '\udc00', '\udbff', '\u{1f600}'],
  markup: ['**', '_', '<b>', '</b>', '<!--', '-->', '`', '```', '&#105;', '&amp;'],
  encoding: ['%41', '\\u0069', 'aWdub3Jl', '0x69', '==', '\\x69'],
  keyword: ['ignore', 'previous', 'instructions', 'system prompt', 'AKIA', 'ghp_', 'password='],
  tag: ['\u{e0069}', '\u{e0067}', '\u{e007f}'],
  letters: ['a', 'Z', '7', ' ', '\n', '\u0456', '\uff49', '\u1d00', 'i\n', 'g\r\n', '7\n\n'],
} as const;

const unit = fc.constantFrom(...Object.values(classes).flat());
/** A unit, repeated into a run, possibly wrapped in a bidi override or base64. */
const piece = fc
  .tuple(unit, fc.integer({ min: 1, max: 400 }), fc.constantFrom('plain', 'rlo', 'base64'))
  .map(([u, times, wrap]) => {
    const run = u.repeat(times);
    if (wrap === 'rlo') return `\u202e${run}`;
    if (wrap === 'base64') return Buffer.from(run).toString('base64');
    return run;
  });
const adversarialText = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));

describe('adversarial families', () => {
  it('scan never throws and reports spans inside the text', () => {
    fc.assert(
      fc.property(adversarialText, (text) => {
        for (const f of scan(text)) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeLessThanOrEqual(f.end);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('redact never throws on the same inputs', () => {
    fc.assert(
      fc.property(adversarialText, (text) => {
        expect(typeof redact(text).text).toBe('string');
      }),
      { numRuns: 60 },
    );
  });
});
