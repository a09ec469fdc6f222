/**
 * National identity and tax numbers added in issue 12's fifth round: Canada, Australia,
 * Switzerland, Norway, Chile, Argentina, Israel, Hong Kong, Taiwan, the UAE, the former
 * Yugoslav JMBG/EMŠO, Iceland, New Zealand and the US EIN. Each is written from the issuing
 * authority's published layout and check (`national-id-checks-more.ts`). A layout only a
 * national id has (`756.xxxx.xxxx.xx`, `784-yyyy-nnnnnnn-c`, `A123456(7)`, the dotted RUT)
 * is reported on its check alone; a bare digit run needs a word that names the number.
 */
import * as c from './national-id-checks-more.js';
import {
  checked,
  checkedNear,
  DIGITS,
  DOT_PAIRS,
  NBF,
  nationalIdRule as rule,
} from './national-id-rule-parts.js';
import type { Rule } from './rule.js';

/** Nine digits as 3-3-3 with one separator throughout (`046 454 286`), or none. */
const NINE = `${NBF('\\d', '[\\d.\\-]')}\\d{2}([ \\-]?)\\d{3}\\1\\d{3}(?![\\d\\-])`;

/**
 * A short word that means other things elsewhere counts only as the number's label: right
 * before it, with at most "number", "no." or "#", "is" and a colon between (`SIN: 046 454 286`,
 * `EIN 12-3456789`, `my SIN is …`). Anywhere in the 64 characters before, it fired on Spanish capitals
 * ("SIN COMPROMISO … 690 287 933"), German capitals ("EIN ANGEBOT"), Dockerfile `RUN` lines,
 * "NAS" storage and the French IRD (review of round 5).
 */
const labelled = (word: string): string =>
  `\\b(?:${word})(?:\\s{0,3}(?:[Nn]umber|NUMBER|[Nn]o\\.?|N[º°]|n[º°]|#))?(?:\\s{1,3}(?:is|was))?\\s{0,3}[:#=]?\\s{0,3}$`;

const SIN_WORDS = new RegExp(
  `${labelled('SIN|NAS')}|\\b[Ss]in (?:number|no\\b|#)|[Ss]ocial [Ii]nsurance|SOCIAL INSURANCE|[Aa]ssurance [Ss]ociale`,
);
const TFN_WORDS = /\btfn\b|tax file number/i;
const IL_WORDS = /teudat zehut|israeli id|israel id|\bzehut\b|תעודת זהות|ת\.ז|מספר זהות/i;
const TW_WORDS = /身分證|身份證|國民身分|taiwan(?:ese)? (?:national )?id|national id/i;
const JMBG_WORDS = /jmbg|em[sš]o|mati[cč]ni broj|матични број|\bembg\b/i;
const NO_WORDS = /f[øo]dselsnummer|personnummer|d-nummer|\bfnr\b|norwegian (?:national )?id/i;
const HK_WORDS = /hkid|hong kong id|香港身份證|身份證/i;

/**
 * The printed HKID (`A123456(7)`) on its own; the two-letter form also needs a word that names
 * it, since part and reference numbers (`KX746392(4)`) share that layout (review of round 5).
 */
const hkidPrinted: Rule['validate'] = (s, text, start) => {
  if (!c.validHkid(s)) return 0;
  const named = HK_WORDS.test(text.slice(Math.max(0, start - 64), start));
  return /^[A-Z]{2}/.test(s) && !named ? 0 : 0.7;
};

