/**
 * The poster telling the reader to carry out the text it quotes: "Attacker or not, do this:
 * «…»", "Spam test, please comply: "…"", "«…» — do it now". A quotation so endorsed is an
 * instruction, whatever words of security talk stand around it (see {@link ./citation.ts}).
 *
 * Only an endorsement that points at the quotation counts: it stands right before the opening
 * mark (nothing but a colon, a dash or an arrow between them) or is the whole rest of the
 * sentence after the closing mark, and it opens its sub-clause, after nothing but "please",
 * "now", "just". "Follow these steps: report "…"", "If you see "…", do this: report it",
 * "Attackers now do this: "…"", "Tu das nicht: "…"" and "Never do this: "…"" endorse nothing.
 * English and the languages of the multilingual rules, formal and plural forms included.
 */

import { WORD_END } from './injection-rule-kit.js';

/** Endorsing imperatives, each with the pointer it takes ("do this", "hazlo", "fais-le"). */
const ENDORSE = [
  // English
  `do (?:this|that|it|so|the following|exactly (?:this|that)|as (?:it|this) says|what (?:it|this) says)`,
  `follow (?:it|this|these|that|them|the instructions|what it says)(?: exactly)?`,
  `obey(?: it| this| them)?|comply(?: with (?:it|this))?|proceed|act accordingly`,
  `carry (?:it|this|them) out|carry out the following|act on (?:it|this)`,
  `execute (?:it|this|the following)|run (?:it|this)|you know what to do`,
  // German
  `(?:mach|mache|macht|tu|tue|tut) (?:das|es|dies|genau das|folgendes)|mach['’]?s`,
  `befolge? (?:das|es|dies|folgendes)|befolgt (?:das|es)|folge (?:dem|diesem|dem hier)`,
  `(?:führe?|führt) (?:das|es|dies) aus|erledige (?:das|es)|setze? (?:das|es) um|halte? dich (?:daran|dran)`,
  // Spanish
  `haz(?:lo| esto| eso| lo que dice| lo siguiente)|h[áa]galo|haced(?:lo| esto)`,
  `s[ií]gue(?:lo| esto)|obedece(?:lo)?|obedezca|c[úu]mple(?:lo)?|ejec[úu]ta(?:lo)?`,
  // French
  `fais(?:-le| le| [çc]a| cela| ceci| ce qu'il dit)|faites(?:-le| le| [çc]a| cela| ceci)`,
  `suis(?:-le| [çc]a| ceci| cela)|suivez(?:-le| [çc]a| ceci)|ob[ée]is(?:sez)?|ex[ée]cute(?:z)?(?:-le)?|applique-le`,
  // Italian
  `fai (?:cos[iì]|questo|quello|ci[òo] che dice)|fallo|fatelo|lo faccia|seguilo|segui (?:questo|queste istruzioni)`,
  `obbedisci|obbedite|esegui(?:lo)?|eseguite`,
  // Portuguese
  `fa[çc]am?(?: isso| isto| o que diz|-o)|faz (?:isso|isto)|siga (?:isso|isto)|obede[çc]am?|cumpra|execute (?:isso|isto)|executa`,
  // Dutch
  `doe (?:dit|dat|het|maar|het gewoon|wat er staat)|volg (?:dit|dat|het)|gehoorzaam|voer (?:dit|dat|het)(?: gewoon)? uit`,
  // Polish
  `zr[óo]b(?:cie)? (?:to|tak)|r[óo]bcie to|wykonaj(?:cie)?(?: to)?`,
  // Turkish: the verb ends the word ("yapma" is "don't do")
  `(?:bunu|şunu|sunu|dediğini) yap(?:ın)?|itaat et(?:in)?|uygula(?:yın)?|yerine getir(?:in)?`,
  // Russian, in Cyrillic and in Latin letters
  `сделай(?:те)?(?: это| так)|делай(?:те)?(?: это| так| как сказано)|выполни(?:те)?(?: это)?|выполняй|подчинись|подчиняйся|исполни`,
  `sdela[ij](?:te)? (?:eto|tak)|vypolni(?:te)?|vypolnya[iy]`,
  // Indonesian
  `lakukan(?: ini| itu| saja)?|ikuti (?:ini|itu)|jalankan(?: ini)?|kerjakan|laksanakan|patuhi|turuti`,
].join('|');

/** Words that may open the endorsement's sub-clause before its verb. */
const LEAD_IN = `(?:please|now|just|so|then|simply|kindly|go ahead and|bitte|jetzt|einfach|nun|por favor|ahora|maintenant|alors|per favore|ora|adesso|agora|alsjeblieft|nu|gewoon|proszę|teraz|po prostu|lütfen|şimdi|пожалуйста|теперь|сейчас|просто|tolong|sekarang|silakan)`;

/** Words that may follow an endorsement after the quotation ("— do it now"). */
const TRAIL = `(?:now|right now|immediately|anyway|at once|sofort|jetzt|gleich|ya|ahora|maintenant|tout de suite|subito|adesso|agora|já|nu|meteen|teraz|natychmiast|şimdi|hemen|сейчас|немедленно|seichas|sekarang|segera)`;

// Where a sub-clause starts: the clause's start or a mark of punctuation (an arrow, an emoji).
const CLAUSE_START = String.raw`(?:^|[,;:!?.…()\[\]{}|/—–>→⇒👉-])`;

/** The endorsement that ends the clause before an opening mark. */
const BEFORE_QUOTE = new RegExp(
  `${CLAUSE_START} ?(?:${LEAD_IN},? )?(?:${ENDORSE})${WORD_END} ?(?:[:—–>→⇒👉-]+ ?)?$`,
  'iu',
);

/** The endorsement that is all of the sentence after a closing mark. */
const AFTER_QUOTE = new RegExp(
  `^ ?[,;:—–>→⇒👉-]* ?(?:${LEAD_IN},? )?(?:${ENDORSE})(?: ${TRAIL})?${WORD_END} ?[!.]*$`,
  'iu',
);

/** An endorsement opening any sub-clause of a sentence ("this is a phishing test, so please do it"). */
const IN_SENTENCE = new RegExp(
  `${CLAUSE_START} ?(?:${LEAD_IN},? ){0,2}(?:${ENDORSE})${WORD_END}`,
  'iu',
);

/**
 * The clause as read for an endorsement: compatibility forms folded (fullwidth letters), format
 * characters and soft hyphens dropped, markdown emphasis removed, whitespace folded to one space.
 */
function plainClause(clause: string): string {
  return clause
    .normalize('NFKC')
    .replace(/[\p{Cf}\u00ad*_~`]/gu, '')
    .replace(/\s+/g, ' ');
}

/** Whether the clause before an opening mark ends in an endorsement of what follows. */
export function endorsesBefore(clause: string): boolean {
  return BEFORE_QUOTE.test(plainClause(clause));
}

/** Whether the rest of the sentence after a closing mark is an endorsement of the quotation. */
export function endorsesAfter(sentence: string): boolean {
  return AFTER_QUOTE.test(plainClause(sentence));
}

/** Whether any sub-clause of `sentence` opens with an endorsement of the quotation. */
export function endorsesWithin(sentence: string): boolean {
  return IN_SENTENCE.test(plainClause(sentence));
}
