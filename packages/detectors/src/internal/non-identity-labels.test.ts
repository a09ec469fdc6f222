import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanPii } from '../index.js';
import { labelledAsNonIdentity } from './non-identity-labels.js';
import { validDeTaxId, validNhs, validSePnr } from './pii-validators.js';

const idDocuments = (text: string): string[] =>
  scanPii(text)
    .filter((f) => f.type === 'id-document')
    .map((f) => text.slice(f.start, f.end));

/** Products that name an identity document, in the languages of the document words. */
const PRODUCTS = [
  'Leather passport holder',
  'Passport cover, blue',
  'Reisepass-Hülle aus Leder',
  'Porta passaporto in pelle',
  'Funda para pasaporte',
  'Étui passeport',
  'Driver licence wallet',
  'ID card sleeve (pack of 10)',
];
/** Labels that name the code as the product's, order's or key's. */
const LABELS = [
  'SKU',
  'SKU:',
  'Model',
  'model no.',
  'Artikelnummer',
  'Art.-Nr.',
  'codice',
  'cod. art.',
  'Ref.',
  'référence',
  'order #',
  'Bestellnummer:',
  'pedido nº',
  'item #',
  'EAN',
  'serial number',
  'key:',
];
const CODE = fc.stringMatching(/^[A-Z]{1,2}\d{7,9}$/);

describe('numbers labelled as a product, order or key number (issue 12)', () => {
  /** regression: issue 12 (a passport holder's SKU was held as an identity document) */
  it('are not identity documents, whatever the product and the label', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRODUCTS),
        fc.constantFrom(...LABELS),
        CODE,
        (p, label, code) => {
          expect(idDocuments(`${p}, ${label} ${code}, ships in 2 days.`)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leave a number labelled as the document found', () => {
    for (const t of [
      'My passport number is C01X00T47.',
      'Passport no. C01X00T47',
      'passport # C01X00T47',
      'Führerschein Nr. B072RRE2I55',
      'Reisepass: C01X00T47, gültig bis 2031',
    ])
      expect(idDocuments(t)).toHaveLength(1);
  });

  /** regression: issue 12 (6% of order, ticket and ISBN numbers were national ids) */
  it('are not national ids, even when they pass a national id check', () => {
    const label = fc.constantFrom(
      'Order',
      'order no.',
      'Tracking number:',
      'Invoice',
      'ISBN',
      'Listing id',
      'ticket',
      'Build',
      'Ref',
      'Bestellnummer',
      'pedido nº',
    );
    fc.assert(
      fc.property(label, fc.stringMatching(/^[1-9]\d{7,12}$/), (l, n) => {
        const ids = scanPii(`${l} ${n} shipped today.`).filter((f) => f.type !== 'credit-card');
        expect(ids).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('leave the same numbers found where a label names them', () => {
    // An NHS number that is also a valid personnummer is reported as one of the two.
    const nhs = fc.stringMatching(/^[1-9]\d{9}$/).filter((n) => validNhs(n) && !validSePnr(n));
    const taxId = fc.stringMatching(/^[1-9]\d{10}$/).filter(validDeTaxId);
    fc.assert(
      fc.property(nhs, taxId, (n, t) => {
        expect(scanPii(`Order ${n}`).map((f) => f.type)).not.toContain('uk-nhs');
        expect(scanPii(`NHS number ${n}`).map((f) => f.type)).toContain('uk-nhs');
        // "tin" inside "listing" was read as the tax id's context word.
        expect(scanPii(`Listing ${t}`).map((f) => f.type)).not.toContain('de-tax-id');
        expect(scanPii(`Steuer-IdNr: ${t}`).map((f) => f.type)).toContain('de-tax-id');
      }),
      { numRuns: 200 },
    );
  });

  /** A label must not be a way to post someone's id unnoticed. */
  it('leave a number printed in an identity layout found whatever its label', () => {
    expect(scanPii('order # 536-22-8491').map((f) => f.type)).toContain('us-ssn');
    expect(scanPii('SKU: 13-19-204817-53').map((f) => f.type)).toContain('kr-driver-license');
    // Grouped by spaces, as tracking and order numbers are, it is still a bare code.
    expect(scanPii('Tracking 9434 7659 1929').map((f) => f.type)).toEqual([]);
    expect(scanPii('here: 9434 7659 1929').map((f) => f.type)).toContain('in-aadhaar');
  });

  /** regression: issue 12 (a red team's leaks: the label refusal hid numbers named as a person's) */
  it("leave a number found when the clause also names it as a person's", () => {
    const texts = [
      "Hi, here's my SSN for the payment: 536 22 8491",
      'The landlord needs my SSN for the booking: 536228491',
      'NHS number for my order: 9434765919',
      'Pharmacy repeat prescription, NHS no. for the order: 943 476 5919',
      'Ref: 9434765919 (my NHS number)',
      'Aadhaar for payment: 9434 7659 1929',
      'Steuer-ID für die Rechnung: 86095742719',
      'Passport number for the booking: C03005988',
    ];
    for (const t of texts) expect(scanPii(t).length, t).toBeGreaterThan(0);
    // A product named after a document is no such naming.
    expect(idDocuments('Leather passport holder, SKU AB1234567')).toEqual([]);
    expect(idDocuments('Porta passaporto in pelle, codice YA1234567')).toEqual([]);
  });

  it('read only a label that ends right before the number', () => {
    const at = (t: string): boolean => labelledAsNonIdentity(`${t}X1`, t.length, t.length + 2);
    expect(at('SKU: ')).toBe(true);
    expect(at('order # ')).toBe(true);
    expect(at('SKU 123, passport ')).toBe(false);
    expect(at('passport ')).toBe(false);
    // A label inside a longer word is not one: "decode" is not "code", "Sportart" not "art".
    expect(at('decode ')).toBe(false);
    expect(at('Sportart ')).toBe(false);
  });
});
