/**
 * Labels that name a number as something other than a person's document: a
 * product, order, parcel, invoice or licence-key number (`SKU AB1234567`,
 * `Artikelnummer C01X00T47`, `order #L89012345`). A marketplace post about a
 * passport holder or a driving-licence wallet names the document and then the
 * product's own code, and an order or ISBN number may pass a national id's
 * checksum: identity-number rules refuse a number labelled this way.
 */

import type { Rule } from './rule.js';

/**
 * A product, order or key label in the languages of the document words, with
 * an optional number word (`no.`, `n.`, `nr`, `nº`, `number`, `#`) and
 * separator, ending right where the number starts. A code named as a person's
 * ("national code", "tax code") is not such a label.
 */
const NON_IDENTITY_LABEL =
  /(?:^|[^\p{L}\p{N}])(?:sku|ean|upc|gtin|asin|isbn|mpn|imei|barcode|model[lo]?|modèle|mod|modell?nummer|art(?:ikel|icle|ículo|icolo)?|artikel-?nr|artikelnummer|item|listing|ticket|build|version|timestamp|epoch|issue|transaction|txn|receipt|quote|booking|reservation|confirmation|shipment|parcel|paket|paketnummer|colis|env[ií]o|spedizione|awb|waybill|consignment|container|product|produkt|producto|prodotto|produit|part|p\/n|s\/n|sn|teil(?:e-?)?nummer|r[eé]f(?:[eé]rence|erencia|erenz)?|order|ord|ordernummer|bestelnummer|bestellung|bestell-?nr|bestellnummer|auftrags-?(?:nummer|nr)|kunden-?(?:nummer|nr)|customer|pedido|ordine|commande|zamówienia|po|rma|return|invoice|inv|rechnung|rechnungs-?(?:nummer|nr)|factura|fattura|facture|bill|tracking|track|sendungsnummer|seguimiento|serial|seriennummer|serie|lot|batch|stock|cat|catalog(?:ue)?|auction|voucher|coupon|gift card|style|(?<!(?:national|personal|identity|id|tax|fiscal|insurance|health|security|melli) )(?:code|codice|código|cod)|key|schlüssel|clave|chiave|clé)\.?(?:[ \t.-]*(?:no|n|nr|n[º°o]|num(?:ber|ero|ro)?|id|#))?\.?[ \t]*[:#=-]?[ \t]*$/iu;

/** How far before a number its label is looked for. */
const LABEL_REACH = 40;

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';

/**
 * Words that name a person's number by themselves: identity, tax and health
 * numbers, in the languages of the rules (Korean, Japanese and Chinese ones
 * without word edges).
 */
const PERSONAL_NUMBER = new RegExp(
  `${NOT_LETTER_BEFORE}(?:ssn|social security|s[ée]curit[ée] sociale|seguridad social|sozialversicherungsnummer|nhs|patient|medicare|aadhaa?r|steuer-?id|steuernummer|steuer-?identifikationsnummer|tax id|tax number|tin|idnr|pesel|dni|nie|nif|cpf|codice fiscale|cf|bsn|burgerservicenummer|nir|insee|rrn|resident registration|personnummer|national (?:id|insurance|code)|personal id|id number|versichertennummer|kvnr|nric|curp|kimlik|tckn)${NOT_LETTER_AFTER}|주민등록번호|주민번호|외국인등록번호|여권번호|マイナンバー|個人番号|身份证|护照号`,
  'giu',
);

/** `PAN`, India's tax number, only in capitals (a frying pan is not one). */
const PAN = /(?<![\p{L}\p{N}])PAN(?![\p{L}\p{N}])/gu;

/** Documents and cards, which name a person's number only with a number word or an owner. */
const DOCUMENT =
  '(?:passport|pasaporte|passeport|passaporto|reisepass|paszport|id card|identity card|carta d.identit[àa]|ausweis|personalausweis|identit[àéy]|identidad|driv(?:er|ing).?s? licen[cs]e|licen[cs]e|führerschein|permis|patente|carnet|health insurance|insurance|krankenversicherung|pan)';

/** A document named as a number (`passport number`, `ID card no.`) or as someone's (`my passport`). */
const DOCUMENT_NUMBER = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${DOCUMENT}(?:[ \\t]+card)?[ \\t-]*(?:number|no\\.?|nr\\.?|n[º°o]|#|numero|número|numéro|nummer|num)|(?:my|our|mein(?:e|en)?|mi|mis|mon|ma|mes|il mio|la mia|mój|moja|meu|minha)[ \\t]+${DOCUMENT})${NOT_LETTER_AFTER}`,
  'giu',
);

/** A product named after a document or number, right after its name: `ID card holder`, `NHS lanyard`. */
const PRODUCT_AFTER =
  /^[ \t-]*(?:card[ \t]+)?(?:holders?|covers?|cases?|wallets?|sleeves?|lanyards?|frames?|plates?|screws?|photos?|bags?|pouch(?:es)?|organi[sz]ers?|readers?|printers?|templates?|stickers?|badges?|clips?|straps?|books?|windows?|hüllen?|taschen?|etuis?)(?![\p{L}\p{N}])/iu;

/** Whether `re` finds, in `part`, a name that is not a product's. */
function namedOutsideProduct(re: RegExp, part: string): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(part); m; m = re.exec(part))
    if (!PRODUCT_AFTER.test(part.slice(m.index + m[0].length))) return true;
  return false;
}

