import { validItFiscalCode } from './national-id-checks.js';
import { refusingNonIdentityLabels } from './non-identity-labels.js';
import { NATIONAL_ID_RULES } from './pii-national-ids.js';
import { MORE_NATIONAL_ID_RULES } from './pii-national-ids-more.js';
import { ROUND6_NATIONAL_ID_RULES } from './pii-national-ids-round6.js';
import * as v from './pii-validators.js';
import type { Rule } from './rule.js';
import { ruleMaker } from './rule-builder.js';

const rule = ruleMaker({
  category: 'pii',
  severity: 'medium',
  confidence: 0.6,
  placeholderCheck: false,
});

const D = (s: string): string => s.replace(/\D/g, '');
const NB = '(?<![A-Za-z0-9])';
const NA = '(?![A-Za-z0-9])';
/**
 * `first` (one character) not preceded by a letter or digit: the same as
 * `${NB}${first}`, but with the lookbehind after the character, so the regex
 * engine can skip straight to candidates instead of testing it at every offset.
 */
const NBF = (first: string, notAfter = '[A-Za-z0-9]'): string => `${first}(?<!${notAfter}.)`;
const DIGITS: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

const ID_WORDS =
  /passport|pasaporte|passeport|passaport[oe]?|paspoort|paszport\w{0,2}|reisepass|carta d.identit|carta di identit|documento d.identit|dow[oó]d\w{0,2} osobist\w{0,3}|kimlik (?:no|numaras|kart[ıi](?:[\s.,:;]|$))|t\.?c\.? kimlik|c[eé]dula de (?:identidad|ciudadan)|n[º°o]\.? de c[eé]dula|n[uú]mero de c[eé]dula|\bpass(?:nummer)?\b|licen[cs]e|führerschein|fuehrerschein|patente|permis|carnet|driver|voter|epic|insurance|versicherung|krankenkasse|sozialversicherung|rentenversicherung|social security|medicare|national id|identity|personal id|id number|id card|ausweis|personalausweis|\b(?:dni|nie|nif|cpf|curp)(?:\b|\d)/i;
/** Nine digits (3-2-4): the US SSN's shape, which its own checked rule decides. */
const SSN_SHAPE = /^\d{3}-?\d{2}-?\d{4}$/;
const SOCIAL_SECURITY = /social security/i;

/** A number in the SSN's shape next to "social security" is left to the SSN rule. */
function notSsnShaped(s: string, text: string, start: number): number {
  return SSN_SHAPE.test(s) && SOCIAL_SECURITY.test(text.slice(Math.max(0, start - 64), start))
    ? 0
    : 0.55;
}

/** Rules for the numbers that are not a person's identity number, which a label cannot make one. */
const NOT_IDENTITY_NUMBERS: ReadonlySet<string> = new Set([
  'email',
  'credit-card',
  'iban',
  'ip-address',
  'mac-address',
  'crypto-wallet',
]);

