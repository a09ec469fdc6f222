import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luhn } from './checksums.js';
import { cardGrouping, cardIssuer, validCard } from './pii-validators.js';

/** The card-shape rules spelled out with strings, to check the one-pass readers against. */
function groupingByRule(raw: string, text: string, end: number): boolean {
  const seps = raw.replace(/\d/g, '');
  if (seps.length > 0 && seps !== (seps[0] as string).repeat(seps.length)) return false;
  if (text[end] === '.' && /\d/.test(text[end + 1] ?? '')) return false;
  if (seps[0] !== '.') return true;
  const groups = raw
    .split('.')
    .map((g) => g.length)
    .join('-');
  return ['4-4-4-4', '4-4-4-4-3', '4-6-5'].includes(groups);
}

function cardByRule(raw: string): number {
  const d = raw.replace(/\D/g, '');
  if (d.length < 12 || d.length > 19 || /^(\d)\1+$/.test(d)) return 0;
  return cardIssuer(d) && luhn(d) ? 0.9 : 0;
}

const candidate = fc
  .array(fc.constantFrom('4', '1', '1', '5', '0', '3', '7', ' ', '-', '.'), {
    minLength: 1,
    maxLength: 24,
  })
  .map((a) => a.join(''));

describe('card candidate checks', () => {
  it('read separators, dotted groups and digit counts as the rules say', () => {
    fc.assert(
      fc.property(candidate, fc.constantFrom('', ' ', '.1', '.', 'x'), (raw, after) => {
        const text = `card ${raw}${after}`;
        const end = 5 + raw.length;
        expect(cardGrouping(raw, text, end)).toBe(groupingByRule(raw, text, end));
        expect(validCard(raw)).toBe(cardByRule(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it('keep the known shapes', () => {
    expect(validCard('4111 1111 1111 1111')).toBe(0.9);
    expect(validCard('4111 1111 1111 1112')).toBe(0);
    expect(validCard('1111 1111 1111 1111')).toBe(0);
    expect(cardGrouping('4111.1111.1111.1111', 'x', 1)).toBe(true);
    expect(cardGrouping('4111.11111.111.1111', 'x', 1)).toBe(false);
    expect(cardGrouping('4111 1111-1111 1111', 'x', 1)).toBe(false);
  });
});
