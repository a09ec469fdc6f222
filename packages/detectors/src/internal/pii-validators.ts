/** Checksums and range checks for PII identifiers. */
import { isAsciiDigit } from './ascii.js';
import { base58Check, bech32Valid, eip55Valid, ibanMod97, luhn } from './checksums.js';

const digits = (s: string): string => s.replace(/\D/g, '');

/** Card issuer ranges (IIN) and lengths. */
export function cardIssuer(d: string): string | undefined {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  const p6 = Number(d.slice(0, 6));
  if (d[0] === '4' && (n === 13 || n === 16 || n === 19)) return 'visa';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n === 16) return 'mastercard';
  if ((p2 === 34 || p2 === 37) && n === 15) return 'amex';
  if (
    (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) &&
    n >= 16 &&
    n <= 19
  )
    return 'discover';
  if (
    ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39 || p4 === 3095) &&
    n >= 14 &&
    n <= 19
  )
    return 'diners';
  if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) return 'jcb';
  if (p2 === 62 && n >= 16 && n <= 19) return 'unionpay';
  if ((p2 === 50 || (p2 >= 56 && p2 <= 69)) && n >= 12 && n <= 19) return 'maestro';
  return undefined;
}

/**
 * Whether a card candidate is written as a card is: all digits, or groups
 * with one separator throughout; dotted groups only as 4-4-4-4(-3) or
 * 4-6-5, and not followed by `.` and a digit (a version or an address).
 * Undotted candidates are read in one pass without building strings: a
 * million spaced digits are tens of thousands of candidates.
 * @param raw - the candidate
 * @param text - the whole text
 * @param end - offset just after the candidate
 */
export function cardGrouping(raw: string, text: string, end: number): boolean {
  let sep = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isAsciiDigit(c)) continue;
    if (sep >= 0 && c !== sep) return false;
    sep = c;
  }
  if (text.charCodeAt(end) === 46 && isAsciiDigit(text.charCodeAt(end + 1))) return false;
  if (sep !== 46) return true;
  const groups = raw
    .split('.')
    .map((g) => g.length)
    .join('-');
  return groups === '4-4-4-4' || groups === '4-4-4-4-3' || groups === '4-6-5';
}

/** Whether `s` holds 12 to 19 ASCII digits, not all the same digit (one pass, no string built). */
function cardLengthDigits(s: string): boolean {
  let count = 0;
  let first = -1;
  let same = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isAsciiDigit(c)) continue;
    if (first < 0) first = c;
    else if (c !== first) same = false;
    count++;
  }
  return count >= 12 && count <= 19 && !same;
}

/** A card number: known issuer range and Luhn. */
export function validCard(raw: string): number {
  if (!cardLengthDigits(raw)) return 0;
  const d = digits(raw);
  if (!cardIssuer(d) || !luhn(d)) return 0;
  return 0.9;
}

/** IBAN length per country (ISO 13616 registry). */
const IBAN_LEN: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

/** Known IBAN length for a country code, if any. */
export function ibanLength(cc: string): number | undefined {
  return IBAN_LEN[cc];
}

/** A compact IBAN: registered length and mod-97. */
export function validIban(compact: string): boolean {
  const len = IBAN_LEN[compact.slice(0, 2)];
  return len === compact.length && ibanMod97(compact);
}

/** US SSN: excludes area 000/666/9xx, group 00, serial 0000 and well-known sample numbers. */
export function validSsn(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 9) return false;
  const area = Number(d.slice(0, 3));
  const group = Number(d.slice(3, 5));
  const serial = Number(d.slice(5));
  if (area === 0 || area === 666 || area >= 900 || group === 0 || serial === 0) return false;
  if (d === '078051120' || d === '219099999' || d === '123456789' || /^(\d)\1+$/.test(d))
    return false;
  return true;
}

/** US ITIN: 9xx, group 50–65 or 70–99 (excluding 89, 93). */
export function validItin(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 9 || d[0] !== '9') return false;
  const g = Number(d.slice(3, 5));
  return ((g >= 50 && g <= 65) || (g >= 70 && g <= 99)) && g !== 89 && g !== 93;
}

