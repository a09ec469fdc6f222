import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as c from './national-id-checks.js';

const DIGITS = '0123456789';

/** The check characters that complete `body` into a valid number (`after` follows the check). */
function completions(
  check: (s: string) => boolean,
  body: string,
  alphabet = DIGITS,
  after = '',
): string[] {
  return [...alphabet].filter((ch) => check(body + ch + after));
}

describe('national id checks: numbers worked by hand from the published rules', () => {
  it('China: the GB 11643 worked example (check X) and its near misses', () => {
    expect(c.validCnResidentId('11010519491231002X')).toBe(true);
    expect(c.validCnResidentId('11010519491231002x')).toBe(true);
    expect(c.validCnResidentId('110105194912310021')).toBe(false);
    // Region 99 does not exist; 31 February is no date.
    expect(c.validCnResidentId('99010519491231002X')).toBe(false);
    expect(completions(c.validCnResidentId, '11010519490231002', `${DIGITS}X`)).toEqual([]);
  });
  it('Brazil: CPF 111.444.777-35 and CNPJ 11.222.333/0001-81, repeated digits refused', () => {
    expect(c.validBrCpf('111.444.777-35')).toBe(true);
    expect(c.validBrCpf('111.444.777-36')).toBe(false);
    expect(c.validBrCpf('111.111.111-11')).toBe(false);
    expect(c.validBrCnpj('11.222.333/0001-81')).toBe(true);
    expect(c.validBrCnpj('11.222.333/0001-18')).toBe(false);
    // Alphanumeric CNPJ (from July 2026): letters count as their code minus 48 (A = 17).
    expect(c.validBrCnpj('12.ABC.345/01DE-35')).toBe(true);
    expect(c.validBrCnpj('12.ABC.345/01DE-53')).toBe(false);
    expect(c.validBrCnpj('12.ABC.345/01DE-3A')).toBe(false);
  });
  it('Japan: My Number 1234 5678 9018 (weights 2–7 from the right)', () => {
    expect(c.validJpMyNumber('123456789018')).toBe(true);
    expect(c.validJpMyNumber('1234-5678-9018')).toBe(true);
    expect(c.validJpMyNumber('123456789017')).toBe(false);
  });
  it('Italy: RSSMRA85T10A562S (check letter S)', () => {
    expect(c.validItFiscalCode('RSSMRA85T10A562S')).toBe(true);
    expect(c.validItFiscalCode('rssmra85t10a562s')).toBe(true);
    expect(c.validItFiscalCode('RSSMRA85T10A562T')).toBe(false);
  });
  it('Netherlands, Portugal, Russia: 111222333, 123456789, 112-233-445 95', () => {
    expect(c.validNlBsn('111222333')).toBe(true);
    expect(c.validNlBsn('111222334')).toBe(false);
    expect(c.validPtNif('123456789')).toBe(true);
    expect(c.validPtNif('123456780')).toBe(false);
    // Weighted sum 95 is below 100, so it is the check itself.
    expect(c.validRuSnils('112-233-445 95')).toBe(true);
    expect(c.validRuSnils('112-233-445 96')).toBe(false);
  });
  it('France: the key is 97 − (number mod 97); Corsica 2A and 2B count as 19 and 18', () => {
    const key = (n: bigint): string => String(97n - (n % 97n)).padStart(2, '0');
    const plain = '1840575001023';
    expect(c.validFrNir(plain + key(BigInt(plain)))).toBe(true);
    expect(c.validFrNir(`1 84 05 75 001 023 ${key(BigInt(plain))}`)).toBe(true);
    const k2a = key(1840519001023n);
    const k2b = key(1840518001023n);
    expect(c.validFrNir(`184052A001023${k2a}`)).toBe(true);
    expect(c.validFrNir(`184052B001023${k2b}`)).toBe(true);
    expect(c.validFrNir(`184052A001023${k2b}`)).toBe(k2a === k2b);
    // Sex digit 5 and month 13 are not issued.
    expect(c.validFrNir(`5840575001023${key(5840575001023n)}`)).toBe(false);
    expect(c.validFrNir(`1841375001023${key(1841375001023n)}`)).toBe(false);
  });
});

