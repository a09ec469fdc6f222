import * as c from './national-id-checks.js';
import {
  checked,
  checkedNear,
  DIGITS,
  DOT_PAIRS,
  NA,
  NBF,
  nationalIdRule as rule,
  SPACE_PAIRS,
} from './national-id-rule-parts.js';
import type { Rule } from './rule.js';

/*
 * Context words of the rules whose words are not all ASCII (the keyword prefilter cannot look
 * for them). Each is also the rule's gate: a text without one of them skips the rule.
 */
const JP_WORDS = /マイナンバー|個人番号|my ?number|individual number/i;
const BG_WORDS = /\begn\b|егн|единен граждански/i;
const SNILS_WORDS = /снилс|snils|страхов/i;
const INN_WORDS = /инн|\binn\b|taxpayer/i;
const EG_WORDS = /national id|الرقم القومي|رقم قومي|egypt/i;

const MX_STATES =
  'AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR|TC|TS|TL|VZ|YN|ZS|NE';

/** The national-id rules, registered after the core PII list. */
export const NATIONAL_ID_RULES: readonly Rule[] = [
  // Strong checks: reported without a context word (a context word raises confidence).
  rule(
    'cn-resident-id',
    DIGITS,
    `${NBF('[1-9]')}\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]${NA}`,
    {
      minDigitRun: 17,
      validate: checked(c.validCnResidentId, 0.75),
      context: /身份证|身份號|居民身份|resident id|identity|id card|id number/i,
    },
  ),
  rule('br-cpf', DOT_PAIRS, `${NBF('\\d', '[\\d.]')}\\d{2}\\.\\d{3}\\.\\d{3}-\\d{2}(?![\\d\\-])`, {
    minDigitRun: 3,
    gate: /\d\.\d{3}\.\d{3}-\d\d/,
    validate: checked(c.validBrCpf, 0.75),
    context: /cpf|cadastro|contribuinte/i,
  }),
  rule(
    'br-cnpj',
    DIGITS,
    `${NBF('[0-9A-Z]', '[\\dA-Za-z.]')}[0-9A-Z]\\.[0-9A-Z]{3}\\.[0-9A-Z]{3}/[0-9A-Z]{4}-\\d{2}(?![\\d\\-])`,
    {
      minDigitRun: 2,
      gate: /[0-9A-Z]\.[0-9A-Z]{3}\.[0-9A-Z]{3}\/[0-9A-Z]{4}-\d\d/,
      validate: checked(c.validBrCnpj, 0.75),
      context: /cnpj|empresa|raz[aã]o social/i,
    },
  ),
  rule(
    'mx-curp',
    DIGITS,
    `${NBF('[A-Z]')}[AEIOUX][A-Z]{2}\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])[HMX](?:${MX_STATES})[B-DF-HJ-NP-TV-Z]{3}[A-Z0-9]\\d${NA}`,
    {
      minDigitRun: 6,
      gate: /[HMX](?<=\d{6}[HMX])/,
      validate: checked(c.validMxCurp, 0.85),
      context: /curp|renapo|clave [uú]nica/i,
    },
  ),
  rule(
    'fr-nir',
    SPACE_PAIRS,
    `${NBF('[1-478]')} \\d{2} (?:0[1-9]|1[0-2]|[2-4]\\d|[5-9]\\d) (?:\\d{2}|2[AB]) \\d{3} \\d{3} \\d{2}(?!\\d)`,
    {
      minDigitRun: 2,
      gate: /\d \d\d \d\d (?:\d\d|2[AB]) \d{3} \d{3} \d\d/,
      validate: checked(c.validFrNir, 0.75),
      context: /nir|insee|s[ée]curit[ée] sociale|social security|vitale/i,
    },
  ),
  rule(
    'be-national-number',
    DOT_PAIRS,
    `${NBF('\\d', '[\\d.]')}\\d\\.\\d{2}\\.\\d{2}-\\d{3}\\.\\d{2}(?![\\d.])`,
    {
      minDigitRun: 2,
      gate: /\d\.\d\d\.\d\d-\d{3}\.\d\d/,
      validate: checked(c.validBeNationalNumber, 0.75),
      context: /national|rijksregister|registre|insz|niss/i,
    },
  ),
  // German health-insurance number (KVNR): a capital letter and nine digits with a check digit.
  rule('de-health-insurance', DIGITS, `${NBF('[A-Z]')}\\d{9}${NA}`, {
    minDigitRun: 9,
    confidence: 0.5,
    validate: checked(c.validDeKvnr, 0.5),
    context: /kvnr|krankenversichert|versichertennummer|egk|krankenkasse|health insurance/i,
  }),
  // Bare digit runs: a context word is required.
  rule('br-cpf', ['cpf'], `${NBF('\\d')}\\d{10}(?!\\d)`, {
    minDigitRun: 11,
    validate: checked(c.validBrCpf, 0.6),
    context: /cpf/i,
    needContext: true,
  }),
  rule('br-cnpj', ['cnpj'], `${NBF('\\d')}\\d{13}(?!\\d)`, {
    minDigitRun: 14,
    validate: checked(c.validBrCnpj, 0.6),
    context: /cnpj/i,
    needContext: true,
  }),
  rule(
    'fr-nir',
    ['nir', 'insee', 'sociale', 'social security', 'vitale'],
    `${NBF('[1-478]')}\\d{4}(?:\\d{2}|2[AB])\\d{8}(?![A-Za-z0-9])`,
    {
      minDigitRun: 5,
      validate: checkedNear(
        c.validFrNir,
        /\bnir\b|insee|s[ée]curit[ée] sociale|social security|vitale/i,
        0.6,
      ),
      context: /nir|insee|sociale|social security|vitale/i,
      needContext: true,
    },
  ),
  rule(
    'be-national-number',
    ['national number', 'national register', 'rijksregister', 'registre national', 'insz', 'niss'],
    `${NBF('\\d')}\\d{10}(?!\\d)`,
    {
      minDigitRun: 11,
      validate: checked(c.validBeNationalNumber, 0.6),
      context: /national number|national register|rijksregister|registre national|insz|niss/i,
      needContext: true,
    },
  ),
  rule('id-nik', ['nik', 'ktp', 'kependudukan'], `${NBF('[1-9]')}\\d{15}(?!\\d)`, {
    minDigitRun: 16,
    validate: checkedNear(c.validIdNik, /\bnik\b|\bktp\b|kependudukan/i, 0.45),
    context: /nik|ktp|kependudukan/i,
    needContext: true,
  }),
  rule('jp-my-number', DIGITS, `${NBF('\\d')}\\d{3}([ \\-]?)\\d{4}\\1\\d{4}(?![\\d\\-])`, {
    minDigitRun: 4,
    gate: JP_WORDS,
    validate: checkedNear(c.validJpMyNumber, JP_WORDS, 0.9),
  }),
  rule('ng-nin', ['nin', 'nimc', 'national identification'], `${NBF('[1-9]')}\\d{10}(?!\\d)`, {
    minDigitRun: 11,
    confidence: 0.3,
    validate: checkedNear(c.validNgNin, /\bnin\b|\bnimc\b|national identification/i, 0.3),
    context: /nin|nimc|national identification/i,
    needContext: true,
  }),
  rule(
    'pk-cnic',
    ['cnic', 'nadra', 'national identity card', 'nic'],
    `${NBF('[1-7]')}\\d{4}(-?)\\d{7}\\1\\d(?![\\d\\-])`,
    {
      minDigitRun: 4,
      validate: checkedNear(c.validPkCnic, /cnic|nadra|national identity card|\bnic\b/i, 0.5),
      context: /cnic|nadra|national identity card|nic/i,
      needContext: true,
    },
  ),
  rule(
    'nl-bsn',
    ['bsn', 'burgerservicenummer', 'sofinummer'],
    `${NBF('\\d')}(?:\\d{8}|\\d{3}\\.\\d{2}\\.\\d{3})(?![\\d.])`,
    {
      minDigitRun: 3,
      validate: checked(c.validNlBsn, 0.6),
      context: /bsn|burgerservicenummer|sofinummer/i,
      needContext: true,
    },
  ),
  rule('pt-nif', ['nif', 'contribuinte'], `${NBF('[1235689]')}\\d{8}(?!\\d)`, {
    minDigitRun: 9,
    validate: checkedNear(c.validPtNif, /\bnif\b|contribuinte/i, 0.6),
    context: /nif|contribuinte/i,
    needContext: true,
  }),
  rule('dk-cpr', ['cpr'], `${NBF('[0-3]')}\\d{5}-?\\d{4}(?![\\d\\-])`, {
    minDigitRun: 4,
    validate: checked(c.validDkCpr, 0.45),
    context: /cpr/i,
    needContext: true,
  }),
  rule(
    'at-svnr',
    ['sozialversicherungs', 'svnr', 'sv-nummer', 'sv-nr', 'versicherungsnummer'],
    `${NBF('[1-9]')}\\d{3} ?\\d{6}(?!\\d)`,
    {
      minDigitRun: 4,
      validate: checked(c.validAtSvnr, 0.6),
      context: /sozialversicherungs|svnr|sv-nummer|sv-nr|versicherungsnummer/i,
      needContext: true,
    },
  ),
  rule('cz-birth-number', ['rodn', 'birth number'], `${NBF('\\d')}\\d{5}/?\\d{4}(?![\\d/])`, {
    minDigitRun: 4,
    validate: checked(c.validCzBirthNumber, 0.6),
    context: /rodn[eé] [cč][ií]slo|birth number/i,
    needContext: true,
  }),
  rule('ro-cnp', ['cnp', 'cod numeric personal'], `${NBF('[1-8]')}\\d{12}(?!\\d)`, {
    minDigitRun: 13,
    validate: checkedNear(c.validRoCnp, /\bcnp\b|cod numeric personal/i, 0.6),
    context: /cnp|cod numeric personal/i,
    needContext: true,
  }),
  rule('hr-oib', ['oib', 'osobni identifikacijski'], `${NBF('\\d')}\\d{10}(?!\\d)`, {
    minDigitRun: 11,
    validate: checkedNear(c.validHrOib, /\boib\b|osobni identifikacijski/i, 0.6),
    context: /oib|osobni identifikacijski/i,
    needContext: true,
  }),
  rule('bg-egn', DIGITS, `${NBF('\\d')}\\d{9}(?!\\d)`, {
    minDigitRun: 10,
    gate: BG_WORDS,
    validate: checkedNear(c.validBgEgn, BG_WORDS, 0.85),
  }),
  rule(
    'ee-lt-personal-code',
    ['isikukood', 'asmens kod', 'personal code'],
    `${NBF('[1-6]')}\\d{10}(?!\\d)`,
    {
      minDigitRun: 11,
      validate: checked(c.validEeLtPersonalCode, 0.6),
      context: /isikukood|asmens kod|personal code/i,
      needContext: true,
    },
  ),
  rule(
    'ie-ppsn',
    ['pps', 'personal public service'],
    `${NBF('\\d')}\\d{6}[A-Wa-w][A-IWa-iw]?${NA}`,
    {
      minDigitRun: 7,
      validate: checkedNear(c.validIePpsn, /\bppsn?\b|personal public service/i, 0.6),
      context: /pps|personal public service/i,
      needContext: true,
    },
  ),
  rule('ru-snils', DIGITS, `${NBF('\\d')}\\d{2}-?\\d{3}-?\\d{3}[ \\-]?\\d{2}(?![\\d\\-])`, {
    minDigitRun: 2,
    gate: SNILS_WORDS,
    validate: checkedNear(c.validRuSnils, SNILS_WORDS, 0.85),
  }),
  rule('ru-inn', DIGITS, `${NBF('\\d')}(?:\\d{9}|\\d{11})(?!\\d)`, {
    minDigitRun: 10,
    gate: INN_WORDS,
    validate: checkedNear(c.validRuInn, INN_WORDS, 0.8),
  }),
  rule('eg-national-id', DIGITS, `${NBF('[23]')}\\d{13}(?!\\d)`, {
    minDigitRun: 14,
    gate: EG_WORDS,
    validate: checkedNear(c.validEgNationalId, EG_WORDS, 0.82),
  }),
];