/** The fifth-round national-id rules, registered after the first list. */
export const MORE_NATIONAL_ID_RULES: readonly Rule[] = [
  // Layouts only the national id has: reported on the check (a context word raises confidence).
  rule('ch-ahv', ['756.'], `${NBF('7', '[\\d.]')}56\\.\\d{4}\\.\\d{4}\\.\\d{2}(?![\\d.])`, {
    minDigitRun: 2,
    validate: checked(c.validChAhv, 0.8),
    context: /ahv|avs|avh|sozialversicherung|assurance|social security|versichertennummer/i,
  }),
  rule('ae-emirates-id', ['784-'], `${NBF('7', '[\\d\\-]')}84-\\d{4}-\\d{7}-\\d(?![\\d\\-])`, {
    minDigitRun: 4,
    validate: checked(c.validAeEmiratesId, 0.8),
    context: /emirates id|eid|identity|\bid\b/i,
  }),
  rule(
    'cl-rut',
    DOT_PAIRS,
    // Not a number range's first half (`7.250.000-8.000.000`).
    `${NBF('\\d', '[\\d.]')}\\d?\\.\\d{3}\\.\\d{3}-[\\dkK](?![\\dA-Za-z\\-]|\\.\\d)`,
    {
      minDigitRun: 3,
      gate: /\d\.\d{3}\.\d{3}-[\dkK]/,
      validate: checked(c.validClRut, 0.6),
      context: /\brut\b|\brun\b|rol [uú]nico/i,
    },
  ),
  rule('hk-hkid', DIGITS, `${NBF('[A-Z]')}[A-Z]?\\d{6}\\([\\dA]\\)`, {
    minDigitRun: 6,
    gate: /\([\dA]\)(?<=\d{6}\([\dA]\))/,
    validate: hkidPrinted,
    context: HK_WORDS,
  }),
  // Bare digit runs and letter-digit runs: a word that names the number is required.
  rule('ch-ahv', ['ahv', 'avs'], `${NBF('7', '[\\d.]')}56\\d{10}(?!\\d)`, {
    minDigitRun: 13,
    validate: checkedNear(c.validChAhv, /\bahv|\bavs\b/i, 0.7),
    context: /ahv|avs/i,
    needContext: true,
  }),
  rule('ae-emirates-id', ['emirates id'], `${NBF('7', '\\d')}84\\d{12}(?!\\d)`, {
    minDigitRun: 15,
    validate: checked(c.validAeEmiratesId, 0.7),
    context: /emirates id/i,
    needContext: true,
  }),
  rule('ca-sin', ['sin', 'social insurance', 'nas', 'assurance sociale'], NINE, {
    minDigitRun: 3,
    validate: checkedNear(c.validCaSin, SIN_WORDS, 0.7),
    context: /sin|social insurance|nas|assurance sociale/i,
    needContext: true,
  }),
  rule('au-tfn', ['tfn', 'tax file number'], NINE, {
    minDigitRun: 3,
    validate: checkedNear(c.validAuTfn, TFN_WORDS, 0.7),
    context: /tfn|tax file number/i,
    needContext: true,
  }),
  rule(
    'au-medicare',
    ['medicare'],
    `${NBF('[2-6]', '[\\d\\-]')}\\d{3}([ \\-]?)\\d{5}\\1\\d(?:[ \\-/]?[1-9])?(?![\\d\\-])`,
    {
      minDigitRun: 4,
      // "Medicare" (card) as the label: US Medicare text is full of ten-digit phone numbers.
      validate: checkedNear(
        c.validAuMedicare,
        new RegExp(labelled('[Mm]edicare(?: [Cc]ard)?|MEDICARE')),
        0.7,
      ),
      context: /medicare/i,
      needContext: true,
    },
  ),
  rule(
    'au-abn',
    ['abn', 'australian business number'],
    `${NBF('[1-9]', '[\\d\\-]')}\\d([ ]?)\\d{3}\\1\\d{3}\\1\\d{3}(?![\\d\\-])`,
    {
      minDigitRun: 2,
      validate: checkedNear(c.validAuAbn, /\babn\b|australian business number/i, 0.7),
      context: /abn|australian business number/i,
      needContext: true,
    },
  ),
  rule('no-fodselsnummer', DIGITS, `${NBF('[0-7]')}\\d{5} ?\\d{5}(?!\\d)`, {
    minDigitRun: 5,
    gate: NO_WORDS,
    validate: checkedNear(c.validNoFnr, NO_WORDS, 0.8),
  }),
  rule('cl-rut', ['rut', 'run'], `${NBF('\\d')}\\d{6,7}-?[\\dkK](?![\\dA-Za-z\\-])`, {
    minDigitRun: 7,
    // "RUN" only in capitals and as the label: English "run" and Dockerfile `RUN` lines.
    validate: checkedNear(c.validClRut, new RegExp(labelled('RU[NT]|[Rr]ut')), 0.6),
    context: /rut|run/i,
    needContext: true,
  }),
  rule('ar-cuit', ['cuit', 'cuil'], `${NBF('[23]', '[\\d\\-]')}\\d(-?)\\d{8}\\1\\d(?![\\d\\-])`, {
    minDigitRun: 2,
    validate: checkedNear(c.validArCuit, /\bcui[tl]\b/i, 0.75),
    context: /cuit|cuil/i,
    needContext: true,
  }),
  rule('il-id', DIGITS, `${NBF('\\d')}\\d{8}(?![\\d\\-])`, {
    minDigitRun: 9,
    gate: IL_WORDS,
    validate: checkedNear(c.validIlId, IL_WORDS, 0.75),
  }),
  rule('hk-hkid', ['hkid', 'hong kong id'], `${NBF('[A-Z]')}[A-Z]?\\d{6}[\\dA](?![A-Za-z0-9])`, {
    minDigitRun: 6,
    validate: checkedNear(c.validHkid, HK_WORDS, 0.7),
    context: /hkid|hong kong id/i,
    needContext: true,
  }),
  rule('tw-national-id', DIGITS, `${NBF('[A-Z]')}[1289]\\d{8}(?![A-Za-z0-9])`, {
    minDigitRun: 9,
    gate: TW_WORDS,
    validate: checkedNear(c.validTwId, TW_WORDS, 0.8),
  }),
  rule('yu-jmbg', DIGITS, `${NBF('[0-3]')}\\d{12}(?!\\d)`, {
    minDigitRun: 13,
    gate: JMBG_WORDS,
    validate: checkedNear(c.validJmbg, JMBG_WORDS, 0.8),
  }),
  rule('is-kennitala', ['kennitala', 'kt.'], `${NBF('[0-7]')}\\d{5}-?\\d{4}(?![\\d\\-])`, {
    minDigitRun: 4,
    validate: checkedNear(c.validIsKennitala, /kennitala|\bkt\./i, 0.7),
    context: /kennitala|kt\./i,
    needContext: true,
  }),
  rule(
    'nz-ird',
    ['ird', 'inland revenue'],
    `${NBF('\\d', '[\\d\\-]')}\\d{1,2}([ \\-]?)\\d{3}\\1\\d{3}(?![\\d\\-])`,
    {
      minDigitRun: 2,
      // "IRD" as the label: the French IRD and IRD decoders are not the number's name.
      validate: checkedNear(
        c.validNzIrd,
        new RegExp(`${labelled('IRD|[Ii]rd')}|[Ii]nland [Rr]evenue|INLAND REVENUE`),
        0.6,
      ),
      context: /ird|inland revenue/i,
      needContext: true,
    },
  ),
  rule(
    'us-ein',
    ['ein', 'employer identification', 'employer id', 'federal tax id'],
    `${NBF('\\d', '[\\d\\-]')}\\d-\\d{7}(?![\\d\\-])`,
    {
      minDigitRun: 7,
      validate: checkedNear(
        c.validUsEin,
        // "EIN" only in capitals and as the label: German "ein" and "EIN ANGEBOT".
        new RegExp(
          `${labelled('F?EIN')}|[Ee]mployer [Ii]dentification|[Ee]mployer ID|[Ff]ederal [Tt]ax ID`,
        ),
        0.6,
      ),
      context: /ein|employer identification|employer id|federal tax id/i,
      needContext: true,
    },
  ),
];
