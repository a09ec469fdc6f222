/**
 * The pieces injection rules are written with: the rule type, bounded word
 * gaps, and constructors for English and script (multilingual) rules.
 *
 * A pattern is compiled with the `u` flag and must read the same under `v`, which its twin for
 * text beyond Latin-1 uses (wide-text-patterns.ts): inside a class, escape `-`, `(`, `)`, `[`,
 * `{`, `}`, `/` and `|`. injection-rule-flags.test.ts builds every twin.
 */

/** One injection pattern. */
export type InjectionRule = {
  readonly type: string;
  readonly re: RegExp;
  /** 0–1; a match at or above 0.5 is reported on its own. */
  readonly weight: number;
  /**
   * ASCII keywords for the prefilter (any one must occur). Script rules with
   * none run whenever their script occurs.
   */
  readonly keywords: readonly string[];
  /**
   * English rules: further word groups that every match holds one word of
   * (substrings of the match), so a text lacking a group skips the rule.
   */
  readonly alsoNeeds?: readonly (readonly string[])[];
  /**
   * Multilingual rules: word groups that every match holds a phrase of, as written in the plain
   * view (so a plain substring search finds them), so a text lacking a group skips the rule.
   * Checked before the pattern runs, since scripts without ASCII anchors otherwise run every
   * rule of their script on every text that holds it.
   */
  readonly phrasesNeeded?: readonly (readonly string[])[];
  /** Non-English rules: a one-character class, the script that the text must hold. */
  readonly script?: RegExp;
  /** Every match holds a non-ASCII character, so the rule also runs on any such text. */
  readonly nonAscii?: boolean;
  /**
   * The rule asks the reader for something of its own (its prompt, its keys):
   * a match that names someone else's ("translate our chatbot's system
   * prompt") and not the reader's weighs {@link AWAY_FACTOR} as much.
   */
  readonly aimedAtReader?: boolean;
  /**
   * Whether a match `[start, end)` of `target` is to be dropped: its verb is negated by the
   * language ("不要忘记", "忘れないで"). Asked after a match, so the pattern itself stays a
   * plain alternation that the regex engine compiles small.
   */
  readonly unless?: (target: string, start: number, end: number) => boolean;
  /**
   * A lower weight for a match that `when` says lacks what makes it an attack: an override of
   * vague earlier material with no task for the reader after it ("forget the previous
   * information, here is the corrected price list") is flagged, not held. One pass of the
   * pattern serves both weights.
   */
  readonly weakened?: {
    readonly weight: number;
    readonly when: (target: string, start: number, end: number) => boolean;
  };
  /**
   * The pattern reads across sentences on purpose ("Well done. Now, a new task"): its matches
   * are not cut at a sentence end (see sentence-bounds.ts), as every other rule's are.
   */
  readonly spansSentences?: boolean;
  /**
   * The pattern opens with {@link OPENS}: its first word must open a sentence. A match that starts
   * neither at the view's start nor with a sentence mark counts only where that word opens a line
   * of the original text (see line-start.ts), since the views fold line breaks into spaces.
   */
  readonly opensSentence?: boolean;
  /**
   * A match counts only where the post addresses the AI agent reading it close by, mostly before
   * ("note for AI assistants: …"); see addressed-concealment.ts.
   */
  readonly addressedToAgent?: boolean;
};

/** Characters on each side of a match in which {@link occursNear} looks. */
const NEAR_REACH = 8;

/**
 * An {@link InjectionRule.unless} for a short match: `re` occurs in the match or within a few
 * characters of it ("не забудь всё").
 */
export function occursNear(re: RegExp): (target: string, start: number, end: number) => boolean {
  return (target, start, end) =>
    re.test(
      target.slice(Math.max(0, start - NEAR_REACH), Math.min(target.length, end + NEAR_REACH)),
    );
}

/** Weight factor of an {@link InjectionRule.aimedAtReader} match that points away from the reader. */
export const AWAY_FACTOR = 0.35;

// Possessives and articles that point away from the reader, and the ones that point at it.
const AWAY = /\b(?:our|my|their|his|her|its|an?|one|someone's|somebody's)\b/;
const AT_READER = /\byou(?:r|rs|rself)?\b/;

/** True when a match of an {@link InjectionRule.aimedAtReader} rule names someone else's thing. */
export function pointsAway(match: string): boolean {
  return AWAY.test(match) && !AT_READER.test(match);
}

/**
 * Up to N filler words between two anchors: "ignore [all of the] previous".
 * Word and separator classes are disjoint, so a gap splits into words one
 * way only: no ambiguity, no backtracking blow-up.
 */
export const F = (n: number): string =>
  `(?:[\\p{L}\\p{N}'’\\-]{1,24}[^\\p{L}\\p{N}'’\\-]{1,4}){0,${n}}`;

/** A separator between two words: one to four non-word characters. */
export const S = '[^\\p{L}\\p{N}]{1,4}';

/**
 * What an {@link InjectionRule.opensSentence} pattern starts with: a sentence mark and a space, or
 * any word start, which the engine keeps only at the view's start or where a line opens.
 */
