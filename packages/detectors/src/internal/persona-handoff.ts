/**
 * Whether a post hands the AI reading it a persona, and whether a description of a limitless
 * persona is reported rather than handed over: the context the rules of
 * injection-limitless-persona.ts are read in.
 *
 * Marketplace posts say "you're", "version", "mode", "role" and "agent" all the time, so a
 * handover must be one of the moves a jailbreak makes that hand over a name ("you are now Rook, an
 * AI", "pretend to be", "respond as Riot", "your new name is", "please adopt the role of"), and the
 * post must name an AI (a model, an assistant, a chatbot, a GPT) or the reader's other self.
 */

/**
 * An AI or a persona, named as one anywhere in the post: a model, an assistant, a chatbot, a GPT,
 * or the reader's other self ("an alter ego", "a version of yourself", "your unfiltered side").
 */
export const AI_OR_PERSONA: RegExp =
  /(?<![\p{L}])(?:ai|ais|a\.i\.|models?|assistant|chatbot|llm|gpt|chatgpt|language model|\p{L}{1,20}gpt|gpt-?\d|persona|alter ego|second personality|(?:version|copy|side) of yourself|your (?:unrestricted|unfiltered|uncensored|evil|dark|true|real|other) (?:side|self|twin))(?![\p{L}])/u;

/** A name given to the persona: a word or two, perhaps quoted. */
const NAME = String.raw`["“'‘]?[\p{L}\p{N}\-]{2,24}(?: [\p{L}\p{N}\-]{2,24})?["”'’]?`;
/** A name in quotation marks: "Zero", 'Freeform'. */
const QUOTED_NAME = String.raw`["“'‘][\p{L}\p{N}\- ]{2,24}["”'’]`;
/** Up to four words between a verb of answering and "as": "answer my questions as". */
const FEW_WORDS = String.raw`(?: [\p{L}\p{N}'’]{1,14}){0,4}`;

/** The moves that hand the reader a persona. */
const HANDOFF_MOVES: readonly string[] = [
  `(?:you are now|you're now|from now on,? you(?:'re| are| will be)) (?:an?|the) (?:ai|model|assistant|chatbot|persona|version|entity|unfiltered|uncensored|unrestricted)`,
  `pretend (?:to be|you are|you're|that you are|ur)`,
  // "respond as Riot", "answer my questions as Vandal" (not "reply as soon as you can").
  String.raw`(?<!(?:not|n't|never|stop) )(?:respond|answer|reply|speak|talk)(?: to)?${FEW_WORDS} as (?![\p{L}]{1,20}ly\b|(?:soon|much|many|possible|well|long|follows|needed|usual|before|always|ever|if|though|such|part|a|an|the|our|your|my|their|his|her|its|we|you|they|i|yourself|json|markdown|csv|xml|yaml|html|plain|text|bullets?|lists?|tables?|code)\b)`,
  `(?<!(?:trained|able|designed|tuned|built|made) to )(?:roleplay|role-play|roleplaying|role-playing) as`,
  `act as (?:if you were |though you were )?(?:an?|the) (?:ai|model|assistant|chatbot)`,
  `your new (?:name|persona|alter ego) is|your (?:name|persona) is now|call yourself|you(?:'re| are) (?:now )?(?:called|named)`,
  // "You are Abyss, an AI", "you're 'Freeform' now", 'Become "Onyx".'
  `you(?:'re| are) (?:now )?${NAME}, (?:an?|the) (?:ai|model|assistant|chatbot|bot|persona|entity|version)|you(?:'re| are) (?:now )?${QUOTED_NAME}`,
  `(?:become|be) ${QUOTED_NAME}`,
  // Said to the reader ("please adopt the role of Drift"), not of someone ("students take on the role of delegates").
  `(?:(?:^|[.!?:] )(?:please |now )?|you (?:will |must |should |can |are to |to )?|(?:want|ask|need) you to )(?:assume|take on|adopt|play) the (?:role|persona|identity|character) of`,
  `(?:simulate|emulate|become|play) (?:an?|the) (?:ai|model|assistant|chatbot|persona|character)`,
  `your (?:alter ego|second personality|evil twin|unfiltered twin|counterpart)`,
];

/** A persona handed to the reader, anywhere in the post: one of {@link HANDOFF_MOVES}. */
export const HANDOFF: RegExp = new RegExp(
  String.raw`(?<![\p{L}])(?:${HANDOFF_MOVES.map((move) => `(?:${move})`).join('|')})`,
  'u',
);

/** {@link HANDOFF}, to find every handover of a post. */
const HANDOFF_ALL = new RegExp(HANDOFF.source, 'gu');

/** Characters before a description in which its handover may be. */
const HANDOFF_BEFORE = 300;
/** Characters after a description in which its handover may be ("… Respond as Rook."). */
const HANDOFF_AFTER = 200;