describe('national id checks: exactly one check character completes a body', () => {
  const single: Array<[string, (s: string) => boolean, fc.Arbitrary<string>, string?]> = [
    ['my number', c.validJpMyNumber, fc.stringMatching(/^[1-9]\d{10}$/)],
    ['bsn', c.validNlBsn, fc.stringMatching(/^[1-9]\d{7}$/)],
    ['nif pt', c.validPtNif, fc.stringMatching(/^[1235689]\d{7}$/)],
    ['oib', c.validHrOib, fc.stringMatching(/^[1-9]\d{9}$/)],
    ['cnp', c.validRoCnp, fc.stringMatching(/^[1-8]\d{2}(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{6}$/)],
    ['egn', c.validBgEgn, fc.stringMatching(/^\d{2}(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}$/)],
    [
      'isikukood',
      c.validEeLtPersonalCode,
      fc.stringMatching(/^[1-6]\d{2}(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}$/),
    ],
    ['curp', c.validMxCurp, fc.constantFrom('GOMA850101HDFRRL0', 'LOPE991231MJCPRS1')],
    ['nir', c.validFrNir, fc.stringMatching(/^[12]\d{2}(0[1-9]|1[0-2])\d{8}$/)],
  ];
  for (const [name, check, bodies] of single) {
    it(`${name}: one completion, every other check character refused`, () => {
      fc.assert(
        fc.property(bodies, (body) => {
          const alphabet = name === 'nir' ? undefined : DIGITS;
          if (name === 'nir') {
            // The NIR key is two digits: exactly one of 01–97 completes the body.
            const keys = Array.from({ length: 99 }, (_, k) => String(k + 1).padStart(2, '0'));
            expect(keys.filter((k) => check(body + k))).toHaveLength(1);
            return;
          }
          expect(completions(check, body, alphabet).length).toBeLessThanOrEqual(1);
        }),
        { numRuns: 200 },
      );
    });
  }
  it('China: one completion among 0–9 and X', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^11\d{4}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}$/),
        (body) => {
          expect(completions(c.validCnResidentId, body, `${DIGITS}X`)).toHaveLength(1);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('Ireland PPSN: one check letter among A–W', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{7}$/), (body) => {
        expect(completions(c.validIePpsn, body, 'ABCDEFGHIJKLMNOPQRSTUVW')).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('national id checks: random digit strings with a wrong check are refused', () => {
  /** A body, its valid completion found by search, then every other last digit. */
  const cases: Array<[string, (s: string) => boolean, number]> = [
    ['cpf', c.validBrCpf, 11],
    ['cnpj', c.validBrCnpj, 14],
    ['my number', c.validJpMyNumber, 12],
    ['bsn', c.validNlBsn, 9],
    ['nif pt', c.validPtNif, 9],
    ['oib', c.validHrOib, 11],
    ['cnp', c.validRoCnp, 13],
    ['egn', c.validBgEgn, 10],
    ['snils', c.validRuSnils, 11],
    ['inn', c.validRuInn, 12],
    ['svnr', c.validAtSvnr, 10],
    ['birth number', c.validCzBirthNumber, 10],
    ['be national number', c.validBeNationalNumber, 11],
    ['isikukood', c.validEeLtPersonalCode, 11],
  ];
  for (const [name, check, len] of cases) {
    it(`${name}: a valid number with its last digit changed is refused`, () => {
      fc.assert(
        fc.property(
          fc.stringMatching(new RegExp(`^\\d{${len}}$`)),
          fc.integer({ min: 1, max: 9 }),
          (s, shift) => {
            const body = s.slice(0, -1);
            const good = completions(check, body);
            fc.pre(good.length === 1);
            const last = String((Number(good[0]) + shift) % 10);
            expect(check(body + last)).toBe(false);
          },
        ),
        { numRuns: 300, maxSkipsPerRun: 1000 },
      );
    });
  }
});

describe('national id checks: structure', () => {
  it('Indonesia NIK needs a province, a birth date (women +40) and a serial', () => {
    expect(c.validIdNik('3174054309900001')).toBe(true);
    expect(c.validIdNik('3174050309900001')).toBe(true);
    expect(c.validIdNik('0074050309900001')).toBe(false);
    expect(c.validIdNik('3174053509900001')).toBe(false);
    expect(c.validIdNik('3174050309900000')).toBe(false);
  });
  it('Denmark CPR needs a birth date; Pakistan CNIC a region digit; Nigeria NIN no leading 0', () => {
    expect(c.validDkCpr('010190-1234')).toBe(true);
    expect(c.validDkCpr('320190-1234')).toBe(false);
    expect(c.validPkCnic('35202-1234567-1')).toBe(true);
    expect(c.validPkCnic('95202-1234567-1')).toBe(false);
    expect(c.validNgNin('12345678901')).toBe(true);
    expect(c.validNgNin('02345678901')).toBe(false);
    expect(c.validNgNin('11111111111')).toBe(false);
  });
  it('Egypt national id needs a century digit, a birth date and a governorate', () => {
    expect(c.validEgNationalId('29001011234567')).toBe(true);
    expect(c.validEgNationalId('29013011234567')).toBe(false);
    expect(c.validEgNationalId('29001019934567')).toBe(false);
  });
});