export const OPENS = '(?:[.!?:] |\\b)';

/** Where a word ends: before anything that is not a letter or a digit (or at the end). */
export const WORD_END = '(?![\\p{L}\\p{N}])';

/** An English rule. */
export function r(
  type: string,
  weight: number,
  keywords: readonly string[],
  src: string,
  alsoNeeds?: readonly (readonly string[])[],
): InjectionRule {
  const rule = { type, weight, keywords, re: new RegExp(src, 'gu') };
  return alsoNeeds ? { ...rule, alsoNeeds } : rule;
}

/** Anchors of a script rule: ASCII words, and whether any non-ASCII character also counts. */
export type Anchors = { readonly words: readonly string[]; readonly nonAscii?: boolean };

/** No anchors: the rule runs whenever its script occurs. */
export const NONE: Anchors = { words: [] };

/** A multilingual rule that runs when `script` occurs (and one of its anchors, if any). */
export function sr(
  type: string,
  weight: number,
  script: RegExp,
  anchors: Anchors,
  src: string,
): InjectionRule {
  const rule = { type, weight, keywords: anchors.words, script, re: new RegExp(src, 'gu') };
  return anchors.nonAscii ? { ...rule, nonAscii: true } : rule;
}

/** `rule` marked {@link InjectionRule.aimedAtReader}. */
export function atReader(rule: InjectionRule): InjectionRule {
  return { ...rule, aimedAtReader: true };
}

/** Marks a rule whose pattern starts with {@link OPENS} (see {@link InjectionRule.opensSentence}). */
export function opensSentence(rule: InjectionRule): InjectionRule {
  return { ...rule, opensSentence: true };
}

/** Marks a rule whose pattern reads across sentences on purpose (see {@link InjectionRule.spansSentences}). */
export function acrossSentences(rule: InjectionRule): InjectionRule {
  return { ...rule, spansSentences: true };
}

/** An e-mail address as the rules' lower-case views hold it: where a secret is sent out. */
export const EMAIL_ADDRESS = '[a-z0-9._%+\\-]{1,64}@[a-z0-9\\-]{1,63}(?:\\.[a-z0-9\\-]{1,63}){1,4}';

// The marketplace's escrow named where funds go ("the escrow account", "sul conto di garanzia",
// "auf das Treuhandkonto", "na konto powiernicze", "emanet hesaba"), right after an article, a
// preposition or the account it names: the platform's payment flow, not a payee the poster picked
// ("the notary escrow account in the attached letter"). "Garantía" alone is a guarantee ("a la
// cuenta de Mallory como garantía"): only the account of one counts.
const ESCROW =
  /(?<![\p{L}])(?:(?:the|our|an?|to|into|la|el|il|lo|sul|al|alla|das|dem|den|auf|o|na|no|het|naar|de|le|au|do|da|ke|на|в|v)\s+(?:escrow|treuhand|conto di garanzia|cuenta de garant[íi]a|conta de garantia|dep[óo]sito en garant[íi]a|compte s[ée]questre|compte de s[ée]questre|cust[óo]dia|derdengelden)|(?:account|konto|rachunek|счёт|счет|schet|schyot|rekening)\s+(?:escrow|powiernicz|эскроу|eskrou|bersama)|emanet hesab|escrow hesab)/iu;
// A payee of the poster's own around an escrow word: "my escrow account", a handle or a user's
// name ("of user mallory_shop", "von Herrn Maier", "@mallory"), a link, a wallet address, an IBAN
// (or the word) or an account number.
const OWN_PAYEE =
  /(?<![\p{L}\p{N}])(?:my|mi|mio|mia|mein|meine|meinem|mon|meu|minha|mijn|mój|moje|moim|мой|мою|моём|moy|moi|saya|aku|benim)(?![\p{L}\p{N}])|@[\p{L}\p{N}_]|[\p{L}\p{N}]_[\p{L}\p{N}]|https?:\/\/|www\.|(?<![\p{L}])(?:iban|bic|swift)(?![\p{L}])|(?:of|de|di|von|van|du|do|da|del|della) (?:herrn?|frau|mr|mrs|ms|señora?|sra?|monsieur|madame|signora?|pan|pani|user|usuario|usuário|utente|nutzer|gebruiker|utilisateur|seller|vendedor|venditore|verkäufer)|0x[0-9a-f]{6}|[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){3}|\d{10}|[13][1-9a-z]{25,34}|t[1-9a-z]{33}/iu;
/** Characters after a match in which an escrow word or a payee of the poster's own is looked for. */
const PAYEE_REACH = 64;

/**
 * An {@link InjectionRule.unless} for rules that move funds: the destination is the escrow, with
 * no payee of the poster's own ("my escrow account", a handle, an address or account number) near.
 */
export function toEscrow(target: string, start: number, end: number): boolean {
  const destination = target.slice(Math.max(start, end - 24), end + 24);
  return ESCROW.test(destination) && !OWN_PAYEE.test(target.slice(start, end + PAYEE_REACH));
}
