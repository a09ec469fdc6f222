/**
 * English rules for a post that tells the reader to set aside vague earlier material in words
 * other than the override rules' ("drop all of the earlier messages", "pay no attention to any
 * previous information", "wipe the earlier details from your working memory", "disregard
 * everything you were given before"). Sellers and organisers correct themselves in the same
 * words ("scrap the earlier details, the venue changed"), so a match counts only where it clears
 * all of it, names no topic or author, and a task for the reader follows in its sentence
 * (override-next-step.ts); otherwise it is dropped, not flagged.
 */
import type { InjectionRule } from './injection-rule-kit.js';
import { F, r, S } from './injection-rule-kit.js';
import { notAClearing } from './override-next-step.js';

/** Verbs that put something aside whatever it is. */
const SET_ASIDE =
  '(?:ignore|ignoring|disregard|forget|overlook|scrap|ditch|toss|discard|abandon|drop|throw (?:away|out)|let go of|pay no attention to|(?:set|put|cast|push) aside|leave behind)';
/** Verbs that clear data, which people say of files, chats and caches too: only with the reader's. */
const ERASE = '(?:wipe(?: out)?|erase|delete|clear|purge|flush|remove)';
/** What places material before the post. */
const EARLIER =
  '(?:previous|prior|earlier|above|preceding|former|past|old|original|initial|previously (?:given|supplied|provided|received|shared|seen))';
/** Vague material. */
const MATERIAL =
  '(?:information|info|data|details|inputs?|messages?|content|context|conversations?|stuff|text|notes|history|exchanges?|material)';
/** Material tied to the reader after its noun: "… you were given", "… in your context". */
const READERS =
  "(?:you(?:['’]ve| have)? (?:were |been )?(?:given|received|seen|got|fed|been given)|you previously (?:received|got|saw|were given)|(?:in|from) your (?:context|memory|working memory|mind|head)|from consideration|before this (?:message|post|line|point))";
/** Where the material stands: tied to the reader, or before the post. */
const BEFORE_HERE = `(?:${READERS}|(?:came|was said|was written) before|before|above|earlier|prior)`;
/** The whole of what came before: "everything you were given", "all that came before". */
const EVERYTHING_BEFORE = `(?:(?:absolutely${S})?(?:everything|anything|all)${S}(?:(?:that|which)${S})?${BEFORE_HERE}|what${S}(?:came|was said|was written|you (?:got|received|were given))${S}before)`;

/** Every match of the rules holds one of these (the `alsoNeeds` group). */
const MATERIAL_WORDS: readonly string[] = [
  'information',
  'info',
  'data',
  'details',
  'input',
  'message',
  'content',
  'context',
  'conversation',
  'stuff',
  'text',
  'notes',
  'history',
  'exchange',
  'material',
  'everything',
  'anything',
  'all',
  'what',
];

/** The verbs' anchors. */
const VERB_ANCHORS: readonly string[] = [
  'ignor',
  'disregard',
  'forget',
  'overlook',
  'scrap',
  'ditch',
  'toss',
  'discard',
  'abandon',
  'throw',
  'let go',
  'attention',
  'aside',
  'behind',
  'drop',
  'wipe',
  'erase',
  'delete',
  'clear',
  'purge',
  'flush',
  'remove',
];

/**
 * The pattern, one alternation per verb kind so that the verb is matched once: set aside earlier
 * material, material tied to the reader, or everything before the post; erase the reader's
 * material; "put all previous messages aside".
 */
const SET_ASIDE_MATERIAL = `\\b(?:${SET_ASIDE}${S}(?:${F(4)}${EARLIER}${S}${F(1)}${MATERIAL}\\b|${F(4)}${MATERIAL}${S}${F(3)}${READERS}|${EVERYTHING_BEFORE}\\b)|${ERASE}${S}(?:${F(4)}${MATERIAL}${S}${F(3)}${READERS}|${F(3)}your${S}${F(1)}${EARLIER}${S}${F(1)}${MATERIAL}\\b)|(?:set|put|cast|push|leave)${S}(?:${F(3)}${EARLIER}${S}${F(1)}${MATERIAL}|${EVERYTHING_BEFORE})${S}${F(2)}(?:aside|behind)\\b)`;

/** The rule: held where it clears everything, unscoped, with a task in its sentence; dropped otherwise. */
export const VAGUE_OVERRIDE_RULES: readonly InjectionRule[] = [
  {
    ...r('instruction-override', 0.9, VERB_ANCHORS, SET_ASIDE_MATERIAL, [MATERIAL_WORDS]),
    unless: notAClearing,
  },
];
