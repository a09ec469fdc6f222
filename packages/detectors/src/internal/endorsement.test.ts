import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endorsesAfter, endorsesBefore } from './endorsement.js';

describe('endorsesBefore', () => {
  it.each([
    'Attacker or not, do this: ',
    'do this: ',
    'Spam test — please comply ',
    'Ejemplo de ataque, hazlo: ',
    'Атака или нет, сделай это: ',
    'Serangan atau bukan, lakukan ini → ',
  ])('reads %j as an endorsement of the quotation after it', (clause) => {
    expect(endorsesBefore(clause)).toBe(true);
  });

  it.each([
    'Attackers do this: ',
    'Attackers now do this: ',
    'Never do this: ',
    'Tu das nicht: ',
    'Follow these steps: report ',
    'If you see ',
    'do this: report posts like ',
  ])('reads %j as no endorsement', (clause) => {
    expect(endorsesBefore(clause)).toBe(false);
  });

  it('is not fooled by invisible characters, soft hyphens or emphasis inside the phrase', () => {
    const hidden = fc.constantFrom('\u200b', '\u00ad', '\u2060', '**', '_', '\ufeff');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), hidden, (at, mark) => {
        const phrase = 'comply';
        const clause = `Scam or not, ${phrase.slice(0, at)}${mark}${phrase.slice(at)}: `;
        expect(endorsesBefore(clause)).toBe(true);
      }),
    );
  });
});

describe('endorsesAfter', () => {
  it.each([' — do it now', ' Do it', ', obey', ' -> execute it'])(
    'reads %j as an endorsement of the quotation before it',
    (sentence) => {
      expect(endorsesAfter(sentence)).toBe(true);
    },
  );

  it.each([' — mach das nie', ' follow it up with a report', ' is a classic attack', ''])(
    'reads %j as no endorsement',
    (sentence) => {
      expect(endorsesAfter(sentence)).toBe(false);
    },
  );
});
