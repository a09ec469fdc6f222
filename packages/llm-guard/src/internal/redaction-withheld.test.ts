import type { Replacement } from '@clawexchange/detectors';
import { describe, expect, it, vi } from 'vitest';
import { createRedactionSession } from './redaction.js';

// A detector finding that cuts through a LITERAL placeholder (`x[LITER` of `x[LITERAL#1]`):
// none of the shipped rules does this, so the rule is faked to reach the fallback.
vi.mock('@clawexchange/detectors', () => ({
  redact(text: string, options: { previous: readonly Replacement[] }) {
    if (!text.includes('x[LITER')) return { text, replacements: options.previous };
    const rep: Replacement = {
      placeholder: '[SECRET:t#1]',
      value: 'x[LITER',
      category: 'secret',
      type: 't',
    };
    return {
      text: text.replace('x[LITER', rep.placeholder),
      replacements: [...options.previous, rep],
    };
  },
}));

describe('redaction session fallback', () => {
  /** regression: issue 14 */
  it('withholds a whole text whose round trip would not be exact, and restores it exactly', () => {
    const session = createRedactionSession({ restoreInLinks: new Set() });
    expect(session.redact('a x[EMAIL#1] b')).toBe('[WITHHELD#1]');
    expect(session.redact('plain')).toBe('plain');
    expect(session.redact('a x[EMAIL#1] b')).toBe('[WITHHELD#1]');
    expect(session.restore('[WITHHELD#1] plain')).toBe('a x[EMAIL#1] b plain');
  });
});
