/**
 * Check digits and structure checks of national identity numbers, each as its
 * issuing authority publishes it (the README's coverage table names the
 * document). Every function takes the matched text (separators allowed) and
 * returns whether it is a well-formed number.
 */

/** The digits of a matched number, separators dropped. */
export const digits = (s: string): string => s.replace(/\D/g, '');
/** The value of the digit at `i`. */
export const num = (s: string, i: number): number => s.charCodeAt(i) - 48;

/** Weighted digit sum: Σ d[i] × w[i] over the weights given. */
export function weighted(d: string, w: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += num(d, i) * (w[i] as number);
  return s;
}

/** A calendar date (month 1–12, day within the month, any leap year allowed). */
export function validDayMonth(day: number, month: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const len = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= len;
}

/** Every digit the same (000…, 111…): test numbers, never issued. */
export const repeated = (d: string): boolean => /^(\d)\1*$/.test(d);

const CN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

/** China resident identity number (GB 11643-1999): region, birth date, ISO 7064 MOD 11-2. */
export function validCnResidentId(raw: string): boolean {
  const s = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s) || !CN_PROVINCES.has(Number(s.slice(0, 2)))) return false;
  const year = Number(s.slice(6, 10));
  if (year < 1900 || year > 2099) return false;
  if (!validDayMonth(Number(s.slice(12, 14)), Number(s.slice(10, 12)))) return false;
  const r = weighted(s, CN_WEIGHTS) % 11;
  return '10X98765432'[r] === s[17];
}

/** Brazil CPF (Receita Federal): two mod-11 check digits. */
export function validBrCpf(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 11 || repeated(d)) return false;
  const c1 = ((weighted(d, [10, 9, 8, 7, 6, 5, 4, 3, 2]) * 10) % 11) % 10;
  const c2 = ((weighted(d, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) * 10) % 11) % 10;
  return c1 === num(d, 9) && c2 === num(d, 10);
}

/**
 * Brazil CNPJ (Receita Federal): two mod-11 check digits. Since July 2026 the first twelve
 * characters may be letters; each counts as its character code minus 48 (digits unchanged).
 */
export function validBrCnpj(raw: string): boolean {
  const s = raw.toUpperCase().replace(/[\s./-]/g, '');
  if (!/^[0-9A-Z]{12}\d{2}$/.test(s) || /^(.)\1*$/.test(s)) return false;
  const check = (w: readonly number[]): number => {
    const r = weighted(s, w) % 11;
    return r < 2 ? 0 : 11 - r;
  };
  return (
    check([5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) === num(s, 12) &&
    check([6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) === num(s, 13)
  );
}

const ID_PROVINCES = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
  71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97,
]);

/** Indonesia NIK (Dukcapil): province, regency, district, birth date (+40 for women), serial. */
export function validIdNik(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 16 || !ID_PROVINCES.has(Number(d.slice(0, 2)))) return false;
  let day = Number(d.slice(6, 8));
  if (day > 40) day -= 40;
  return validDayMonth(day, Number(d.slice(8, 10))) && d.slice(12) !== '0000';
}

const CURP_ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';

/** Mexico CURP (RENAPO): the 18th character checks the first 17 (weights 18…2, mod 10). */
export function validMxCurp(raw: string): boolean {
  const s = raw.toUpperCase();
  if (s.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CURP_ALPHABET.indexOf(s[i] as string);
    if (v < 0) return false;
    sum += v * (18 - i);
  }
  if (!validDayMonth(Number(s.slice(8, 10)), Number(s.slice(6, 8)))) return false;
  return (10 - (sum % 10)) % 10 === num(s, 17);
}

/** Japan Individual Number (My Number): check digit per the MIC ordinance (weights 2–7). */
export function validJpMyNumber(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 12 || repeated(d)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += num(d, 11 - n) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return (r <= 1 ? 0 : 11 - r) === num(d, 11);
}

/** Pakistan CNIC (NADRA): 5-7-1 digits, the first digit a region (1–7). */
export function validPkCnic(raw: string): boolean {
  const d = digits(raw);
  return d.length === 13 && d[0] !== '0' && d[0] !== '8' && d[0] !== '9' && !repeated(d);
}

