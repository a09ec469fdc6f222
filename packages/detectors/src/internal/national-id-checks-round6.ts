/**
 * Check digits of the national identity, tax and company numbers added in issue 12's sixth
 * round, each as its issuing authority publishes it (the README's coverage table names the
 * document). Every function takes the matched text (separators allowed) and returns whether
 * it is a well-formed number.
 */
import { luhn } from './checksums.js';
import { digits, num, repeated, validDayMonth, weighted } from './national-id-checks.js';

/**
 * Italy Partita IVA (Agenzia delle Entrate): eleven digits, the last a Luhn check digit; the
 * office code (digits 8–10) is 001–100, 120, 121, 888 or 999.
 */
export function validItVat(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 11 || repeated(d)) return false;
  const office = Number(d.slice(7, 10));
  const officeOk = (office >= 1 && office <= 100) || [120, 121, 888, 999].includes(office);
  return officeOk && luhn(d);
}

/** Australian Company Number (ASIC): nine digits, weights 8…1 on the first eight, check (10 − sum mod 10) mod 10. */
export function validAuAcn(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 9 || repeated(d)) return false;
  return (10 - (weighted(d, [8, 7, 6, 5, 4, 3, 2, 1]) % 10)) % 10 === num(d, 8);
}

/** Greece AMKA (social security number, IDIKA): birth date DDMMYY, four digits, a Luhn check digit. */
export function validGrAmka(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 11) return false;
  return validDayMonth(Number(d.slice(0, 2)), Number(d.slice(2, 4))) && luhn(d);
}

/**
 * Hungary TAJ (social insurance number, NEAK): nine digits, the ninth is 3 × (1st + 3rd + 5th +
 * 7th) + 7 × (2nd + 4th + 6th + 8th) mod 10.
 */
export function validHuTaj(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 9 || repeated(d)) return false;
  return weighted(d, [3, 7, 3, 7, 3, 7, 3, 7]) % 10 === num(d, 8);
}

/**
 * Ukraine RNOKPP (taxpayer registration number, ДПС): ten digits, the tenth is the sum of the
 * first nine weighted −1, 5, 7, 9, 4, 6, 10, 5, 7, mod 11, mod 10.
 */
export function validUaRnokpp(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 10 || repeated(d)) return false;
  const sum = weighted(d, [-1, 5, 7, 9, 4, 6, 10, 5, 7]);
  return (((sum % 11) + 11) % 11) % 10 === num(d, 9);
}

/**
 * Iran national code (کد ملی, National Organization for Civil Registration): ten digits;
 * r = Σ dᵢ × (10 − i) over the first nine mod 11, check r when r < 2, else 11 − r.
 */
export function validIrNationalCode(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 10 || repeated(d)) return false;
  const r = weighted(d, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11;
  return num(d, 9) === (r < 2 ? r : 11 - r);
}