/** IPv6 textual form (RFC 4291 §2.2), optionally with an embedded IPv4 tail. */
export function validIpv6(s: string): boolean {
  if (s.length < 3 || s.length > 45) return false;
  const dbl = s.split('::');
  if (dbl.length > 2) return false;
  let tail4 = 0;
  let body = s;
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    if (!validIpv4(last)) return false;
    tail4 = 2;
    body = s.slice(0, lastColon + 1) + (s.endsWith('::') ? '' : '0');
  }
  const parts = body.split('::');
  const groups = (p: string): string[] => (p === '' ? [] : p.split(':'));
  const left = groups(parts[0] ?? '');
  const right = parts.length === 2 ? groups(parts[1] ?? '') : [];
  const all = [...left, ...right];
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = all.length + (tail4 ? 1 : 0);
  if (parts.length === 2) return count <= 7;
  return count === 8;
}

/** Dotted-quad IPv4 with no leading zeros. */
export function validIpv4(s: string): boolean {
  const p = s.split('.');
  return p.length === 4 && p.every((x) => /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(x));
}

/** Bitcoin/Litecoin/Dogecoin base58check, bech32 (segwit) and Ethereum EIP-55. */
export function validWallet(s: string): number {
  if (s.startsWith('0x') || s.startsWith('0X')) {
    const r = eip55Valid(s);
    return r === 'valid' ? 0.95 : r === 'unchecked' ? 0.5 : 0;
  }
  if (/^(?:bc|ltc|tb)1/i.test(s)) return bech32Valid(s) ? 0.95 : 0;
  return base58Check(s) ? 0.95 : 0;
}

const FI_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** Finnish personal identity code (HETU): DDMMYY, century sign, NNN, mod-31 check. */
export function validFiHetu(s: string): boolean {
  const u = s.toUpperCase();
  const n = Number(u.slice(0, 6) + u.slice(7, 10));
  return FI_CHECK[n % 31] === u[10] && validDate(u.slice(0, 6), 'ddmmyy');
}

