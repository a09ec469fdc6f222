import { describe, expect, it } from 'vitest';
import { luhn } from './checksums.js';
import { tokenMaker } from './made-up-tokens.js';
import {
  broken,
  type Case,
  describeCases,
  found,
  valid,
} from './national-id-cases.test-support.js';
import * as c from './national-id-checks-round6.js';

// Made-up numbers (issue 12, round 6): seeded digits completed with the check each authority
// publishes, so the tests hold real-shaped values without copying anyone's.
const { digits } = tokenMaker(20261204);

const groups3 = (s: string): string => `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`;

const itVat = valid(c.validItVat, () => `${digits(7)}0${digits(2).replace(/^(\d)/, '1')}`);
const acn = valid(c.validAuAcn, () => `0${digits(7)}`);
const amka = valid(c.validGrAmka, () => `150388${digits(4)}`);
const taj = valid(c.validHuTaj, () => `0${digits(7)}`);
const rnokpp = valid(c.validUaRnokpp, () => `3${digits(8)}`);
const irCode = valid(c.validIrNationalCode, () => `00${digits(7)}`);

const cases: readonly Case[] = [
  [
    'it-vat',
    `Partita IVA: ${itVat}`,
    itVat,
    [`Partita IVA: ${broken(itVat)}`, `ordine n. ${itVat}`, `derivative ${itVat}`],
  ],
  ['it-vat', `VAT number IT${itVat}`, `IT${itVat}`, [`VAT number IT${broken(itVat)}`]],
  [
    'au-acn',
    `Widgets Pty Ltd, ACN ${groups3(acn)}`,
    groups3(acn),
    [`Widgets Pty Ltd, ACN ${groups3(broken(acn))}`, `Widgets Pty Ltd, invoice ${groups3(acn)}`],
  ],
  ['sg-uen', 'UEN: 53312345A', '53312345A', ['order 53312345A', 'UEN: 5331234A']],
  ['sg-uen', 'our UEN is T08LL1234A', 'T08LL1234A', ['ref T08LL1234A']],
  ['gr-amka', `ΑΜΚΑ: ${amka}`, amka, [`ΑΜΚΑ: ${broken(amka)}`, `τηλέφωνο ${amka}`]],
  ['gr-amka', `AMKA ${amka}`, amka, [`AMKA 45${amka.slice(2)}`]],
  [
    'hu-taj',
    `TAJ szám: ${groups3(taj)}`,
    groups3(taj),
    [`TAJ szám: ${groups3(broken(taj))}`, `Taj Mahal tickets ${groups3(taj)} sold`],
  ],
  ['ua-rnokpp', `РНОКПП: ${rnokpp}`, rnokpp, [`РНОКПП: ${broken(rnokpp)}`, `замовлення ${rnokpp}`]],
  ['ua-rnokpp', `ІПН ${rnokpp}`, rnokpp, [`спіпно ${rnokpp}`]],
  [
    'ir-national-code',
    `کد ملی: ${irCode}`,
    irCode,
    [`کد ملی: ${broken(irCode)}`, `کد پستی: ${irCode}`],
  ],
  [
    'ir-national-code',
    `national code ${irCode.slice(0, 3)}-${irCode.slice(3, 9)}-${irCode.slice(9)}`,
    `${irCode.slice(0, 3)}-${irCode.slice(3, 9)}-${irCode.slice(9)}`,
    [`zip code ${irCode}`],
  ],
];

describeCases(
  'round 6 national, tax and company ids (issue 12): made-up numbers with valid checks',
  cases,
);

