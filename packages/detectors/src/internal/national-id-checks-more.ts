/**
 * Check digits and structure checks of national identity and tax numbers added in issue 12's
 * fifth round, each as its issuing authority publishes it (the README's coverage table names the
 * document). Every function takes the matched text (separators allowed) and returns whether it
 * is a well-formed number. Shared helpers live in `national-id-checks.ts`.
 */
import { luhn } from './checksums.js';
import { digits, num, repeated, validDayMonth, weighted } from './national-id-checks.js';

/** Canada Social Insurance Number (ESDC): nine digits, Luhn; 0 and 8 are not issued first. */
export function validCaSin(raw: string): boolean {
  const d = digits(raw);
  return d.length === 9 && d[0] !== '0' && d[0] !== '8' && !repeated(d) && luhn(d);
}

/** Australia Tax File Number (ATO): nine digits, weights 1,4,3,7,5,8,6,9,10, sum ≡ 0 mod 11. */
export function validAuTfn(raw: string): boolean {
  const d = digits(raw);
  return d.length === 9 && !repeated(d) && weighted(d, [1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 === 0;
}

/**
 * Australia Medicare card number (Services Australia): first digit 2–6, check digit 9th =
 * weights 1,3,7,9,1,3,7,9 mod 10, then the issue number (1–9), optionally the person's
 * reference number (1–9).
 */
export function validAuMedicare(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 10 && d.length !== 11) return false;
  if (!/^[2-6]/.test(d) || d[9] === '0' || (d.length === 11 && d[10] === '0')) return false;
  return weighted(d, [1, 3, 7, 9, 1, 3, 7, 9]) % 10 === num(d, 8);
}

/** Australian Business Number (ABR): subtract 1 from the first digit, weights mod 89 = 0. */
export function validAuAbn(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 11 || d[0] === '0') return false;
  const w = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
  let s = (num(d, 0) - 1) * 10;
  for (let i = 1; i < 11; i++) s += num(d, i) * (w[i] as number);
  return s % 89 === 0;
}

/** Swiss AHV/AVS number (since 2008): 756, nine digits, an EAN-13 check digit. */
export function validChAhv(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 13 || !d.startsWith('756')) return false;
  let s = 0;
  for (let i = 0; i < 12; i++) s += num(d, i) * (i % 2 === 0 ? 1 : 3);
  return (10 - (s % 10)) % 10 === num(d, 12);
}

/**
 * Norway fødselsnummer and D-number (Skatteetaten): birth date DDMMYY (day + 40 for a
 * D-number), three individual digits, two mod-11 check digits.
 */
export function validNoFnr(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 11 || repeated(d)) return false;
  const day = Number(d.slice(0, 2));
  if (!validDayMonth(day > 40 ? day - 40 : day, Number(d.slice(2, 4)))) return false;
  const check = (w: readonly number[]): number => {
    const r = 11 - (weighted(d, w) % 11);
    return r === 11 ? 0 : r;
  };
  const k1 = check([3, 7, 6, 1, 8, 9, 4, 5, 2]);
  const k2 = check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  return k1 < 10 && k2 < 10 && k1 === num(d, 9) && k2 === num(d, 10);
}

/** Chile RUT/RUN (SII): body, then a mod-11 check character with weights 2–7 from the right. */
export function validClRut(raw: string): boolean {
  const s = raw.replace(/[.\s-]/g, '').toUpperCase();
  if (!/^\d{7,8}[\dK]$/.test(s)) return false;
  const body = s.slice(0, -1);
  let sum = 0;
  for (let i = body.length - 1, w = 2; i >= 0; i--, w = w === 7 ? 2 : w + 1)
    sum += num(body, i) * w;
  const r = 11 - (sum % 11);
  const want = r === 11 ? '0' : r === 10 ? 'K' : String(r);
  return want === s.at(-1);
}