function validDate(s: string, order: 'ddmmyy' | 'yymmdd'): boolean {
  const a = Number(s.slice(0, 2));
  const b = Number(s.slice(2, 4));
  const c = Number(s.slice(4, 6));
  const [day, month] = order === 'ddmmyy' ? [a, b] : [c, b];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Korean RRN / foreigner number: YYMMDD + 7 digits, weighted mod-11 check. */
export function validKrRrn(raw: string): number {
  const d = digits(raw);
  if (d.length !== 13 || !validDate(d.slice(0, 6), 'yymmdd')) return 0;
  if (!/[1-8]/.test(d[6] as string)) return 0;
  const w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(d[i]) * (w[i] as number);
  const check = (11 - (sum % 11)) % 10;
  // Numbers issued since Oct 2020 have no check digit; keep them at lower confidence.
  return check === Number(d[12]) ? 0.9 : 0.45;
}

/** Polish PESEL: weights 1,3,7,9 repeating; check is (10 - sum mod 10) mod 10. */
export function validPesel(d: string): boolean {
  if (d.length !== 11) return false;
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let s = 0;
  for (let i = 0; i < 10; i++) s += Number(d[i]) * (w[i] as number);
  const month = Number(d.slice(2, 4)) % 20;
  return (10 - (s % 10)) % 10 === Number(d[10]) && month >= 1 && month <= 12;
}

/** Turkish national id (TCKN): two check digits. */
export function validTckn(d: string): boolean {
  if (d.length !== 11 || d[0] === '0') return false;
  const n = [...d].map(Number) as number[];
  const odd =
    (n[0] as number) + (n[2] as number) + (n[4] as number) + (n[6] as number) + (n[8] as number);
  const even = (n[1] as number) + (n[3] as number) + (n[5] as number) + (n[7] as number);
  const d10 = (((odd * 7 - even) % 10) + 10) % 10;
  const d11 = n.slice(0, 10).reduce((a, b) => a + b, 0) % 10;
  return d10 === n[9] && d11 === n[10];
}

/** Thai national id: 13 digits, weighted mod-11 check. */
export function validThai(d: string): boolean {
  if (d.length !== 13) return false;
  let s = 0;
  for (let i = 0; i < 12; i++) s += Number(d[i]) * (13 - i);
  return (11 - (s % 11)) % 10 === Number(d[12]);
}

/** South African id: YYMMDD SSSS C A Z with Luhn. */
export function validZaId(d: string): boolean {
  return d.length === 13 && validDate(d.slice(0, 6), 'yymmdd') && luhn(d);
}

/** Swedish personnummer: Luhn over the 10-digit form. */
export function validSePnr(raw: string): boolean {
  let d = digits(raw);
  if (d.length === 12) d = d.slice(2);
  return d.length === 10 && validDate(d.slice(0, 6), 'yymmdd') && luhn(d);
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** Indian Aadhaar: 12 digits, not starting 0/1, Verhoeff check. */
export function validAadhaar(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 12 || d[0] === '0' || d[0] === '1') return false;
  let c = 0;
  const r = [...d].reverse();
  for (let i = 0; i < r.length; i++) {
    c = (VERHOEFF_D[c] as number[])[
      (VERHOEFF_P[i % 8] as number[])[Number(r[i])] as number
    ] as number;
  }
  return c === 0;
}

/** UK NHS number: 10 digits, mod-11 with weights 10..2. */
export function validNhs(raw: string): boolean {
  const d = digits(raw);
  if (d.length !== 10) return false;
  let s = 0;
  for (let i = 0; i < 9; i++) s += Number(d[i]) * (10 - i);
  const c = 11 - (s % 11);
  const check = c === 11 ? 0 : c;
  return check !== 10 && check === Number(d[9]);
}

const NIF_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI/NIF (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter). */
export function validEsNif(raw: string): boolean {
  const u = raw.toUpperCase().replace(/[\s-]/g, '');
  const lead = 'XYZ'.indexOf(u[0] as string);
  const num = lead >= 0 ? `${lead}${u.slice(1, 8)}` : u.slice(0, 8);
  if (!/^\d{8}$/.test(num)) return false;
  return NIF_LETTERS[Number(num) % 23] === u[u.length - 1];
}

/** Singapore NRIC/FIN check letter. */
export function validSgFin(raw: string): boolean {
  const u = raw.toUpperCase();
  const w = [2, 7, 6, 5, 4, 3, 2];
  let s = 0;
  for (let i = 0; i < 7; i++) s += Number(u[i + 1]) * (w[i] as number);
  const p = u[0] as string;
  if (p === 'T' || p === 'G') s += 4;
  if (p === 'M') s += 3;
  const r = s % 11;
  const table = p === 'S' || p === 'T' ? 'JZIHGFEDCBA' : p === 'M' ? 'KLJNPQRTUWX' : 'XWUTRQPNMLK';
  return table[r] === u[8];
}

/** German tax id (IdNr): ISO 7064 mod 11,10 check digit. */
export function validDeTaxId(d: string): boolean {
  if (d.length !== 11 || d[0] === '0') return false;
  let p = 10;
  for (let i = 0; i < 10; i++) {
    let s = (Number(d[i]) + p) % 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  const c = 11 - p === 10 ? 0 : 11 - p;
  return c === Number(d[10]);
}

/** Region codes of Korean driver's licences (numeric since 2011): 11–26 and 28. */
export function validKrDriverLicense(raw: string): boolean {
  const region = Number(raw.slice(0, 2));
  return (region >= 11 && region <= 26) || region === 28;
}

/** A group of a grouped number (up to four capitals or digits, one digit at least) ending the text before. */
const GROUP_BEFORE = /(?:^|[^A-Za-z0-9])(?=[A-Z]{0,3}\d)[A-Z0-9]{1,4}$/;

/**
 * Whether grouped digits `s` (first separator at index 4) at `start` of `text` are one
 * piece of a longer grouped number: another group joined by the same separator on either side.
 */
export function groupFragment(s: string, text: string, start: number): boolean {
  const sep = s[4];
  if (sep !== ' ' && sep !== '-' && sep !== ':') return false;
  if (text[start - 1] === sep && GROUP_BEFORE.test(text.slice(Math.max(0, start - 6), start - 1)))
    return true;
  const end = start + s.length;
  const after = text.charCodeAt(end + 1);
  return text[end] === sep && after >= 48 && after <= 57;
}
