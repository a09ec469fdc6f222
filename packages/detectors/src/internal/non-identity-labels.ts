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
 * an optional number word (`no.`, `nr`, `nº`, `number`, `#`) and separator,
 * ending right where the number starts. A code named as a person's ("national
 * code", "tax code") is not such a label.
 */
const NON_IDENTITY_LABEL =
  /(?:^|[^\p{L}\p{N}])(?:sku|ean|upc|gtin|asin|isbn|mpn|model[lo]?|modèle|modell?nummer|art(?:ikel|icle|ículo|icolo)?|artikel-?nr|artikelnummer|item|listing|ticket|build|version|timestamp|epoch|case|issue|transaction|txn|payment|receipt|quote|booking|reservation|confirmation|shipment|parcel|paket|colis|env[ií]o|spedizione|awb|container|product|produkt|producto|prodotto|produit|part|teil(?:e-?)?nummer|r[eé]f(?:[eé]rence|erencia|erenz)?|order|bestellung|bestell-?nr|bestellnummer|pedido|ordine|commande|invoice|rechnung|factura|fattura|facture|tracking|sendungsnummer|seguimiento|serial|seriennummer|serie|lot|batch|(?<!(?:national|personal|identity|id|tax|fiscal|insurance|health|security|melli) )(?:code|codice|código|cod)|key|schlüssel|clave|chiave|clé)\.?(?:[ \t.-]*(?:no|nr|n[º°o]|num(?:ber|ero|ro)?|id|#))?\.?[ \t]*[:#=-]?[ \t]*$/iu;

/** How far before a number its label is looked for. */
const LABEL_REACH = 40;

/**
 * Whether the number at `start` is labelled as a product, order or key number.
 * @param text - the text scanned
 * @param start - where the number starts
 * @returns whether a non-identity label ends right before it
 */
export function labelledAsNonIdentity(text: string, start: number): boolean {
  return NON_IDENTITY_LABEL.test(text.slice(Math.max(0, start - LABEL_REACH), start));
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
      return BARE.test(value) && labelledAsNonIdentity(text, start) ? 0 : verdict;
    },
  };
}
