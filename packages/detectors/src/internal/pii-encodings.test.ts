import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const pii = (text: string) => scan(text, { categories: ['pii'] });
const types = (text: string): string[] => pii(text).map((f) => f.type);

describe('personal data written around the usual forms', () => {
  /** regression: issue 12 */
  it('reads dotted card groups as a card (Luhn), not as a MAC address', () => {
    const text = 'card 4111.1111.1111.1111 exp 12/29';
    expect(types(text)).toEqual(['credit-card']);
    const f = pii(text)[0];
    expect(text.slice(f?.start, f?.end)).toBe('4111.1111.1111.1111');
    // A wrong check digit is no card, and a dotted tail does not make one.
    expect(types('card 4111.1111.1111.1112')).not.toContain('credit-card');
    expect(types('release 4111.1111.1111.1111.2')).not.toContain('credit-card');
    // A real MAC address in dotted form is still one.
    expect(types('switch port 00a1.b2c3.d4e5 is up')).toEqual(['mac-address']);
  });

  /** regression: issue 12 */
  it('never takes a card out of a hex string', () => {
    expect(types('commit deadbeef4111111111111111cafe merged')).not.toContain('credit-card');
    expect(types('sha a4111111111111111 ok')).not.toContain('credit-card');
    expect(types('id_4111111111111111 ok')).not.toContain('credit-card');
    expect(types('pay with 4111 1111 1111 1111 today')).toContain('credit-card');
  });

  /** regression: issue 12 (the personal-data view joins printable ASCII only) */
  it('finds a card spelled in spaced fullwidth or circled digits in the folded view', () => {
    const fullwidth = '４ １ １ １ １ １ １ １ １ １ １ １ １ １ １ １';
    expect(types(`pay with ${fullwidth} today`)).toContain('credit-card');
    const circled = '④ ① ① ① ① ① ① ① ① ① ① ① ① ① ① ①';
    expect(types(`pay with ${circled} today`)).toContain('credit-card');
  });

  /** regression: review of the ASCII-only spacing join — mixed runs are joined as before */
  it('joins a spaced run that mixes ASCII with folded characters', () => {
    expect(types('pay 4 1 1 1 １ 1 1 1 1 1 1 1 1 1 1 1 now')).toContain('credit-card');
    expect(types('card ４ １ １ １ - １ １ １ １ - １ １ １ １ - １ １ １ １')).toContain(
      'credit-card',
    );
    expect(types('ｊ ｏ ｈ ｎ . ｄ ｏ ｅ @ ｅ ｘ ａ ｍ ｐ ｌ ｅ . ｃ ｏ ｍ')).toContain('email');
  });

  /** regression: issue 12 */
  it('finds addresses spelled with [at] and [dot], or with the bare words', () => {
    for (const text of [
      'write to jo [at] example [dot] org for access',
      'write to jo(at)example(dot)org for access',
      'write to jo {at} mail {dot} example {dot} co for access',
      'write to jo at example dot org for access',
    ])
      expect(types(text)).toContain('email');
    expect(types('look at this dot product')).toEqual([]);
    expect(types('meet me at home')).toEqual([]);
  });

  /** regression: issue 12 */
  it('finds an SSN written with words or spaced out, next to its context word', () => {
    expect(types('my ssn is five three six, two one, four seven nine eight')).toContain('us-ssn');
    expect(types('SSN: 5 3 6 - 2 1 - 4 7 9 8')).toContain('us-ssn');
    const text = 'my ssn is five three six two one four seven nine eight.';
    const f = pii(text).find((x) => x.type === 'us-ssn');
    expect(text.slice(f?.start, f?.end)).toBe('five three six two one four seven nine eight');
    // Without a context word a run of digit words is just words.
    expect(types('she counted five three six two one four seven nine eight sheep')).not.toContain(
      'us-ssn',
    );
  });
});
