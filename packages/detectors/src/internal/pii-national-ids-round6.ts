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

/** Words that name a number ("number", "no.", "n.", "szám", "номер", "شماره", …). */
const NUMBER_WORD =
  'numbers?|no\\.?|n\\.|nr\\.?|num\\.?|numero|número|n[º°]|#|sz\\.|sz[aá]m\\p{L}{0,3}|номер\\p{L}{0,2}|код|αριθμός|شماره';

/**
 * A label that names the number right before it: one of `words` (not inside a longer word),
 * then at most a number word, "is", and punctuation, quotes or a colon. A word anywhere in
 * the 64 characters before let postal codes, phone and order numbers pass (review of round 6).
 */
const label = (words: string, flags = 'iu'): RegExp =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words})(?:[\\s._\\-]{0,3}(?:${NUMBER_WORD}))?(?:\\s{1,3}(?:is|was|è|es|ist))?[\\s"'\`:#=()\\-–]{0,6}$`,
    flags,
  );

/** The Partita IVA's own names, then "/C.F." or "e C.F." when both are given. */
const IT_VAT_WORDS = label(
  '(?:partita[\\s_]?i\\.?v\\.?a\\.?|p\\.\\s?iva|piva|p\\.\\s?i\\.)(?:\\s?(?:/|e)\\s?c\\.\\s?f\\.)?',
);
/** "VAT" (Polish and other invoices say "Faktura VAT nr …"): only with the `IT` prefix. */
const EU_VAT_WORDS = label('vat(?:[\\s_]?(?:id|reg(?:istration)?\\.?))?');
const ACN_WORDS = label('acn|a\\.c\\.n\\.|australian company number');
/** An ACN is a company's: "ACN" also names acetonitrile and ticket numbers. */
const COMPANY_NEAR = /\bpty\b|\bltd\b|limited|company|\babn\b|\basic\b|australia/i;
const UEN_WORDS = label('uen(?:\\s?/\\s?gst reg(?:istration)?\\.?)?|unique entity number');
const AMKA_ANYWHERE =
  /amka|a\.m\.k\.a|αμκα|α\.μ\.κ\.α|άμκα|ά\.μ\.κ\.α|αριθμός μητρώου κοινωνικής ασφάλισης/i;
const AMKA_WORDS = label(
  'amka|a\\.m\\.k\\.a\\.?|αμκα|α\\.μ\\.κ\\.α\\.?|άμκα|ά\\.μ\\.κ\\.α\\.?|αριθμός μητρώου κοινωνικής ασφάλισης',
);
// Upper-case TAJ, or with its Hungarian noun: "Taj" alone is a hotel or a name.
const TAJ_WORDS = label(
  'TAJ(?:[ -]?(?:k[aá]rty[aá]\\p{L}{0,3}))?|[Tt]aj[ -]sz[aá]m\\p{L}{0,3}|[Tt]ársadalombiztosítási [Aa]zonosító(?: [Jj]el)?',
  'u',
);
const UA_ANYWHERE =
  /рнокпп|іпн|инн|дрфо|rnokpp|\bipn\b|ідентифікаційн|податков|облікової картки платника/i;
const UA_WORDS = label(
  'рнокпп|іпн|инн|rnokpp|ipn|код за дрфо|ідентифікаційн\\p{L}{0,3} (?:код|номер)|податков\\p{L}{0,3} номер|облікової картки платника(?: податків)?',
);
// Persian and Arabic keyboards spell "code" and "national" with different kaf and yeh.
const IR_ANYWHERE =
  /[کك]د\s?\u200c?مل[یي]|شماره\s?\u200c?(?:شناسایی\s?\u200c?)?مل[یي]|national code|melli/i;
const IR_WORDS = label(
  '[کك]د\\s?\\u200c?مل[یي]|شماره\\s?\\u200c?(?:شناسایی\\s?\\u200c?)?مل[یي]|national code|code[\\s-]?melli|melli[\\s-]?code|iranian national id',
);

/** A Partita IVA after its own name, or with the `IT` prefix after "VAT". */
const itVat: Rule['validate'] = (s, text, start) => {
  if (!c.validItVat(s)) return 0;
  const before = text.slice(Math.max(0, start - 64), start);
  return IT_VAT_WORDS.test(before) || (/^IT/.test(s) && EU_VAT_WORDS.test(before)) ? 0.7 : 0;
};

/** The sixth-round rules, registered after the fifth round's. */
export const ROUND6_NATIONAL_ID_RULES: readonly Rule[] = [
  rule(
    'it-vat',
    ['iva', 'vat', 'p.i.', 'p. i.', 'partita'],
    // Eleven digits, or the EU VAT form with the `IT` prefix.
    `(?:I(?<![A-Za-z0-9].)T[ \\-]?\\d|\\d(?<![A-Za-z0-9].))\\d{10}(?![\\d\\-])`,
    {
      minDigitRun: 10,
      validate: itVat,
      context: /iva|vat|p\. ?i\.|partita/i,
      needContext: true,
    },
  ),
  rule('au-acn', ['acn', 'a.c.n', 'australian company number'], NINE, {
    minDigitRun: 3,
    validate: (s, text, start) =>
      c.validAuAcn(s) &&
      ACN_WORDS.test(text.slice(Math.max(0, start - 64), start)) &&
      COMPANY_NEAR.test(text.slice(Math.max(0, start - 96), start + s.length + 96))
        ? 0.7
        : 0,
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
      flags: 'i',
      validate: (_s, text, start) =>
        UEN_WORDS.test(text.slice(Math.max(0, start - 64), start)) ? 0.6 : 0,
      context: /uen|unique entity number/i,
      needContext: true,
    },
  ),
  rule('gr-amka', DIGITS, `${NBF('[0-3]')}\\d{10}(?![\\d\\-])`, {
    minDigitRun: 11,
    gate: AMKA_ANYWHERE,
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
    gate: UA_ANYWHERE,
    // Above a phone number's 0.85: "податковий номер" is also a phone word.
    validate: checkedNear(c.validUaRnokpp, UA_WORDS, 0.9),
  }),
  rule('ir-national-code', DIGITS, `${NBF('\\d', '[\\d\\-]')}\\d{2}(-?)\\d{6}\\1\\d(?![\\d\\-])`, {
    // The hyphenated layout's middle part: a text without six digits in a row skips the gate.
    minDigitRun: 6,
    gate: IR_ANYWHERE,
    validate: checkedNear(c.validIrNationalCode, IR_WORDS, 0.9),
  }),
];