/** regression: review of round 6 — a word anywhere before the number let other numbers pass */
describe('round 6 review: the word must label the number', () => {
  const misses: [string, string][] = [
    ['ua-rnokpp', `ФОП, ІПН надам за запитом. Тел.: ${rnokpp}`],
    ['ua-rnokpp', `Need RNOKPP? no. Order ${rnokpp} shipped`],
    ['ir-national-code', `کد ملی و کد پستی را وارد کنید. کد پستی: ${irCode}`],
    ['ir-national-code', `National code not required. Order number ${irCode}`],
    ['gr-amka', `amka_lookup failed request_id=${amka}`],
    ['hu-taj', `Stayed at the Taj: ${groups3(taj)} is their front desk number`],
    ['it-vat', `Faktura VAT nr ${itVat}`],
    ['au-acn', `Mobile phase: ACN ${groups3(acn)} gradient`],
  ];
  it.each(misses)('%s: not in "%s"', (type, text) => {
    expect(found(text, type)).toBeUndefined();
  });
  const hits: [string, string, string][] = [
    ['it-vat', `P.IVA/C.F. ${itVat}`, itVat],
    ['it-vat', `P.I. ${itVat}`, itVat],
    ['ua-rnokpp', `ИНН ${rnokpp}`, rnokpp],
    ['ua-rnokpp', `Ідентифікаційний номер ${rnokpp}`, rnokpp],
    ['ir-national-code', `كد ملي: ${irCode}`, irCode],
    ['gr-amka', `A.M.K.A. ${amka}`, amka],
    ['hu-taj', `TAJ számom: ${groups3(taj)}`, groups3(taj)],
  ];
  it.each(hits)('%s: found in "%s"', (type, text, value) => {
    expect(found(text, type)).toBe(value);
  });
  it('Turkish authentication codes and Spanish property certificates are no identity documents', () => {
    expect(
      found('Kimlik doğrulama kodunuz: 765471. Kimseyle paylaşmayın.', 'id-document'),
    ).toBeUndefined();
    expect(
      found('Piso en venta, cédula de habitabilidad nº 26641056', 'id-document'),
    ).toBeUndefined();
    expect(found('Odbiór osobisty, zamówienie nr 36876149', 'id-document')).toBeUndefined();
  });
});

/** `body` completed with its Luhn check digit. */
const withLuhn = (body: string): string =>
  [...'0123456789'].map((x) => body + x).find((n) => luhn(n)) as string;

type Published = readonly [
  name: string,
  check: (s: string) => boolean,
  valid: readonly string[],
  invalid: readonly string[],
];

const PUBLISHED: readonly Published[] = [
  ['Australia ACN (ASIC worked example)', c.validAuAcn, ['004 085 616'], ['004 085 617']],
  ['Hungary TAJ', c.validHuTaj, ['037 687 210'], ['037 687 211']],
  ['Ukraine RNOKPP (198 mod 11 = 0)', c.validUaRnokpp, ['3141592650'], ['3141592651']],
  [
    'Iran national code (r = 2 → 9; r = 0 → 0; r = 1 → 1)',
    c.validIrNationalCode,
    ['0499370899', '0100000010', '0000000061'],
    ['0499370898', '1111111111'],
  ],
  [
    'Italy Partita IVA (office codes 001–100, 120, 121, 888, 999)',
    c.validItVat,
    [withLuhn('1234567050'), withLuhn('1234567888')],
    [withLuhn('1234567150')],
  ],
  ['Greece AMKA (a real day and month)', c.validGrAmka, [amka], ['32138812345']],
];

describe('round 6 checks against the published algorithms', () => {
  it.each(PUBLISHED)('%s', (_name, check, valid, invalid) => {
    for (const n of valid) expect(check(n)).toBe(true);
    for (const n of invalid) expect(check(n)).toBe(false);
  });
});

describe('identity documents named in more languages (round 6)', () => {
  it.each([
    ['numero di passaporto YA1234567', 'YA1234567'],
    ["carta d'identità CA00000AA", 'CA00000AA'],
    ['numer paszportu AB1234567', 'AB1234567'],
    ['paspoort NW1234567', 'NW1234567'],
  ])('%s', (text, value) => {
    expect(found(text, 'id-document')).toBe(value);
  });
  it('a passport-shaped code without such a word is not one', () => {
    expect(found('order YA1234567 shipped', 'id-document')).toBeUndefined();
  });
});
