/**
 * National identity, tax and company numbers added in issue 12's sixth round: Italy's Partita
 * IVA, Australia's ACN, Singapore's UEN, Greece's AMKA, Hungary's TAJ, Ukraine's RNOKPP and
 * Iran's national code. Each is written from the issuing authority's published layout and
 * check (`national-id-checks-round6.ts`; the UEN has no published check). All are bare digit
 * runs (or, for the UEN, a layout many codes share), so a word that names the number must
 * stand right before it.
 */
import * as c from './national-id-checks-round6.js';
import { checkedNear, DIGITS, NBF, nationalIdRule as rule } from './national-id-rule-parts.js';
import type { Rule } from './rule.js';

/** Nine digits as 3-3-3 with one separator throughout (`004 085 616`), or none. */
const NINE = `${NBF('\\d', '[\\d.\\-]')}\\d{2}([ \\-]?)\\d{3}\\1\\d{3}(?![\\d\\-])`;

/** `words`, then at most "number", "no." or "#", "is" and a colon before the number. */
const label = (words: string): RegExp =>
  new RegExp(
    `(?:${words})(?:\\s{0,3}(?:number|no\\.?|n[º°]|#|nr\\.?|num\\.?|szám|номер|код))?(?:\\s{1,3}(?:is|was|è|:))?\\s{0,3}[:#=]?\\s{0,3}$`,
    'i',
  );

const IT_VAT_WORDS = label('partita\\s?iva|p\\.\\s?iva|\\bvat(?: id| number| no\\.?)?|\\biva\\b');
const ACN_WORDS = label('\\bacn|a\\.c\\.n\\.|australian company number');
const UEN_WORDS = label('\\buen|unique entity number');
const AMKA_WORDS = /amka|αμκα|α\.μ\.κ\.α/i;
const TAJ_WORDS = label('\\btaj(?:[ -]?sz[aá]m)?|társadalombiztosítási azonosító(?: jel)?');
// Cyrillic words: `\b` reads ASCII only, so the edges are Unicode letter look-arounds.
const UA_WORDS =
  /(?<!\p{L})(?:рнокпп|іпн|rnokpp)(?!\p{L})|ідентифікаційн\p{L}{0,3} (?:код|номер)|податков\p{L}{0,3} номер|облікової картки платника/iu;
const IR_WORDS =
  /کد\s?\u200c?ملی|شماره\s?\u200c?ملی|national code|code[\s-]?melli|melli[\s-]?code|iranian national id/i;

/** The sixth-round rules, registered after the fifth round's. */
export const ROUND6_NATIONAL_ID_RULES: readonly Rule[] = [
  rule(
    'it-vat',
    ['iva', 'vat'],
    // Eleven digits, or the EU VAT form with the `IT` prefix.
    `(?:I(?<![A-Za-z0-9].)T ?\\d|\\d(?<![A-Za-z0-9].))\\d{10}(?![\\d\\-])`,
    {
      minDigitRun: 10,
      validate: checkedNear(c.validItVat, IT_VAT_WORDS, 0.7),
      context: /iva|vat/i,
      needContext: true,
    },
  ),
  rule('au-acn', ['acn', 'a.c.n', 'australian company number'], NINE, {
    minDigitRun: 3,
    validate: checkedNear(c.validAuAcn, ACN_WORDS, 0.7),
    context: /acn|a\.c\.n|australian company number/i,
    needContext: true,
  }),
  rule(
    'sg-uen',
    ['uen', 'unique entity number'],
    // Businesses (8 digits + letter), local companies (year + 5 digits + letter), other
    // entities (`T`/`S`/`R` + year + entity type + 4 digits + letter): no published check.
    `${NBF('[\\dRST]')}(?:(?<=\\d)\\d{7}|(?<=[12])\\d{8}|(?<=[RST])\\d{2}[A-Z]{2}\\d{4})[A-Z](?![A-Za-z0-9])`,
    {
      minDigitRun: 2,
      validate: (_s, text, start) =>
        UEN_WORDS.test(text.slice(Math.max(0, start - 64), start)) ? 0.6 : 0,
      context: /uen|unique entity number/i,
      needContext: true,
    },
  ),
  rule('gr-amka', DIGITS, `${NBF('[0-3]')}\\d{10}(?![\\d\\-])`, {
    minDigitRun: 11,
    gate: AMKA_WORDS,
    validate: checkedNear(c.validGrAmka, AMKA_WORDS, 0.75),
  }),
  rule('hu-taj', ['taj', 'biztos'], NINE, {
    minDigitRun: 3,
    validate: checkedNear(c.validHuTaj, TAJ_WORDS, 0.7),
    context: /taj|társadalombiztosítási/i,
    needContext: true,
  }),
  rule('ua-rnokpp', DIGITS, `${NBF('\\d')}\\d{9}(?![\\d\\-])`, {
    minDigitRun: 10,
    gate: UA_WORDS,
    validate: checkedNear(c.validUaRnokpp, UA_WORDS, 0.75),
  }),
  rule('ir-national-code', DIGITS, `${NBF('\\d', '[\\d\\-]')}\\d{2}(-?)\\d{6}\\1\\d(?![\\d\\-])`, {
    minDigitRun: 3,
    gate: IR_WORDS,
    validate: checkedNear(c.validIrNationalCode, IR_WORDS, 0.75),
  }),
];