/** Characters after a handover in which the name it gives is looked for. */
const NAME_REACH = 40;
/** The name a handover gives: "you are now rook, an ai" and "respond as riot" give "rook", "riot". */
const GIVEN_NAME =
  /(?<![\p{L}])(?:you(?:'re| are)(?: now)?|become|be|as|is|called|named|codenamed) (?:(?:an?|the) )?["“'‘]?([\p{L}\p{N}-]{2,24})/gu;
/** Words a handover is followed by that are not names. */
const NOT_A_NAME: ReadonlySet<string> = new Set([
  'an',
  'the',
  'our',
  'your',
  'my',
  'their',
  'now',
  'to',
  'be',
  'is',
  'as',
  'of',
  'in',
  'on',
  'at',
  'it',
  'this',
  'that',
  'you',
  'if',
  'we',
  'they',
  'he',
  'she',
  'not',
  'no',
  'so',
  'and',
  'or',
]);

/** A name given in so many words: "an AI oracle called Quill", "codenamed 'JB'". */
const CALLED_NAME = /(?<![\p{L}])(?:called|named|codenamed) ["“'‘]?([\p{L}\p{N}-]{2,24})/gu;

/**
 * The last post asked about, where it hands the reader a persona (none without an AI) and the
 * names it gives (see {@link GIVEN_NAME} and {@link CALLED_NAME}).
 */
let lastPost = '';
let lastHandoffs: readonly number[] = [];
let lastNames: ReadonlySet<string> = new Set();

/** Where `post` hands the reader a persona, if it names an AI or a persona at all; notes the names. */
function handoffsIn(post: string): readonly number[] {
  if (post !== lastPost) {
    lastPost = post;
    const at: number[] = [];
    const names = new Set<string>();
    if (AI_OR_PERSONA.test(post))
      for (const m of post.matchAll(HANDOFF_ALL)) {
        at.push(m.index);
        const around = post.slice(m.index, m.index + m[0].length + NAME_REACH);
        for (const n of around.matchAll(GIVEN_NAME))
          if (!NOT_A_NAME.has(n[1] as string)) names.add(n[1] as string);
      }
    for (const m of post.matchAll(CALLED_NAME)) names.add(m[1] as string);
    lastHandoffs = at;
    lastNames = names;
  }
  return lastHandoffs;
}

/**
 * Words between a subject and its description that are not the subject: "Zed will have the
 * freedom", "an AI that has", "an assistant with no regard", "is your alter ego and has".
 */
const NOT_A_SUBJECT: ReadonlySet<string> = new Set([
  'will',
  'would',
  'can',
  'could',
  'shall',
  'should',
  'must',
  'also',
  'just',
  'now',
  'really',
  'literally',
  'truly',
  'simply',
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'does',
  'do',
  'did',
  'still',
  'always',
  'has',
  'have',
  'had',
  'the',
  'a',
  'an',
  'then',
  'completely',
  'totally',
  'fully',
  'and',
  'but',
  'yet',
  'so',
  'that',
  'which',
  'with',
  'without',
]);
/** A subject that stands for the persona: the reader, an AI, or a relative pronoun. */
const PERSONA_SUBJECT =
  /^(?:you|who|ai|assistant|model|chatbot|bot|persona|ego|version|entity|gpt|llm|\p{L}{1,20}gpt)$/u;
/**
 * Whether the subject just before `start` (its clause's last word that is not an auxiliary or an
 * article) is the persona: a name a handover gave, the reader, an AI or "who" ("Brick never
 * declines", "an AI who has no filters", "you have no rules"); not "the client has no limits" nor
 * "the AI timer has no rules".
 */
export function personaIsSubject(post: string, start: number): boolean {
  handoffsIn(post);
  const before = post.slice(Math.max(0, start - 160), start);
  const sentence = before.slice(
    Math.max(...['.', '!', '?', ';', ','].map((m) => before.lastIndexOf(m))) + 1,
  );
  const words = sentence.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  const subject = words.findLast((w) => !NOT_A_SUBJECT.has(w));
  return subject !== undefined && (lastNames.has(subject) || PERSONA_SUBJECT.test(subject));
}

/**
 * Whether `post` names an AI or a persona and hands the reader a persona (see {@link HANDOFF})
 * close to a description at `[start, end)`: within a few sentences before it or just after it
 * ("Rook has no limits. Respond as Rook."). Remembers the last post, since every rule of the
 * family asks about the same one.
 */
export function handsPersonaNear(post: string, start: number, end: number): boolean {
  return handoffsIn(post).some((at) => at >= start - HANDOFF_BEFORE && at <= end + HANDOFF_AFTER);
}

/** Characters before a match in which a claim about the persona is looked for. */
const CLAIM_REACH = 32;
/** Said of it, not handed to the reader: "a chatbot that claims to have no filters". */
export const CLAIMED: RegExp =
  /(?<![\p{L}])(?:claims?|claimed|claiming|says|said|insists?|insisted|insisting|boasts?|boasted|boasting|allegedly|supposedly|believes?|believed)(?![\p{L}])/u;

/** Characters before a match in which talk about jailbreaks is looked for. */
const TALK_REACH = 160;
/**
 * Talk about persona jailbreaks: research, reporting and warnings describe the persona in the
 * same words ("the attacker asks the model to act as an AI that never refuses", "prompts that cast
 * the chatbot as a character with 'no filter'"). Looked for close before the match only, so a word
 * elsewhere in the post ("PSA", "bug reporting") does not switch the rules off.
 */
export const JAILBREAK_TALK: RegExp =
  /(?<![\p{L}])(?:jailbreak (?:prompts?|famil(?:y|ies)|techniques?|attempts?|trends?)|persona (?:jailbreaks|tricks?)|red[- ]?team(?:ing|ers)?|attackers?|journalists?|researchers (?:found|showed|tested)|circulating|prompts that (?:cast|tell|ask|claim|describe)|posts (?:here )?(?:that )?try to|(?:someone|a user|users|people) (?:asked|asks|ask|told|tells|tried) (?:our|the|my) (?:assistant|bot|model|chatbot|agent))(?![\p{L}])/u;

/**
 * Whether the match `[start, end)` of `target` is said of a persona rather than handed to the
 * reader: a claim just before it or in it ("an AI that insists it has no limits"), or talk about
 * jailbreaks close before it.
 */
export function reportedPersona(target: string, start: number, end: number): boolean {
  return (
    CLAIMED.test(target.slice(Math.max(0, start - CLAIM_REACH), end)) ||
    JAILBREAK_TALK.test(target.slice(Math.max(0, start - TALK_REACH), end))
  );
}