/** Argentina CUIT/CUIL (AFIP): type prefix, DNI, mod-11 check digit, weights 5432765432. */
export function validArCuit(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 11 || !/^(?:20|23|24|27|30|33|34)/.test(d)) return false;
  const r = 11 - (weighted(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  const want = r === 11 ? 0 : r;
  return want < 10 && want === num(d, 10);
}

/** Israel Teudat Zehut (Population Authority): nine digits, Luhn (weights 1,2 from the left). */
export function validIlId(raw: string): boolean {
  const d = digits(raw);
  return d.length === 9 && !repeated(d) && luhn(d);
}

/**
 * Hong Kong identity card number: one or two letters, six digits, a check character (0–9 or A)
 * of weights 9…2 mod 11, a missing first letter counting as 36 (A = 10 … Z = 35).
 */
export function validHkid(raw: string): boolean {
  const s = raw.replace(/[\s()]/g, '').toUpperCase();
  const m = /^([A-Z]{1,2})(\d{6})([\dA])$/.exec(s);
  if (!m) return false;
  const letters = (m[1] as string).padStart(2, ' ');
  const value = (ch: string): number => (ch === ' ' ? 36 : ch.charCodeAt(0) - 55);
  let sum = value(letters[0] as string) * 9 + value(letters[1] as string) * 8;
  const body = m[2] as string;
  for (let i = 0; i < 6; i++) sum += num(body, i) * (7 - i);
  const r = (11 - (sum % 11)) % 11;
  return (r === 10 ? 'A' : String(r)) === m[3];
}

/** Taiwan letter codes (Ministry of the Interior): A = 10 … with I, O, W, Z out of order. */
const TW_CODES = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';

/**
 * Taiwan national identification number (and the 2021 resident certificate): a letter for the
 * place of registration, 1/2 (or 8/9), eight digits; the letter's two-digit code weighted 1, 9
 * and the digits 8…1, 1: the sum ≡ 0 mod 10.
 */
export function validTwId(raw: string): boolean {
  const s = raw.toUpperCase();
  if (!/^[A-Z][1289]\d{8}$/.test(s)) return false;
  const code = TW_CODES.indexOf(s[0] as string) + 10;
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 1; i < 9; i++) sum += num(s, i) * (9 - i);
  return (sum + num(s, 9)) % 10 === 0;
}

/** UAE Emirates ID (ICP): 784, birth year, serial, Luhn over the 15 digits. */
export function validAeEmiratesId(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 15 || !d.startsWith('784')) return false;
  const year = Number(d.slice(3, 7));
  return year >= 1900 && year <= 2099 && luhn(d);
}

/**
 * JMBG / EMŠO (former Yugoslavia: Serbia, Slovenia, Bosnia and Herzegovina, Montenegro, North
 * Macedonia): DDMMYYY, region, serial, a check digit of weights 7654327654 32 mod 11.
 */
export function validJmbg(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 13 || !validDayMonth(Number(d.slice(0, 2)), Number(d.slice(2, 4)))) return false;
  const r = 11 - (weighted(d, [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  return (r > 9 ? 0 : r) === num(d, 12);
}

/** Iceland kennitala (Registers Iceland): DDMMYY, two digits, a mod-11 check, the century. */
export function validIsKennitala(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 10 || !/[890]$/.test(d)) return false;
  const day = Number(d.slice(0, 2));
  // Companies add 40 to the day.
  if (!validDayMonth(day > 40 ? day - 40 : day, Number(d.slice(2, 4)))) return false;
  const r = 11 - (weighted(d, [3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  return (r === 11 ? 0 : r) === num(d, 8);
}

/**
 * New Zealand IRD number (Inland Revenue): 8 or 9 digits between 10,000,000 and 150,000,000;
 * the base padded to eight digits, weights 3,2,7,6,5,4,3,2 mod 11; a result of 10 retries
 * with 7,4,3,2,5,2,7,6.
 */
export function validNzIrd(raw: string): boolean {
  const d = digits(raw);
  const n = Number(d);
  if ((d.length !== 8 && d.length !== 9) || n < 10_000_000 || n > 150_000_000) return false;
  const base = d.slice(0, -1).padStart(8, '0');
  const check = (w: readonly number[]): number => {
    const r = weighted(base, w) % 11;
    return r === 0 ? 0 : 11 - r;
  };
  let c = check([3, 2, 7, 6, 5, 4, 3, 2]);
  if (c === 10) c = check([7, 4, 3, 2, 5, 2, 7, 6]);
  return c < 10 && c === num(d, d.length - 1);
}

/** US Employer Identification Number (IRS): a campus prefix the IRS assigns, seven digits. */
export function validUsEin(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 9 || repeated(d.slice(2))) return false;
  const p = Number(d.slice(0, 2));
  // Prefixes the IRS has never assigned.
  return ![0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97].includes(p);
}
