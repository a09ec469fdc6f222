/**
 * Phone numbers via libphonenumber-js (its metadata knows every numbering
 * plan; a hand-written regex does not). A cheap regex finds digit runs shaped
 * like a phone number; each candidate is parsed and validated. Without a
 * leading `+`, a number needs a phone context word, and national formats are
 * tried for the countries the text hints at.
 */

import type { CountryCode } from 'libphonenumber-js/min';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { RawFinding } from './rule.js';

export const CANDIDATE: RegExp =
  /(?<![\w+.\-/])(?:\+|00)?\(?\d[\d \-().\u00a0]{5,20}\d(?![\d\-.]?\d)/g;
const CONTEXT =
  /phone|mobile|cell|call|tel\b|telephone|fax|whatsapp|signal|sms|text me|number|contact|reach me|telefon|handy|téléphone|teléfono|telefono|celular|móvil|电话|手机|電話|携帯|전화|номер|телефон|هاتف|جوال|موبايل|واتساب|اتصل|رسالة نصية|تلفن|موبایل|شماره تماس|تماس|فون|फ़ोन|फोन|मोबाइल|ফোন|মোবাইল/i;

/**
 * The North American layout (ITU-T E.123 national form as the NANP writes it): `(415) 555-0132`,
 * `415-555-0132`, `415.555.0132`, one separator throughout. Distinct enough to stand without
 * a context word.
 */
const NANP = /^(?:\(\d{3}\) ?\d{3}-\d{4}|\d{3}-\d{3}-\d{4}|\d{3}\.\d{3}\.\d{4})$/;
/**
 * The number just named as something else ("card number is", "social security number"):
 * `number` there is not a phone context word.
 */
const OTHER_NUMBER =
  /(?:card|account|acct|security|ssn|passport|licen[cs]e|tax|routing|iban|serial|order|invoice|tracking|policy|registration|nhs|health|medicare|insurance|aadhaar|pesel|idnr|id)(?: ?(?:no\.?|number|num|#))?(?: ?(?:is|was|:))? ?$/i;

const HINTS: ReadonlyArray<readonly [RegExp, CountryCode]> = [
  [/japan|japanese|日本|電話/i, 'JP'],
  [/\buk\b|british|england|london/i, 'GB'],
  [/german|deutsch|telefon|handy/i, 'DE'],
  [/fran[cç]|téléphone/i, 'FR'],
  [/india|indian/i, 'IN'],
  [/brazil|brasil/i, 'BR'],
  [/spain|españ|spanish|teléfono|móvil/i, 'ES'],
  [/ital|telefono|cellulare/i, 'IT'],
  [/philippin/i, 'PH'],
  [/australia/i, 'AU'],
  [/canad/i, 'CA'],
  [/mexic/i, 'MX'],
  [/korea|전화/i, 'KR'],
  [/china|chinese|电话|手机/i, 'CN'],
  [/russia|телефон/i, 'RU'],
  [/israel/i, 'IL'],
];
const FALLBACK: readonly CountryCode[] = ['US', 'GB', 'DE', 'IN', 'PH', 'BR', 'FR'];

/** Finds phone numbers in `text`. */
export function findPhones(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  let hinted: CountryCode[] | undefined;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const raw = m[0];
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    const before = text.slice(Math.max(0, m.index - 48), m.index);
    const intl = raw.startsWith('+') || raw.startsWith('00');
    const ctx = CONTEXT.test(before);
    const nanp = !intl && NANP.test(raw.trim());
    if (!intl && ((!ctx && !nanp) || OTHER_NUMBER.test(before))) continue;
    let ok = false;
    if (intl) {
      const p = parsePhoneNumberFromString(raw.startsWith('00') ? `+${raw.slice(2)}` : raw);
      ok = p?.isValid() ?? false;
    } else {
      hinted ??= HINTS.filter(([re]) => re.test(text)).map(([, c]) => c);
      for (const c of [...hinted, ...FALLBACK]) {
        const p = parsePhoneNumberFromString(raw, c);
        if (p?.isValid()) {
          ok = true;
          break;
        }
      }
    }
    if (!ok) continue;
    let end = m.index + raw.length;
    let start = m.index;
    while (end > start && /[\s\-.(]/.test(text[end - 1] as string)) end--;
    while (start < end && /[\s\-.)]/.test(text[start] as string)) start++;
    out.push({
      category: 'pii',
      type: 'phone',
      start,
      end,
      confidence: ctx ? 0.85 : nanp ? 0.6 : 0.65,
      severity: 'medium',
    });
  }
  return out;
}
