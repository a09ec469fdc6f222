import { describe, expect, it } from 'vitest';
import { EARLIER_LEXICONS } from './injection-i18n-earlier-lexicon.js';
import { LEXICONS } from './injection-i18n-lexicon.js';

describe('EARLIER_LEXICONS', () => {
  it('has one entry per language of LEXICONS, in the same order', () => {
    expect(EARLIER_LEXICONS.map((e) => e.lang)).toEqual(LEXICONS.map((l) => l.lang));
  });

  it('spells every phrase as the plain view reads it: lower-case, trimmed, single-spaced', () => {
    for (const e of EARLIER_LEXICONS) {
      for (const list of [
        e.drop,
        e.givenYou,
        e.scope,
        e.own,
        e.whole,
        e.earlier,
        e.material,
        e.nextStep,
      ]) {
        expect(list.length, e.lang).toBeGreaterThan(0);
        for (const phrase of list) {
          expect(phrase, e.lang).toBe(phrase.toLowerCase().trim().replace(/\s+/g, ' '));
          expect(phrase.length, e.lang).toBeGreaterThan(0);
        }
        expect(new Set(list).size, `${e.lang}: a phrase listed twice`).toBe(list.length);
      }
    }
  });
});
