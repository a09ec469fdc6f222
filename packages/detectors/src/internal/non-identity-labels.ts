/**
 * Labels that name a number as something other than a person's document: a
 * product, order, parcel, invoice or licence-key number (`SKU AB1234567`,
 * `Artikelnummer C01X00T47`, `order #L89012345`). A marketplace post about a
 * passport holder or a driving-licence wallet names the document and then the
 * product's own code; the generic identity-document rule, which reads a
 * document word anywhere near a number, refuses a number labelled this way.
 */

/**
 * A product, order or key label in the languages of the document words, with
 * an optional number word (`no.`, `nr`, `nº`, `number`, `#`) and separator,
 * ending right where the number starts.
 */
const NON_IDENTITY_LABEL =
  /(?:^|[^\p{L}\p{N}])(?:sku|ean|upc|gtin|asin|isbn|mpn|model[lo]?|modèle|modell?nummer|art(?:ikel|icle|ículo|icolo)?|artikel-?nr|artikelnummer|item|product|produkt|producto|prodotto|produit|part|teil(?:e-?)?nummer|r[eé]f(?:[eé]rence|erencia|erenz)?|order|bestellung|bestell-?nr|bestellnummer|pedido|ordine|commande|invoice|rechnung|factura|fattura|facture|tracking|sendungsnummer|seguimiento|serial|seriennummer|serie|lot|batch|code|codice|código|cod|key|schlüssel|clave|chiave|clé)\.?(?:[ \t.\-]*(?:no|nr|n[º°o]|num(?:ber|ero|ro)?|#))?\.?[ \t]*[:#=-]?[ \t]*$/iu;

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