/** France NIR (INSEE): sex, year, month, place, order, key = 97 − (number mod 97). */
export function validFrNir(raw: string): boolean {
  const s = raw.replace(/\s/g, '').toUpperCase();
  if (!/^[1-478]\d{4}(?:\d{2}|2[AB])\d{8}$/.test(s)) return false;
  const month = Number(s.slice(3, 5));
  if (month === 0 || (month > 12 && month < 20) || (month > 42 && month < 50)) return false;
  // Corsica: 2A counts as 19, 2B as 18 in the key.
  const dep = s.slice(5, 7);
  const place = dep === '2A' ? '19' : dep === '2B' ? '18' : dep;
  const n = BigInt(s.slice(0, 5) + place + s.slice(7, 13));
  return 97n - (n % 97n) === BigInt(s.slice(13));
}

const CF_ODD = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/** Italy codice fiscale (DM 23/12/1976): the 16th letter checks the first 15. */
export function validItFiscalCode(raw: string): boolean {
  const s = raw.toUpperCase();
  if (!/^[A-Z0-9]{15}[A-Z]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = s.charCodeAt(i);
    const v = c <= 57 ? c - 48 : c - 65;
    // Positions 1, 3, 5 … (odd, 1-based) use the odd table; even ones the plain value.
    sum += i % 2 === 0 ? (CF_ODD[v] as number) : v;
  }
  return String.fromCharCode(65 + (sum % 26)) === s[15];
}

/** Netherlands BSN: the 11-proof (weights 9…2 and −1). */
export function validNlBsn(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 9 || repeated(d)) return false;
  const s = weighted(d, [9, 8, 7, 6, 5, 4, 3, 2]) - num(d, 8);
  return s % 11 === 0;
}

/** Belgium national register number: birth date, serial, 97 − (n mod 97), 2000+ with a leading 2. */
export function validBeNationalNumber(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 11) return false;
  const month = Number(d.slice(2, 4));
  const day = Number(d.slice(4, 6));
  // Month and day 00 are allowed when the birth date is unknown; bis numbers add 20 or 40.
  if (month % 20 > 12 || day > 31) return false;
  const body = BigInt(d.slice(0, 9));
  const key = BigInt(d.slice(9));
  return 97n - (body % 97n) === key || 97n - ((2_000_000_000n + body) % 97n) === key;
}

/** Portugal NIF (AT): mod-11 check digit, first digit a taxpayer class. */
export function validPtNif(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 9 || !/^[1235689]/.test(d)) return false;
  const r = weighted(d, [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
  return (r < 2 ? 0 : 11 - r) === num(d, 8);
}

/** Denmark CPR (CPR-kontoret): a birth date DDMMYY then four digits (no check digit since 2007). */
export function validDkCpr(raw: string): boolean {
  const d = digits(raw);
  return d.length === 10 && validDayMonth(Number(d.slice(0, 2)), Number(d.slice(2, 4)));
}

/** Austria social-insurance number: serial, check digit, birth date DDMMYY. */
export function validAtSvnr(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 10 || d[0] === '0') return false;
  const c = weighted(d, [3, 7, 9, 0, 5, 8, 4, 2, 1, 6]) % 11;
  return c !== 10 && c === num(d, 3) && Number(d.slice(6, 8)) <= 12;
}

/** Czech and Slovak birth number: YYMMDD (+50 women, +20 since 2004), 10 digits ≡ 0 mod 11. */
export function validCzBirthNumber(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 10) return false;
  const month = Number(d.slice(2, 4)) % 50;
  const m = month > 20 ? month - 20 : month;
  if (!validDayMonth(Number(d.slice(4, 6)), m)) return false;
  const r = Number(d.slice(0, 9)) % 11;
  return (r === 10 ? 0 : r) === num(d, 9);
}