/** The PII rules, before identity numbers learn to refuse other labels. */
const RULES: readonly Rule[] = [
  rule(
    'email',
    ['@'],
    `${NBF('[A-Za-z0-9]', '[A-Za-z0-9._%+\\-]')}[A-Za-z0-9._%+\\-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?\\.){1,8}(?:[A-Za-z]{2,24}|xn--[a-z0-9]{2,30})${NA}`,
    { severity: 'low', confidence: 0.9 },
  ),
  // "jo [at] example [dot] org", "jo (at) example (dot) org": an address spelled out to dodge scrapers.
  rule(
    'email',
    ['at]', 'at)', 'at}', 'at>', 'at ]', 'at )', 'at }', 'at >'],
    `${NBF('[A-Za-z0-9]', '[A-Za-z0-9._%+\\-]')}[A-Za-z0-9._%+\\-]{0,63} ?[\\[({<] ?at ?[\\])}>] ?(?:[A-Za-z0-9\\-]{1,63} ?[\\[({<] ?dot ?[\\])}>] ?){1,4}[A-Za-z]{2,24}${NA}`,
    { severity: 'low', confidence: 0.85, flags: 'i' },
  ),
  // "jo at example dot org": only with a common top-level domain, the words spelled in lower case.
  rule(
    'email',
    ['dot '],
    `${NBF('[a-z0-9]', '[A-Za-z0-9._%+\\-]')}[a-z0-9._%+\\-]{0,63} at (?:[a-z0-9\\-]{1,63} dot ){1,4}(?:com|org|net|edu|gov|io|dev|ai|co|uk|de|fr|es|it|nl|jp|cn|ru|br|in|au|ca|ch|se|no|pl|info|biz|me)${NA}`,
    { severity: 'low', confidence: 0.7 },
  ),
  // Digit groups only: a letter or `_` on either side makes it part of a hex string or a name.
  rule(
    'credit-card',
    DIGITS,
    `${NBF('\\d', '[A-Za-z0-9_.\\-]')}(?:[ \\-.]?\\d){11,18}(?![A-Za-z0-9_\\-])`,
    {
      severity: 'high',
      validate: (s, text, start) =>
        v.cardGrouping(s, text, start + s.length) ? v.validCard(s) : 0,
      context: /card|credit|debit|visa|mastercard|amex|payment|pay|charge|cc|kredit|tarjeta|carte/i,
    },
  ),
  rule(
    'iban',
    DIGITS,
    // One separator throughout (ISO 13616's print form groups by four with spaces): a word
    // after a compact IBAN ("AL47…741 ALL CAPS") is not read as its last group.
    `${NBF('[A-Z]')}[A-Z]\\d{2}([ \\-]?)[A-Z0-9]{4}(?:\\1[A-Z0-9]{4}){1,6}(?:\\1[A-Z0-9]{1,3})?${NA}`,
    {
      minDigitRun: 2,
      severity: 'medium',
      validate: (s) => (v.validIban(s.replace(/[\s-]/g, '')) ? 0.95 : 0),
    },
  ),
  rule('us-ssn', DIGITS, `${NBF('\\d')}\\d{2}([ \\-]?)\\d{2}\\1\\d{4}(?![\\d\\-])`, {
    minDigitRun: 4,
    severity: 'high',
    validate: (s, text, start) => {
      if (!v.validSsn(s)) return 0;
      const sep = /\d{3}([ -])\d{2}[ -]\d{4}/.test(s);
      const ctx = /ssn|social|security|sozial|seguro/i.test(
        text.slice(Math.max(0, start - 64), start),
      );
      return ctx ? 0.9 : sep && !v.validItin(s) ? 0.5 : 0;
    },
  }),
  rule('us-itin', DIGITS, `${NBF('9')}\\d{2}[ \\-]?[5-9]\\d[ \\-]?\\d{4}(?![\\d\\-])`, {
    minDigitRun: 4,
    severity: 'high',
    validate: (s) => (v.validItin(s) ? 0.7 : 0),
  }),
  rule(
    'ip-address',
    ['.'],
    // A letter glued to either end makes it part of a word or an identifier, as for every rule.
    `(?<![A-Za-z0-9.])(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}(?!\\.?[A-Za-z0-9])`,
    {
      severity: 'low',
      confidence: 0.7,
      validate: (_s, text, start) =>
        /(?:version|v\.?|release|build)\s?$/i.test(text.slice(Math.max(0, start - 10), start))
          ? 0
          : 0.7,
    },
  ),
  rule(
    'ip-address',
    [':'],
    `(?<![0-9A-Za-z:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?::\\d{1,3}(?:\\.\\d{1,3}){3})?(?![0-9A-Za-z:])`,
    {
      severity: 'low',
      // A valid address has `::` or, written out, six or seven colons (timestamps have two).
      gate: /::|:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:/,
      validate: (s) => {
        if (!v.validIpv6(s)) return 0;
        const hexGroups = s.split(':').filter((g) => g !== '').length;
        return hexGroups >= 2 || s.includes('.') || s === '::1' ? 0.75 : 0;
      },
    },
  ),
  rule(
    'mac-address',
    [':', '-', '.'],
    `${NBF('[0-9A-Fa-f]', '[0-9A-Fa-f:\\-]')}(?:[0-9A-Fa-f](?::[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f](?:-[0-9A-Fa-f]{2}){5}|[0-9a-fA-F]{3}\\.[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4})(?![0-9A-Fa-f:\\-])`,
    {
      severity: 'low',
      confidence: 0.6,
      gate: /:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}:|-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-|\.[0-9A-Fa-f]{4}\./,
      // `4111.1111.1111.1111` is a card written in dotted groups, not a MAC and a tail.
      validate: (s, text, start) =>
        /^\.[0-9A-Fa-f]/.test(text.slice(start + s.length, start + s.length + 2)) ? 0 : 0.6,
    },
  ),
  rule(
    'crypto-wallet',
    ['1', '3', 'bc1', 'ltc1', '0x', 'l', 'm', 'd'],
    `${NB}(?:[13LMD][1-9A-HJ-NP-Za-km-z]{25,34}|(?:bc|ltc)1[02-9ac-hj-np-z]{11,71}|0x[0-9a-fA-F]{40})${NA}`,
    { severity: 'medium', validate: (s) => v.validWallet(s) },
  ),
  rule('fi-personal-id', DIGITS, `${NBF('\\d')}\\d{5}[\\-+A-FU-Y]\\d{3}[0-9A-Y]${NA}`, {
    minDigitRun: 6,
    validate: (s) => (v.validFiHetu(s) ? 0.9 : 0),
    flags: 'i',
  }),
  rule('kr-rrn', DIGITS, `${NBF('\\d')}\\d{5}-?[1-8]\\d{6}(?![\\d])`, {
    minDigitRun: 6,
    validate: (s, text, start) => {
      const c = v.validKrRrn(s);
      const ctx = /rrn|frn|korea|주민|외국인|registration/i.test(
        text.slice(Math.max(0, start - 64), start),
      );
      if (c >= 0.9 || (c > 0 && ctx)) return Math.max(c, 0.7);
      // Numbers issued since October 2020 carry no check digit (the last six digits are
      // random); the printed layout YYMMDD-GNNNNNN with a valid date still identifies one.
      return c > 0 && s.includes('-') ? 0.6 : 0;
    },
  }),
  // Korean driver's licence: region (11–28) - year - serial - check, as printed on the licence.
  rule(
    'kr-driver-license',
    DIGITS,
    `${NBF('[12]', '[A-Za-z0-9-]')}\\d-\\d{2}-\\d{6}-\\d{2}(?![\\d\\-])`,
    {
      minDigitRun: 6,
      validate: (s) => (v.validKrDriverLicense(s) ? 0.6 : 0),
      context: /licen[cs]e|driver|면허/i,
    },
  ),
  rule('pl-pesel', DIGITS, `${NBF('\\d')}\\d{10}(?!\\d)`, {
    minDigitRun: 11,
    validate: (s) => (v.validPesel(s) ? 0.6 : 0),
  }),
  rule('tr-national-id', DIGITS, `${NBF('[1-9]')}\\d{10}(?!\\d)`, {
    minDigitRun: 11,
    validate: (s) => (v.validTckn(s) ? 0.7 : 0),
  }),
  rule('de-tax-id', ['steuer', 'tax', 'idnr', 'tin'], `${NBF('[1-9]')}\\d{10}(?!\\d)`, {
    minDigitRun: 11,
    validate: (s) => (v.validDeTaxId(s) ? 0.5 : 0),
    // Whole words: "tin" is in "listing" and "meeting", "tax" in "syntax".
    context: /steuer|\b(?:tax|taxpayer|tin|idnr)\b/i,
    needContext: true,
  }),
  rule('th-national-id', DIGITS, `${NBF('[1-8]')}\\d{12}(?!\\d)`, {
    minDigitRun: 13,
    validate: (s) => (v.validThai(s) ? 0.6 : 0),
  }),
  rule('za-id-number', DIGITS, `${NBF('\\d')}\\d{12}(?!\\d)`, {
    minDigitRun: 13,
    validate: (s) => (v.validZaId(s) ? 0.6 : 0),
  }),
  rule('se-personnummer', DIGITS, `${NB}(?:1[89]|20)?\\d{6}[\\-+]?\\d{4}(?!\\d)`, {
    minDigitRun: 6,
    validate: (s) => (v.validSePnr(s) ? 0.6 : 0),
  }),
  rule('in-aadhaar', DIGITS, `${NBF('[2-9]')}\\d{3}[ \\-:]?\\d{4}[ \\-:]?\\d{4}(?![\\d])`, {
    minDigitRun: 4,
    validate: (s, text, start) => (v.validAadhaar(s) && !v.groupFragment(s, text, start) ? 0.7 : 0),
  }),
  rule('uk-nhs', DIGITS, `${NBF('\\d')}\\d{2}[ \\-]?\\d{3}[ \\-]?\\d{4}(?!\\d)`, {
    minDigitRun: 4,
    validate: (s) => (v.validNhs(s) ? 0.5 : 0),
  }),
  rule('es-nif', DIGITS, `${NBF('[\\dXYZxyz]')}\\d{7}-?[A-Za-z]${NA}`, {
    minDigitRun: 7,
    validate: (s) => (v.validEsNif(s) ? 0.85 : 0),
  }),
  rule('sg-nric', ['s', 't', 'f', 'g', 'm'], `${NBF('[STFGM]')}\\d{7}[A-Z]${NA}`, {
    minDigitRun: 7,
    validate: (s) => (v.validSgFin(s) ? 0.8 : 0),
  }),
  rule(
    'us-mbi',
    DIGITS,
    `${NBF('[1-9]')}[AC-HJKMNP-RT-Yac-hjkmnp-rt-y][AC-HJKMNP-RT-Yac-hjkmnp-rt-y0-9]\\d-?[AC-HJKMNP-RT-Yac-hjkmnp-rt-y][AC-HJKMNP-RT-Yac-hjkmnp-rt-y0-9]\\d-?[AC-HJKMNP-RT-Yac-hjkmnp-rt-y]{2}\\d{2}${NA}`,
    { confidence: 0.7, validate: (s) => (/[A-Za-z].*[A-Za-z].*[A-Za-z]/.test(s) ? 0.7 : 0) },
  ),
  rule(
    'uk-nino',
    DIGITS,
    `${NB}(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]${NA}`,
    { minDigitRun: 2, confidence: 0.7 },
  ),
  rule(
    'uk-driving-licence',
    DIGITS,
    `${NBF('[A-Z9]')}[A-Z9]{4}\\d[0156]\\d[0-3]\\d{2}[A-Z9]{2}\\d[A-Z]{2}${NA}`,
    {
      minDigitRun: 6,
      confidence: 0.8,
      flags: 'i',
      // Printed in capitals; written in lower case it counts only next to a licence word.
      validate: (s, text, start) =>
        s === s.toUpperCase()
          ? 0.8
          : /licen[cs]e|driving|driver|dvla/i.test(text.slice(Math.max(0, start - 64), start))
            ? 0.7
            : 0,
    },
  ),
  rule(
    'it-fiscal-code',
    DIGITS,
    `${NBF('[A-Z]')}[A-Z]{5}\\d{2}[A-EHLMPR-T]\\d{2}[A-Z]\\d{3}[A-Z]${NA}`,
    {
      minDigitRun: 3,
      confidence: 0.8,
      flags: 'i',
      validate: (s) => (validItFiscalCode(s) ? 0.8 : 0),
      gate: /\d\d[A-EHLMPR-Ta-ehlmpr-t]\d\d[A-Za-z]\d{3}[A-Za-z]/,
    },
  ),
  rule(
    'in-pan',
    ['pan', 'permanent account', 'income tax'],
    `${NBF('[A-Z]')}[A-Z]{2}[ABCFGHJLPT][A-Z]\\d{4}[A-Z]${NA}`,
    {
      minDigitRun: 4,
      context: /pan|permanent account|income tax/i,
      needContext: true,
      confidence: 0.7,
    },
  ),
  // Identity documents without a public checksum: only next to a context word.
  rule(
    'id-document',
    [
      'passport',
      'pasaporte',
      'passeport',
      'passaport',
      'paspoort',
      'paszport',
      'reisepass',
      'identit',
      'osobist',
      'kimlik',
      'dula',
      'pass',
      'licence',
      'license',
      'hrerschein',
      'fuehrerschein',
      'patente',
      'permis',
      'carnet',
      'driver',
      'voter',
      'epic',
      'insurance',
      'versicherung',
      'krankenkasse',
      'social security',
      'medicare',
      'national id',
      'identity',
      'personal id',
      'id number',
      'id card',
      'ausweis',
      'dni',
      'nie',
      'nif',
      'cpf',
      'curp',
    ],
    `${NB}(?=[A-Za-z0-9\\-]{0,14}\\d)[A-Za-z]{0,3}\\d[A-Za-z0-9\\-]{5,14}${NA}`,
    {
      confidence: 0.55,
      context: ID_WORDS,
      needContext: true,
      contextAfterChars: 32,
      validate: notSsnShaped,
    },
  ),
  ...NATIONAL_ID_RULES,
  ...MORE_NATIONAL_ID_RULES,
  ...ROUND6_NATIONAL_ID_RULES,
];

/**
 * The PII rules. An identity number (national ids, tax and health numbers,
 * identity documents) is not reported when a label right before it names it
 * as a product, order, invoice, parcel, serial or key number.
 */
export const PII_RULES: readonly Rule[] = RULES.map((r) =>
  NOT_IDENTITY_NUMBERS.has(r.type) ? r : refusingNonIdentityLabels(r),
);

export { D as digitsOnly };