/**
 * Whether `part` names a person's number: a personal-number word, or a
 * document named as a number or as someone's, and not as a product
 * (`NHS lanyard`, `my ID card holder`).
 */
const namesPersonalNumber = (part: string): boolean =>
  namedOutsideProduct(PERSONAL_NUMBER, part) ||
  namedOutsideProduct(PAN, part) ||
  namedOutsideProduct(DOCUMENT_NUMBER, part);

/**
 * Sentence ends: a line break, `!`, `?`, `;`, or a dot before a capital (a dot
 * before a small letter may be an abbreviation's: "NHS no. for the order").
 */
const SENTENCE_END = /[!?;\n]|\.[ \t]+(?=\p{Lu})/gu;

/** The clause before `end`: back to the last sentence end, or `reach` characters. */
function clauseBefore(text: string, end: number, reach: number): string {
  const part = text.slice(Math.max(0, end - reach), end);
  let cut = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(part); m; m = SENTENCE_END.exec(part)) cut = m.index + m[0].length;
  return part.slice(cut);
}

/**
 * Whether the number at `[start, end)` is labelled as a product, order or key
 * number, and not also named as a person's in the same clause: "SSN for the
 * payment: …", "Steuer-ID für die Rechnung: …", "passport number for the
 * booking: …" and "… (my NHS number)" name the number as theirs, while
 * "leather passport holder, SKU …" names a product.
 * @param text - the text scanned
 * @param start - where the number starts
 * @param end - where it ends
 * @returns whether a non-identity label ends right before it and no personal-number word names it
 */
export function labelledAsNonIdentity(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - LABEL_REACH);
  const label = NON_IDENTITY_LABEL.exec(text.slice(from, start));
  if (label === null) return false;
  const labelStart = from + label.index;
  const before = clauseBefore(text, labelStart, 64);
  const after = text.slice(end, end + 32).split(SENTENCE_END)[0] as string;
  return !namesPersonalNumber(before) && !namesPersonalNumber(after);
}

/**
 * A bare code: letters and digits, at most grouped by spaces as any long
 * number is (`4829 1037 5612`), without the dashes or dots of an identity layout.
 */
const BARE = /^[A-Za-z0-9 ]+$/;

/**
 * `rule` refusing a bare code (`4829103756`, `AB1234567`, `4829 1037 5612`) labelled as a
 * product, order or key number, after the rule's own check (cheaper). A number
 * printed in an identity layout (`123-45-6789`, `13-19-204817-53`) is reported
 * whatever its label: an order number does not take that shape, and a label
 * must not be a way to post someone's id unnoticed.
 * @param rule - an identity-number rule
 * @returns the same rule with that refusal added to its check
 */
export function refusingNonIdentityLabels(rule: Rule): Rule {
  const own = rule.validate;
  return {
    ...rule,
    validate: (value, text, start) => {
      const verdict = own === undefined ? true : own(value, text, start);
      if (verdict === false || verdict === 0) return verdict;
      return BARE.test(value) && labelledAsNonIdentity(text, start, start + value.length)
        ? 0
        : verdict;
    },
  };
}