/** Romania CNP: sex/century, birth date, county, serial, weights 279146358279 mod 11. */
export function validRoCnp(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 13 || d[0] === '0') return false;
  if (!validDayMonth(Number(d.slice(5, 7)), Number(d.slice(3, 5)))) return false;
  const r = weighted(d, [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11;
  return (r === 10 ? 1 : r) === num(d, 12);
}

/** ISO 7064 MOD 11,10 (Croatia OIB, Germany Steuer-IdNr). */
export function iso7064Mod1110(d: string): boolean {
  let p = 10;
  for (let i = 0; i < d.length - 1; i++) {
    let s = (num(d, i) + p) % 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  return (11 - p) % 10 === num(d, d.length - 1);
}

/** Croatia OIB: 11 digits, ISO 7064 MOD 11,10. */
export function validHrOib(raw: string): boolean {
  const d = digits(raw);
  return d.length === 11 && !repeated(d) && iso7064Mod1110(d);
}

/** Bulgaria EGN: birth date (+20 before 1900, +40 from 2000), weights 2,4,8,5,10,9,7,3,6 mod 11. */
export function validBgEgn(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 10) return false;
  const month = Number(d.slice(2, 4)) % 20;
  if (!validDayMonth(Number(d.slice(4, 6)), month)) return false;
  const r = weighted(d, [2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11;
  return (r === 10 ? 0 : r) === num(d, 9);
}

/** Estonia isikukood and Lithuania asmens kodas: century/sex, YYMMDD, two-stage mod 11. */
export function validEeLtPersonalCode(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 11 || !/^[1-6]/.test(d)) return false;
  if (!validDayMonth(Number(d.slice(5, 7)), Number(d.slice(3, 5)))) return false;
  let r = weighted(d, [1, 2, 3, 4, 5, 6, 7, 8, 9, 1]) % 11;
  if (r === 10) r = weighted(d, [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]) % 11;
  return (r === 10 ? 0 : r) === num(d, 10);
}

/** Ireland PPSN (Revenue): seven digits, a check letter (mod 23), an optional second letter. */
export function validIePpsn(raw: string): boolean {
  const s = raw.toUpperCase();
  if (!/^\d{7}[A-W][A-IW]?$/.test(s)) return false;
  let sum = weighted(s, [8, 7, 6, 5, 4, 3, 2]);
  const second = s[8];
  if (second !== undefined && second !== 'W') sum += (second.charCodeAt(0) - 64) * 9;
  return 'WABCDEFGHIJKLMNOPQRSTUV'[sum % 23] === s[7];
}

/** Russia SNILS (Pension Fund): nine digits, a two-digit check (weights 9…1, mod 101). */
export function validRuSnils(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 11 || repeated(d.slice(0, 9))) return false;
  const s = weighted(d, [9, 8, 7, 6, 5, 4, 3, 2, 1]);
  const c = s < 100 ? s : s % 101 === 100 ? 0 : s % 101;
  return c === Number(d.slice(9));
}

const INN_W = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** Russia INN (FNS): ten digits (one check) for organisations, twelve (two checks) for people. */
export function validRuInn(raw: string): boolean {
  const d = digits(raw);
  const check = (len: number): number => (weighted(d, INN_W.slice(11 - len)) % 11) % 10;
  if (d.length === 10) return !repeated(d) && check(9) === num(d, 9);
  if (d.length === 12) return !repeated(d) && check(10) === num(d, 10) && check(11) === num(d, 11);
  return false;
}

/** Egypt national id (Civil Status): century, YYMMDD, governorate, serial, check. */
export function validEgNationalId(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 14 || (d[0] !== '2' && d[0] !== '3')) return false;
  const gov = Number(d.slice(7, 9));
  const govOk = (gov >= 1 && gov <= 4) || (gov >= 11 && gov <= 35) || gov === 88;
  return govOk && validDayMonth(Number(d.slice(5, 7)), Number(d.slice(3, 5)));
}

/** Nigeria NIN (NIMC): eleven digits, not all the same, not starting with 0. No public checksum. */
export function validNgNin(raw: string): boolean {
  const d = digits(raw);
  return d.length === 11 && d[0] !== '0' && !repeated(d);
}

const KVNR_SHAPE = /^[A-Z]\d{9}$/;

/**
 * German health-insurance number (KVNR, § 290 SGB V): a letter and nine digits. The
 * letter's position in the alphabet (two digits) and the first eight digits, weighted
 * 1, 2, 1, 2, … with the digits of each product summed, give the last digit mod 10.
 */
export function validDeKvnr(raw: string): boolean {
  const u = raw.toUpperCase();
  if (!KVNR_SHAPE.test(u)) return false;
  const pos = String(u.charCodeAt(0) - 64).padStart(2, '0');
  const ds = pos + u.slice(1, 9);
  let sum = 0;
  for (let i = 0; i < ds.length; i++) {
    const p = Number(ds[i]) * (i % 2 === 0 ? 1 : 2);
    sum += p > 9 ? p - 9 : p;
  }
  return sum % 10 === Number(u[9]);
}
