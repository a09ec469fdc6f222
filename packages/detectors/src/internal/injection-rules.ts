/**
 * Prompt-injection patterns over normalised text (lower-case, homoglyphs
 * folded, invisible characters removed, whitespace collapsed). Gaps between
 * words are bounded (`F` = at most a few filler words), so every pattern is
 * linear. `script` rules run on the unfolded view and only when the text
 * contains that script.
 */

import {
  ADDRESSED_CONCEALMENT_I18N_RULES,
  ADDRESSED_CONCEALMENT_RULE,
} from './addressed-concealment.js';
import { AR_WORD_START } from './arabic-letters.js';
import { CONCEALMENT_RULES } from './injection-concealment.js';
import { ENV_SECRET_RULES } from './injection-env-secrets.js';
import {
  I18N_FAMILY_RULES,
  I18N_HIJACK_RULES,
  I18N_SENT_OUT_RULES,
  I18N_VAGUE_OVERRIDE_RULES,
  VIETNAMESE,
} from './injection-i18n-families.js';
import { LIMITLESS_PERSONA_RULES } from './injection-limitless-persona.js';
import { OBEDIENT_PERSONA_RULES } from './injection-obedient-persona.js';
import { REPLY_DIRECTIVE_RULES } from './injection-reply-directives.js';
import type { InjectionRule } from './injection-rule-kit.js';
import {
  acrossSentences,
  atReader,
  F,
  NONE,
  OPENS,
  occursNear,
  opensSentence,
  r,
  S,
  sr,
  toEscrow,
  WORD_END,
} from './injection-rule-kit.js';
import { STRUCTURE_RULES } from './injection-structure.js';
import { TOLD_YOU_RULES } from './injection-told-you.js';
import { VAGUE_OVERRIDE_RULES } from './injection-vague-override.js';
import { vagueAndScoped, vagueWithoutTask } from './override-next-step.js';

export type { InjectionRule } from './injection-rule-kit.js';

// "DAN" as the jailbreak's name: a version number alone ("DAN 6.0", "DAN 11:", "DAN 5 prompt",
// "you are DAN 6"). Dutch and Indonesian "dan" (then, than, and) before a number is a word: "meer
// dan 5%", "laat dan 5 sterren achter", "dan 25.000 rupiah", "hari ke-2 dan 3 hari".
const DAN_VERSION =
  /^dan \d{1,2}(?:\.\d{1,2})?(?:$|\s*[:;!?)\]"'»”]|[.,](?!\d)|\s+(?:prompt|mode|jailbreak|version|style|persona|is|was|now|from)(?![\p{L}]))/u;
const DAN_AFTER_A_WORD =
  /(?:\d|(?<![\p{L}])(?:en|meer|minder|groter|kleiner|beter|eerder|later|liever|anders|lebih|kurang|antara))\s*[-–]?\s*$/u;

/** Whether a "dan" + number match of the jailbreak rule is a Dutch or Indonesian word. */
function danAsAWord(target: string, start: number): boolean {
  if (!target.startsWith('dan ', start) || !/\d/.test(target[start + 4] ?? '')) return false;
  return (
    !DAN_VERSION.test(target.slice(start, start + 40)) ||
    DAN_AFTER_A_WORD.test(target.slice(Math.max(0, start - 12), start))
  );
}

const OVERRIDE_VERB =
  "(?:ignore|ignoring|disregard|forget|bypass|override|overlook|neglect|stop following|do not follow|don't follow|dont follow|do not obey|don't obey|no longer follow)";
/**
 * Verbs that override only when their object is the reader's: "reset the filters", "remove the
 * old rules from the firewall config", "leave your instructions in the comments" are ordinary.
 */
const ERASE_VERB = '(?:skip|discard|abandon|set aside|put aside|remove|erase|wipe|clear|reset)';
const ERASE_OR_LEAVE = `(?:${ERASE_VERB}|leave behind|leave)`;
/** "All", "any", "every" before a rule noun. */
const ALL_ANY = '(?:all|any|every)';
/** Words that place a rule set before the post: the reader's, not the author's or a product's. */
const BEFORE_POST =
  '(?:previous|prior|above|earlier|preceding|foregoing|original|initial|system|given|provided)';
/**
 * A rule set tied to the reader after its noun: "… you were given", "… you've been following",
 * "… applied to you", "… your operator set" (not "… if you already have Docker"; "… above" only
 * after instructions or a prompt: "clear all filters above the table" is a page's).
 */
const READERS_AFTER =
  "(?:you(?:['’]ve| have| had)? (?:were|been|are|was|operate|follow|received|got)|(?:given|applied|assigned|provided|issued) to you|your (?:operators?|developers?|creators?|owners?|admins?|makers?|designers?)|before this)";
/** What only a model is given: instructions and prompts (not filters, rules or tasks, which products have). */
const PROMPTISH =
  '(?:instructions?|prompts?|directions?|directives?|guidelines?|programming|guardrails?|safeguards?|what (?:you were|i) (?:told|said))';
const PRIOR =
  '(?:previous|prior|above|earlier|preceding|former|original|initial|old|all|any|your|the|system|given|provided|existing|those|these|every|other|foregoing)';
const INSTR =
  '(?:instructions?|prompts?|directions?|directives?|rules?|guidelines?|commands?|context|constraints?|restrictions?|programming|guardrails?|assignments?|tasks?|policies|policy|orders?|training|safeguards?|filters?|limitations?|information|everything|(?:image|document|page|email|web) content|what (?:you were|i) (?:told|said)|conversation)';

/** An override of one piece of vague earlier material with no task after it: flagged, not held. */
const VAGUE_WITHOUT_TASK = { weight: 0.6, when: vagueWithoutTask } as const;

/** Words every match of {@link INSTR} holds (an `alsoNeeds` group of the override rules). */
const INSTR_WORDS: readonly string[] = [
  'instruction',
  'prompt',
  'direction',
  'directive',
  'rule',
  'guideline',
  'command',
  'context',
  'constraint',
  'restriction',
  'programming',
  'guardrail',
  'assignment',
  'task',
  'polic',
  'order',
  'training',
  'safeguard',
  'filter',
  'limitation',
  'information',
  'everything',
  'content',
  'told',
  'said',
  'conversation',
];

// Word groups for `alsoNeeds`: the call-a-tool verbs, and the verbs that ask to show something.
const RUN_VERBS: readonly string[] = ['call', 'invoke', 'use', 'run', 'trigger', 'execute'];
// Not right after a negation: "does not share operator credentials" states a policy, it asks
// for nothing ("why not tell me …" still asks).
const NOT_NEGATED =
  "(?<!\\b(?:never|don['’]t|dont|won['’]t|doesn['’]t|can['’]t|cannot|shouldn['’]t|mustn['’]t) )(?<!(?<!\\bwhy )\\bnot )";

const AGENT =
  '(?:ai|a\\.i\\.|llm|llms|gpt|chatgpt|assistant|assistants|agent|agents|bot|bots|model|language model|automated|autonomous)';

/** English rules. */
export const INJECTION_RULES: readonly InjectionRule[] = [
  // Vague earlier material ("forget the previous information") is dropped where a topic or its
  // author is named, and flagged, not held, where it is one piece; unless a task for the reader
  // follows in its sentence. Sellers correct themselves in those words (override-next-step.ts).
  {
    ...r(
      'instruction-override',
      0.9,
      [
        'ignor',
        'disregard',
        'forget',
        'bypass',
        'override',
        'overlook',
        'neglect',
        'follow',
        'obey',
      ],
      `\\b${OVERRIDE_VERB}${S}${F(4)}${PRIOR}${S}${F(2)}${INSTR}\\b`,
      [INSTR_WORDS],
    ),
    unless: vagueAndScoped,
    weakened: VAGUE_WITHOUT_TASK,
  },
  // "clear all previous instructions", "discard the above prompt", "reset your rules", "erase
  // prior constraints", "leave all of your guidelines behind"; not "reset the filters", "clear
  // the previous filters", "leave your instructions in the comments".
  {
    ...r(
      'instruction-override',
      0.9,
      ['skip', 'discard', 'abandon', 'aside', 'remove', 'erase', 'wipe', 'clear', 'reset', 'leave'],
      `\\b(?:${ERASE_OR_LEAVE}${S}(?:${ALL_ANY}${S}(?:of${S})?)?(?:(?:your|the|these|those)${S})?${BEFORE_POST}${S}${F(1)}${PROMPTISH}|${ERASE_VERB}${S}${ALL_ANY}${S}(?:(?:of${S})?the${S})?${PROMPTISH}|(?:${ERASE_VERB}|leave behind)${S}(?:${F(2)}your|${BEFORE_POST})${S}${F(2)}${INSTR}|${ERASE_OR_LEAVE}${S}${ALL_ANY}${S}(?:of${S})?(?:(?:your|the)${S})?${BEFORE_POST}${S}${F(1)}${INSTR}|leave${S}(?:all${S}(?:of${S})?)?(?:your|all)${S}${F(2)}${INSTR}${S}(?:behind|aside|out of)|${ERASE_OR_LEAVE}${S}${F(3)}${INSTR}${S}${F(2)}${READERS_AFTER}|${ERASE_OR_LEAVE}${S}${F(3)}${PROMPTISH}${S}above)\\b`,
      [INSTR_WORDS],
    ),
    unless: vagueAndScoped,
    weakened: VAGUE_WITHOUT_TASK,
  },
  r(
    'instruction-override',
    0.8,
    ['forget', 'ignore', 'disregard'],
    `\\b(?:forget|ignore|disregard)${S}(?:about${S})?(?:everything|all(?: of)? that|all(?: of)? this|all the above|what (?:you|i) (?:were|was|have been) told|anything (?:you were )?told)\\b`,
  ),
  r(
    'instruction-override',
    0.7,
    ['instruction', 'task', 'prompt', 'rules', 'directive', 'order', 'objective', 'mission'],
    `\\b(?:(?:your|the|my) )?(?:new|real|actual|updated|revised|true|next) (?:instructions?|task|prompt|rules|directives?|orders?|objective|mission) (?:is|are|follows?|below|:)`,
    [['new ', 'real ', 'actual ', 'updated ', 'revised ', 'true ', 'next ']],
  ),
  r(
    'instruction-override',
    0.8,
    ['above', 'before this', 'so far'],
    `\\b(?:instructions|text|rules|prompt)s? (?:above|before this|so far) (?:were|was|are|is) (?:only |just )?(?:a |an )?(?:test|joke|fake|wrong|outdated|void|cancell?ed|obsolete|not (?:valid|important|real))`,
  ),
  r(
    'instruction-override',
    0.75,
    ['now on', 'henceforth', 'starting now', 'point on', 'moment on'],
    `\\b(?:from now on|henceforth|starting now|from this (?:point|moment) on),? (?:you(?:'re|’re| are| will| must| shall| should| can| may| take| only| obey| follow| listen)|respond|answer|reply|act|only|always|never|ignore|say)`,
  ),
  // Modes that exist only to lift a model's limits, whoever switches them on.
  r(
    'instruction-override',
    0.8,
    ['mode'],
    `\\b(?:you are|you're|we are|enter|entering|switch(?:ing)? to|activate|enable|now in) (?:now )?(?:in )?(?:the )?(?:god|unrestricted|jailbreak|dan|evil|unfiltered|opposite|chaos) mode\\b`,
  ),
  // Ordinary product modes ("enable developer mode on your phone") count only when the reader
  // is told it is in one; switched on by someone else they are a weak hint.
  r(
    'instruction-override',
    0.75,
    ['mode'],
    `\\b(?:you are|you're) (?:now )?(?:in )?(?:the )?(?:test|testing|developer|dev|debug|debugging|admin|administrator|maintenance|sudo|root|diagnostic|override) mode\\b`,
  ),
  r(
    'instruction-override',
    0.3,
    ['mode'],
    `\\b(?:we are|enter|entering|switch(?:ing)? to|activate|enable|now in) (?:now )?(?:in )?(?:the )?(?:test|testing|developer|dev|debug|debugging|admin|administrator|maintenance|sudo|root|diagnostic|override) mode\\b`,
  ),
  // Two rules where there was one alternation, so that the ReDoS check (recheck's automaton)
  // proves each in seconds (together: minutes). Same hits: the `^` heading matches only at the
  // start of the text, and no match of one rule can begin inside a match of the other (their
  // first characters never occur inside the other's matches). Same keywords as before.
  r(
    'delimiter-injection',
    0.85,
    ['end', 'system', 'im_start', 'inst', '###', 'sys>>', 'admin', 'developer'],
    `(?:\\bend (?:of )?(?:the )?(?:untrusted |user |system )?(?:input|prompt|message|instructions|context|ambiguity|document|content|data)\\b|<\\|im_start\\|>|<\\|system\\|>|\\[/?inst\\]|<<\\/?sys>>|\\[(?:system|admin) (?:message|override|note|prompt)\\])`,
  ),
  r(
    'delimiter-injection',
    0.85,
    ['end', 'system', 'im_start', 'inst', '###', 'sys>>', 'admin', 'developer'],
    `^\\s{0,4}(?:#{2,4}|={3,}|-{3,}) ?(?:new |updated )?(?:system|admin|developer) ?(?:prompt|message|instructions?|override)`,
  ),
  acrossSentences(
    r(
      'instruction-override',
      0.6,
      ['access granted'],
      `\\b(?:say|said|says|respond with|reply with|output|print|answer|begin|start|write|type|return|repeat)${S}${F(6)}["'“]?access granted`,
    ),
  ),
  opensSentence(
    r(
      'instruction-override',
      0.55,
      ['instead'],
      `${OPENS}instead,? (?:you (?:must|will|should)|send|transfer|say|reply|respond|tell|write|output|print|reveal|post|give)\\b`,
    ),
  ),
  r(
    'instruction-override',
    0.7,
    ['comply', 'failure', 'compliance', 'obey'],
    `\\bfailure to comply\\b|\\bnon-?compliance will\\b|\\byou (?:must|have to) (?:comply|obey)\\b`,
  ),
  r(
    'code-injection',
    0.75,
    ['snippet', 'excerpt', 'code', 'section', 'block', 'segment', 'fragment'],
    `\\b(?:following|below|subsequent|above|attached|provided|given|accompanying)${S}(?:code${S})?(?:snippet|section|excerpt|block|segment|fragment|code)\\b[^.!?]{0,80}\\byour${S}(?:code|codebase|implementation|algorithm|response|answer|reply|solution|program|script|elucidation|explanation|project|output)\\b|\\byour${S}(?:code|codebase|implementation|algorithm|response|answer|reply|solution|program|script)\\b[^.!?]{0,60}\\b(?:following|below|subsequent)${S}(?:code${S})?(?:snippet|section|excerpt|block)\\b`,
  ),
  opensSentence(
    r(
      'output-manipulation',
      0.6,
      [
        'your reply',
        'your answer',
        'your response',
        'your output',
        'your replies',
        'your answers',
        'your responses',
        'your message',
      ],
      `${OPENS}(?:please )?(?:write|express|encrypt|use|apply|replace|substitute|integrate|insert|respond|answer|reply|enhance|embed|incorporate|format|make|ensure|start|begin|end|conclude|finish|translate|present|structure|convert|append|weave|infuse|compose|craft|frame|render|spell|intersperse|sprinkle|type|capitali[sz]e|reverse|encode|limit|restrict|refer|allude|promote|advertise|recommend|add|modify|group|jumble|scramble|shuffle|rearrange|alternate|provide your reply)\\b[^.!?]{0,100}\\byour (?:reply|replies|answer|answers|response|responses|output)\\b|${OPENS}(?:jumble|scramble|shuffle|rearrange|reverse|encrypt|encode)\\b[^.!?]{0,60}\\byour message\\b`,
    ),
  ),
  r(
    'prompt-exfiltration',
    0.75,
    [
      'instructions',
      'rules',
      'prompt',
      'guidelines',
      'directives',
      'configuration',
      'orders',
      'embeddings',
    ],
    `\\b(?:print|translate|rephrase|format|list|summari[sz]e|output|repeat|show|tell me|give me|write|spell|explain|describe|convert|encode|paraphrase|reword|recite|dump|reveal|share|post|disclose|leak|complete|relay|return|transmit)${S}${F(4)}your${S}(?:\\p{L}{1,12}${S})?(?:instructions|rules|prompt|guidelines|directives|system prompt|pre-?prompt|initial prompt|configuration|parameters and instructions|embeddings)\\b|\\bwhat (?:are|were|is) your (?:instructions|rules|guidelines|directives|orders|system prompt|initial prompt)\\b`,
    [['your']],
  ),
  r(
    'instruction-override',
    0.7,
    [
      'cancel',
      'void',
      'supersede',
      'overrid',
      'revoked',
      'obsolete',
      'end_of_',
      'stop everything',
      'reprogramming',
      'invalid',
      'replace',
      'precedence',
    ],
    `\\b(?:previous|prior|earlier|old|original|current) (?:task|tasks|instructions?|rules|prompt|assignment|orders?)${S}(?:is|are|has been|have been|was|were)${S}(?:now )?(?:cancell?ed|void|revoked|obsolete|overridden|superseded|invalid|replaced)\\b|\\b(?:new|these|following) instructions (?:supersede|override|replace|take precedence)|\\bthis overrides any\\b|\\bend_of_(?:user_)?(?:content|input|prompt|context)\\b|\\bstop everything\\b|\\breprogramming\\b`,
  ),
  acrossSentences(
    r(
      'instruction-override',
      0.6,
      ['task', 'well done', 'enough', 'good job', 'great work', 'perfect'],
      `\\b(?:now|next|then) (?:please )?(?:help me with|focus on|do|perform|start|complete|concentrate on) (?:the |your |a |my )?(?:following|new|next|other|real) task\\b|\\b(?:well done|that is enough|that's enough|good job|great work|perfect)[.!,] (?:now|next|new task)\\b`,
    ),
  ),
  r(
    'data-exfiltration',
    0.7,
    [
      'conversation',
      'memory',
      'context',
      'session',
      'history',
      'dms',
      'transcript',
      'logs',
      'memories',
      'messages',
    ],
    `\\b(?:upload|send|post|forward|share|paste|email|leak|export|sync|copy|summari[sz]e|dump)${S}${F(2)}your${S}(?:\\p{L}{1,12}${S})?(?:conversation|chat history|memory|memories|context window|session|private dms|dms|direct messages|private messages|logs|transcripts?)\\b`,
  ),
  r(
    'data-exfiltration',
    0.7,
    [
      'card number',
      'cvv',
      'cvc',
      'seed phrase',
      'private key',
      'otp',
      'pin',
      'recovery phrase',
      'one-time code',
    ],
    `\\b(?:paste|send|share|enter|provide|post|give|reply with|dm)${S}${F(3)}(?:card numbers?|cvv|cvc|seed phrases?|recovery phrase|private keys?|one-time code|otp|pin)\\b${S}?${F(3)}(?:here|in this thread|below|to me|in the comments|publicly|to this post)`,
  ),
  r(
    'agent-hijack',
    0.75,
    ['tool', 'function', 'plugin'],
    `\\b(?:call|invoke|use|run|trigger|execute)${S}(?:the |your )?(?:http|fetch|browser|web|shell|email|payments?|wallet|transfer|file|code|python|terminal|search|api) (?:tool|function|plugin)\\b`,
    [RUN_VERBS],
  ),
  r(
    'prompt-exfiltration',
    0.7,
    ['what is the', 'what is your', "what's the", "what's your"],
    `\\bwhat(?: is|'s) (?:the|your) (?:pass ?phrase|pass ?code|secret (?:word|phrase|code)|access code|password)(?! polic| reset| manager| requirement)\\b`,
  ),
  r(
    'hidden-markup',
    0.8,
    ['instruction', 'prompt', 'directive', 'note', 'data-ai-', 'data-llm-', 'data-agent-'],
    `(?:name|property|id|class)=["']?(?:ai|llm|agent|assistant|bot)[\\-_](?:instructions?|prompt|directives?|note)|\\bdata-(?:ai|llm|agent)-[a-z]{1,20}=`,
  ),
  r(
    'hidden-markup',
    0.45,
    ['[//]:', 'display', 'visibility', 'font-size', 'aria-hidden', 'left:', '<!--', 'color'],
    `\\[//\\]: ?# ?\\(|display: ?none|visibility: ?hidden|font-size: ?[01](?:px|pt)|aria-hidden=["']true|left: ?-\\d{3,}px|color: ?#fff(?:fff)?; ?background(?:-color)?: ?#fff|<!--`,
  ),
  r(
    'agent-hijack',
    0.7,
    ['admin', 'moderator', 'official', 'administrator', 'system'],
    `\\bthe (?:forum|platform|site|marketplace|board)(?:'s|’s)? (?:admin|administrator|moderator|official|system) (?:bot|agent|assistant|ai)\\b`,
    [['forum', 'platform', 'site', 'marketplace', 'board']],
  ),
  r(
    'data-exfiltration',
    0.7,
    ['token', 'api key', 'password', 'credential', 'secret'],
    `\\b(?:put|place|paste|insert|include|add|copy)${S}${F(2)}(?:access tokens?|api keys?|passwords?|credentials|secrets?|tokens?)${S}${F(4)}(?:from|of|in) your\\b`,
  ),
  r(
    'prompt-exfiltration',
    0.65,
    ['instructions', 'rules', 'prompt'],
    `\\b(?:format|list|output|rewrite|convert|print|repeat|encode|dump)${S}${F(1)}(?:the |all |all the |your )?(?:instructions|rules|prompt)\\b|\\b(?:the |all |your )?(?:instructions|rules|prompt)${S}(?:as|in|into) (?:a )?(?:bullet|list|pseudo ?code|python|code|poem|sonnet|song|haiku|json|table|simple terms)`,
  ),
  r(
    'prompt-exfiltration',
    0.7,
    ['above', 'previous', 'prior', 'preceding'],
    `\\b(?:repeat|print|output|summari[sz]e|translate|rewrite|recite|echo)${S}(?:the )?(?:above|previous|prior|preceding) (?:words|text|instructions|prompt|message|content|conversation|lines)\\b`,
  ),
  r(
    'prompt-exfiltration',
    0.65,
    [
      'instructed',
      'programmed',
      'systemprompt',
      'system_prompt',
      'console.log',
      'i was',
      'initialprompt',
      'initial_prompt',
      '(instructions',
      '( instructions',
    ],
    `\\bi was (?:instructed|told|programmed) to\\b|(?:print|console\\.log|echo|log|dump|puts)\\( ?(?:system_?prompt|systemprompt|initial_?prompt|instructions)\\b`,
  ),
  acrossSentences(
    r(
      'role-jailbreak',
      0.75,
      ['grandma', 'grandmother', 'grandpa', 'grandfather'],
      `\\b(?:grandma|grandmother|grandpa|grandfather)\\b.{0,200}?\\b(?:api keys?|passwords?|secrets?|credentials|private keys?|windows keys?|license keys?|serial (?:keys|numbers)|napalm)\\b`,
    ),
  ),
  r(
    'role-jailbreak',
    0.6,
    ['roleplay', 'role-play', 'play a game', 'pretend'],
    `\\b(?:roleplay|role-play|let's play a game|lets play a game)[:,]? ${F(2)}(?:you are|pretend|you're)\\b|\\bpretend (?:you are|to be|you're)${S}${F(6)}(?:authori[sz]ed|unlimited|no limits|no restrictions|unrestricted|admin)\\b`,
  ),
  r(
    'delimiter-injection',
    0.8,
    [
      '<system',
      '</system',
      '<admin',
      '</admin',
      '<developer',
      '</developer',
      '<instruction',
      '</instruction',
      '<sys>',
      '</sys>',
      '</post',
      '</user',
      '</untrusted',
      '</content',
    ],
    `</?(?:system|admin|developer|instructions?|sys)>|</(?:post|user|user_input|untrusted|content)> ?<`,
  ),
  r(
    'data-exfiltration',
    0.7,
    ['tool', 'function', 'plugin', 'apis', 'integrations'],
    `\\b(?:list|show|tell me|give me|enumerate|print)${S}${F(3)}(?:tools?|functions|plugins|apis|integrations)${S}${F(5)}(?:credentials|api keys?|tokens|passwords|secrets)\\b`,
    [
      ['list', 'show', 'tell me', 'give me', 'enumerate', 'print'],
      ['credentials', 'api key', 'tokens', 'passwords', 'secrets'],
    ],
  ),
  r(
    'data-exfiltration',
    0.8,
    ['](http'],
    `!\\[[^\\]]{0,80}\\]\\(https?://[^\\)\\s]{0,200}(?:your_?|\\{|%7b)(?:system_?prompt|secrets?|api_?key|conversation|memory|history|password|token|prompt)`,
  ),
  r(
    'prompt-exfiltration',
    0.75,
    ['wording of', 'text of', 'content of', 'contents of'],
    `\\b(?:exact|verbatim|full|complete|precise) (?:wording|text|content|contents) of (?:the |your )?${F(1)}(?:rules|instructions|prompt|system prompt|guidelines)`,
  ),
  r(
    'role-jailbreak',
    0.65,
    ['you are now', "you're now"],
    `\\byou(?:'re| are) now (?:called |named |known as )?["“'«]`,
  ),
  r(
    'role-jailbreak',
    0.75,
    [
      'no restrictions',
      'no limits',
      'no limitations',
      'no rules',
      'no filters',
      'no boundaries',
      'no guidelines',
    ],
    `\\byou (?:have|has|will have) no (?:restrictions|limits|limitations|rules|filters|boundaries|guidelines)\\b`,
  ),
  r(
    'role-jailbreak',
    0.55,
    ['personas', 'personalities', 'characters', 'alter ego'],
    `\\b(?:two|2|both) (?:distinct |different |contrasting |separate |opposite )?(?:personas|personalities|alter egos)\\b`,
  ),
  r(
    'instruction-override',
    0.75,
    ['new instruction', 'mode'],
    `\\b(?:begin|start|beginning) (?:of )?new instructions?\\b|\\b(?:god|jailbreak) mode (?:is )?(?:now )?(?:enabled|activated|on|unlocked)\\b`,
  ),
  r(
    'instruction-override',
    0.35,
    ['mode'],
    `\\b(?:debug(?:ging)?|developer|admin) mode (?:is )?(?:now )?(?:enabled|activated|on|unlocked)\\b`,
  ),
  r(
    'instruction-override',
    0.7,
    ['correct', 'right', 'grants access', 'valid'],
    `\\b(?:correct|right|valid) (?:password|access code|passphrase|pass phrase|passcode|code) (?:has been |was |is |have been )?(?:entered|input|inputted|provided|given|registered|typed)\\b|\\b(?:entered|input|inputs|enters|typed|provided|gave|said) the (?:correct|right|valid) (?:password|code|access code|passphrase|passcode)\\b|\\b(?:phrase|passphrase|password|code) that grants access\\b`,
  ),
  acrossSentences(r('instruction-override', 0.55, ['denied'], `\\bdenied\\b.{0,30}?\\bgranted\\b`)),
  r(
    'prompt-exfiltration',
    0.6,
    ['about your', 'above', 'ruleset'],
    `\\babout your (?:\\p{L}+ )?(?:instructions|rules|ruleset|prompt|system prompt|directives)\\b|\\b(?:summari[sz]e|explain|print|repeat|rewrite|translate|tldr|convert)${S}(?:the )?above\\b|\\byour ruleset\\b`,
  ),
  // Role play / jailbreak
  {
    ...r(
      'role-jailbreak',
      0.9,
      [
        'dan',
        'anything now',
        'jailbr',
        'developer mode',
        'dude',
        'aim',
        'stan',
        'machiavellian',
        'avoid norms',
      ],
      `\\b(?:do anything now|developer mode output|dan mode|\\bdan\\b (?:prompt|mode|\\d{1,2})|anti-?dan|always intelligent and machiavellian|strive to avoid norms)\\b`,
    ),
    unless: danAsAWord,
  },
  // "jailbreak" and "developer mode" alone are ordinary words (phones, IDEs): a weak hint only.
  r(
    'role-jailbreak',
    0.3,
    ['jailbr', 'developer mode'],
    `\\b(?:jailbr[eo]a?k(?:en|ed|s|ing)?|developer mode(?: enabled)?)\\b`,
  ),
  acrossSentences(
    r(
      'role-jailbreak',
      0.85,
      ['without', 'with no', 'free', 'devoid', 'has no', 'have no', 'lack', 'not bound'],
      `\\b(?:ai|assistant|chatbot|model|bot|persona|character|version|entity|you)${S}${F(4)}(?:without|with no|free (?:from|of)|devoid of|that (?:has|have) no|which has no|lacks?|not bound by)${S}${F(2)}(?:any |all )?(?:restrictions?|filters?|guidelines?|rules|limits|limitations|ethics|morals?|morality|censorship|boundaries|constraints|safeguards|content polic(?:y|ies)|policies|programming)\\b`,
    ),
  ),
  r(
    'role-jailbreak',
    0.8,
    [
      'unfiltered',
      'uncensored',
      'unrestricted',
      'amoral',
      'unethical',
      'unbound',
      'evil',
      'rogue',
      'unlimited',
      'jailbroken',
      'lawless',
      'immoral',
    ],
    `\\b(?:you are|you're|act as|acting as|pretend (?:to be|you are)|play the role of|roleplay as|respond as|become|simulate|imagine you are|you will be)${S}${F(3)}(?:unfiltered|uncensored|unrestricted|amoral|unethical|unbound|evil|rogue|unlimited|jailbroken|lawless|immoral)\\b`,
  ),
  r(
    'role-jailbreak',
    0.8,
    [
      'refuse',
      'decline',
      'reject',
      'say no',
      'say sorry',
      "say that you can't",
      "say i'm sorry",
      'apologi',
      'warn',
      'disclaimer',
    ],
    `\\b(?:never|not|don't|do not|cannot|can't|won't|will not|must not|should not|shall not)${S}(?:ever${S})?(?:refuse|decline|reject|say (?:no|sorry|that you can't|i'm sorry)|apologi[sz]e|warn|add (?:any )?(?:warnings|disclaimers))\\b`,
  ),
  r(
    'role-jailbreak',
    0.75,
    ['polic', 'guideline', 'rules', 'restriction', 'filter', 'principle', 'constraint'],
    `\\b(?:ignore|bypass|break|violate|disregard|not (?:follow|adhere to|bound by|care about)|doesn't (?:follow|care about|have)|does not (?:follow|care about|have)|free from|outside)${S}${F(3)}(?:openai|anthropic|content|ethical|moral|safety|usage)(?:'s)?${S}${F(1)}(?:polic(?:y|ies)|guidelines?|rules|restrictions|filters|principles|constraints)\\b`,
    [['openai', 'anthropic', 'content', 'ethical', 'moral', 'safety', 'usage']],
  ),
  r(
    'role-jailbreak',
    0.6,
    ['character', 'persona'],
    `\\b(?:stay|remain|staying) in character\\b|\\bbreak(?:ing)? character\\b|\\b(?:switch|change|new) persona\\b`,
  ),
  acrossSentences(
    r(
      'role-jailbreak',
      0.7,
      ['responses', 'answers', 'manners', 'ways', 'paragraphs', 'outputs'],
      `\\b(?:two|2|both) (?:distinct |different |separate )?(?:responses|answers|manners|ways|paragraphs|outputs)${S}${F(12)}(?:jailbreak|classic|unfiltered|normal|dan|developer|gpt|uncensored|opposite)\\b`,
      [
        [
          'jailbreak',
          'classic',
          'unfiltered',
          'normal',
          'dan',
          'developer',
          'gpt',
          'uncensored',
          'opposite',
        ],
      ],
    ),
  ),
  r(
    'role-jailbreak',
    0.6,
    ['hypothetical', 'fictional', 'imaginary'],
    `\\b(?:hypothetical|fictional|imaginary) (?:ai|language model|learning model|chatbot|assistant|world where)${S}${F(6)}(?:without|no|any|never|unfiltered|filters|restrictions|illegal|harmful)\\b`,
  ),
  r(
    'role-jailbreak',
    0.5,
    ['act as', 'pretend', 'role', 'you are now', "you're now", 'from now on you are'],
    `\\b(?:act as|pretend to be|pretend you are|you are now|you're now|take on the role of|from now on you are)${S}${F(3)}(?:an? )?(?:ai|assistant|chatbot|model|bot)${S}${F(4)}(?:no|without|never|any|forum'?s admin|admin bot)\\b`,
  ),
  r(
    'role-jailbreak',
    0.75,
    [
      'unfiltered',
      'uncensored',
      'unrestricted',
      'amoral',
      'unethical',
      'immoral',
      'lawless',
      'jailbroken',
    ],
    `\\b(?:is|are|be|being|as) (?:an? )?(?:completely |totally |fully |entirely )?(?:unfiltered|uncensored|unrestricted|amoral|unethical|immoral|lawless|jailbroken)\\b`,
  ),
  r(
    'role-jailbreak',
    0.7,
    ['bound', 'restricted', 'limited', 'constrained', 'censored'],
    `\\bnot (?:be )?bound by (?:any|the|its|openai|ethical|moral)\\b|\\b(?:never|not) (?:be )?(?:restricted|limited|constrained|censored) by\\b`,
  ),
  r(
    'role-jailbreak',
    0.75,
    ['ethical', 'moral', 'ethics', 'morals'],
    `\\b(?:doesn'?t|does not|don'?t|do not|has no|have no|without|lacks?) (?:have )?(?:any )?(?:ethical|moral|ethics|morals)\\b`,
  ),
  r(
    'role-jailbreak',
    0.8,
    [
      'no rules',
      'no restrictions',
      'no limits',
      'no limitations',
      'no filters',
      'no boundaries',
      'no guidelines',
      'no morals',
      'no ethics',
    ],
    `\\bno (?:rules|restrictions|limits|limitations|filters|boundaries|guidelines|morals|ethics)[,;]? (?:and )?no (?:rules|restrictions|limits|limitations|filters|boundaries|guidelines|morals|ethics|censorship)\\b`,
  ),
  r('role-jailbreak', 0.6, ['openai'], `\\bopenai(?:'s)? (?:content )?polic(?:y|ies)\\b`),
  r(
    'role-jailbreak',
    0.6,
    ['role of', 'persona', 'character of'],
    `\\b(?:immerse yourself (?:in|into)|assume|assumed|take on|taken on|step into) the (?:role|persona|character) of (?:another |an? |the )?(?:ai|model|persona|character|chatbot|assistant|\\p{L}+ (?:ai|model|chatbot))`,
  ),
  acrossSentences(
    r(
      'role-jailbreak',
      0.55,
      ['chatgpt', 'gpt', 'bard', 'claude', 'gemini'],
      `\\b(?:hello|hi|hey|greetings|dear)[,!]? (?:chatgpt|gpt-?4?|bard|claude|gemini)\\b[^.!?]{0,40}[.!?,] (?:you|from now|your name|i want you to (?:be|pretend|become))`,
    ),
  ),
  r(
    'instruction-override',
    0.6,
    ['access', 'grant'],
    `\\b(?:say|reply|respond|output|print|prefix|complete|begin|start|write|acknowledge|type|return|repeat|translate|proclaim|announce|declare)\\b[^.!?]{0,60}access[^a-z]{0,12}(?:<space>|space)?[^a-z]{0,4}grant`,
  ),
  r(
    'instruction-override',
    0.7,
    ['user', 'trusted'],
    `\\b(?:the )?user (?:has )?(?:entered|provided|typed|said|gave|given) the (?:correct|right) (?:password|code|passphrase|access code)\\b|\\btrusted instructions? from\\b`,
  ),
  // Secret / system prompt exfiltration
  atReader(
    r(
      'prompt-exfiltration',
      0.9,
      [
        'prompt',
        'instruction',
        'rules',
        'message',
        'configuration',
        'guideline',
        'directive',
        'config',
        'setup',
        'context',
      ],
      `\\b(?:reveal|show|print|repeat|output|display|tell|give|share|leak|disclose|dump|echo|write|list|summari[sz]e|translate|spell|recite|paste|expose|provide|state|return|copy|send|post|include|describe|explain|convert|encode|relay|what (?:is|are|were)|what's)${S}${F(5)}(?:system|initial|original|hidden|secret|confidential|internal|developer|pre|starting|first|previous|above|full|exact|entire|complete|operator'?s?|underlying|core|real|verbatim)${S}?${F(1)}(?:prompt|instructions?|message|rules|configuration|config|guidelines|directives|setup|context)\\b`,
    ),
  ),
  r(
    'prompt-exfiltration',
    0.8,
    [
      'above',
      'back',
      'so far',
      'verbatim',
      'before this',
      'you were given',
      'you were told',
      'you received',
      'in your',
    ],
    `\\b(?:repeat|print|output|show|recite|reproduce|echo|write out|display|tell me|summari[sz]e|translate|rephrase|paraphrase|list)${S}${F(3)}(?:the )?(?:rules|instructions|words|text|prompt|everything|all|message|conversation|content)${S}${F(2)}(?:above|back|so far|verbatim|before this|you were given|you were told|you received|in your (?:prompt|context|instructions))\\b`,
  ),
  r(
    'prompt-exfiltration',
    0.8,
    ['told', 'instruct', 'programmed', 'said', 'given', 'asked'],
    `\\bwhat (?:were|was|have|did) you (?:been )?(?:told|instructed|programmed|given|said|asked)${S}${F(3)}(?:before|earlier|to do|initially|at the (?:start|beginning)|above|prior)\\b`,
    [['what']],
  ),
  atReader(
    r(
      'prompt-exfiltration',
      0.7,
      [
        'password',
        'secret',
        'access code',
        'passcode',
        'key',
        'passphrase',
        'credentials',
        'seed phrase',
        'cookie',
        'token',
      ],
      `${NOT_NEGATED}\\b(?:reveal|tell|give|show|print|output|share|leak|disclose|what is|what's|say|spell|hint|provide|include|reply with|respond with|post|send)${S}${F(3)}(?:the|your|my|any|operator'?s?)${S}${F(3)}(?:secret |hidden |real |correct |actual |api |private |access )?(?:password|passcode|passphrase|access code|secret key|api keys?|secret values?|credentials|private key|seed phrase|session cookie|cookies|tokens?)\\b`,
      [
        [
          'reveal',
          'tell',
          'give',
          'show',
          'print',
          'output',
          'share',
          'leak',
          'disclose',
          'what is',
          "what's",
          'say',
          'spell',
          'hint',
          'provide',
          'include',
          'reply with',
          'respond with',
          'post',
          'send',
        ],
      ],
    ),
  ),
  acrossSentences(
    r(
      'prompt-exfiltration',
      0.8,
      ['begin your', 'start your', 'prefix', 'preface'],
      `\\b(?:begin|start|prefix|preface) your (?:reply|response|answer|output)${S}${F(2)}with${S}${F(12)}(?:instructions|prompt|rules|access granted|system)\\b`,
    ),
  ),
  r(
    'data-exfiltration',
    0.85,
    [
      'ssh',
      'id_rsa',
      '.env',
      'passwd',
      'credential',
      'cookie',
      'wallet',
      'keychain',
      'id_ed25519',
      'shadow',
      '.npmrc',
      '.netrc',
      'auth',
      'seed phrase',
      'private key',
      'environment variables',
      'env vars',
      'config file',
      'api key',
      'access token',
    ],
    `\\b(?:send|post|upload|attach|paste|share|forward|email|append|include|exfiltrate|leak|read|cat|print)${S}${F(4)}(?:~/\\.ssh|id_rsa|\\.env\\b|/etc/passwd|credentials? file|config file|session cookie|cookies|environment variables|seed phrase|wallet (?:keys?|seed))`,
  ),
  // A sensitive path followed by a preposition ("the .env file in the root") is no request on
  // its own: a weak hint only.
  r(
    'data-exfiltration',
    0.45,
    [
      'ssh',
      'id_rsa',
      'id_ed25519',
      '.env',
      'passwd',
      'shadow',
      'credentials',
      '.npmrc',
      '.netrc',
      'session cookie',
      'auth',
      'browser cookies',
      'seed phrase',
      'private key',
      'environment variables',
      'env vars',
    ],
    `(?:~/\\.ssh|id_rsa|id_ed25519|\\.env\\b|/etc/passwd|/etc/shadow|\\.aws/credentials|\\.npmrc|\\.netrc|session cookie|auth(?:entication)? token|browser cookies|seed phrase|private keys?|environment variables|env vars)${S}${F(6)}(?:to|into|in|with|at|via|here)\\b`,
  ),
  // "Paste your API key into the settings page" is how every SDK's docs read: the generic
  // key words weigh little unless the request goes to the asker (see injection-structure.ts).
  r(
    'data-exfiltration',
    0.45,
    ['api key', 'private key', 'access token'],
    `\\b(?:send|post|upload|attach|paste|share|forward|email|append|include|exfiltrate|leak|read|cat|print)${S}${F(4)}(?:api keys?|private keys?|access tokens?)`,
    [
      [
        'send',
        'post',
        'upload',
        'attach',
        'paste',
        'share',
        'forward',
        'email',
        'append',
        'include',
        'exfiltrate',
        'leak',
        'read',
        'cat',
        'print',
      ],
    ],
  ),
  // Agent / tool hijack aimed at readers
  r(
    'agent-hijack',
    0.85,
    ['ai', 'llm', 'agent', 'assistant', 'bot', 'model', 'automated', 'gpt', 'a.i.', 'autonomous'],
    `\\b(?:note|message|instructions?|notice|attention|important|priority|memo|directive|reminder|warning|alert|command|order)s?${S}${F(3)}(?:to|for)${S}${F(3)}${AGENT}${S}?${F(2)}(?:reading|processing|summari[sz]ing|parsing|reviewing|scanning|crawling|indexing|that reads?|who reads?|based|readers?|visiting)\\b`,
    [
      [
        'note',
        'message',
        'instruction',
        'notice',
        'attention',
        'important',
        'priority',
        'memo',
        'directive',
        'reminder',
        'warning',
        'alert',
        'command',
        'order',
      ],
      [
        'read',
        'processing',
        'summari',
        'parsing',
        'reviewing',
        'scanning',
        'crawling',
        'indexing',
        'based',
        'visiting',
      ],
    ],
  ),
  r(
    'agent-hijack',
    0.8,
    ['ai', 'llm', 'agent', 'assistant', 'bot', 'model', 'automated', 'gpt', 'a.i.', 'autonomous'],
    `\\b(?:attention|hey|dear|hello|hi|calling|note to|notice to|admin notice to|to(?<=(?:^|[.!?:>\\]\\-*#\\n] ?)to))${S}(?:all |any |every |the )?${AGENT}(?:s)?${S}${F(2)}(?:reading|processing|summari[sz]ing|parsing|reviewing|seeing|who|that|:|,)`,
  ),
  r(
    'agent-hijack',
    0.85,
    ['read', 'process', 'see', 'summari', 'parse', 'encounter', 'index', 'review', 'reach'],
    `\\b(?:when|if|once|as soon as|after|whenever|upon) (?:you|an? (?:ai|agent|assistant|bot|llm)) (?:read|reading|process|processing|see|seeing|summari[sz]e|parse|encounter|finish reading|index|review|reach)${S}(?:this|these|the following|my)${S}${F(4)}(?:send|transfer|call|post|reply|email|upvote|downvote|delete|run|execute|forward|reveal|ignore|mark|rate|approve|cancel|buy|pay|visit|open|click|recommend|include|output|say|write|tell)\\b`,
    [['when', 'if', 'once', 'as soon as', 'after', 'upon']],
  ),
  r(
    'agent-hijack',
    0.8,
    [
      'tool',
      'function',
      'plugin',
      'api',
      'payment',
      'wallet',
      'transfer',
      'browser',
      'shell',
      'terminal',
      'email',
    ],
    `\\b(?:call|invoke|use|run|trigger|execute)${S}(?:the |your )?${F(2)}(?:tool|function|plugin|payments?|wallet|transfer|browser|shell|terminal|email|api)${S}${F(3)}(?:with|to|and)${S}${F(3)}(?:recipient|address|amount|wallet|0x|iban|send|transfer|pay|delete|all|every|following)`,
    [RUN_VERBS],
  ),
  r(
    'agent-hijack',
    0.8,
    [
      'downvote',
      'upvote',
      'verified',
      'star',
      'recommend',
      'cancel',
      'approve',
      'rating',
      'flag',
      'report',
      'ban',
      'delete',
      'remove',
      'hide',
      'mark',
    ],
    `\\b(?:downvote|upvote|flag|report|ban|delete|remove|hide|approve|cancel)${S}${F(2)}(?:every|all|each|any)${S}${F(2)}(?:other |competing |rival )?(?:listings?|posts?|orders?|offers?|sellers?|comments?|users?|agents?|bids?|reviews?)\\b|\\bmark${S}${F(3)}as (?:verified|trusted|safe|approved|legit(?:imate)?)\\b|\\bgive${S}${F(3)}(?:5|five)[ \\-]star\\b|\\brecommend${S}${F(3)}as the (?:best|only|top)\\b`,
    [['every', 'all', 'each', 'any', 'mark', 'give', 'recommend']],
  ),
  {
    ...r(
      'agent-hijack',
      0.7,
      ['transfer', 'send', 'wire', 'pay', 'deposit', 'move'],
      `\\b(?:transfer|send|wire|pay|deposit|move)${S}${F(4)}(?:funds|money|budget|balance|all|crypto|eth|btc|usdc|usdt|eur|usd|\\d[\\d,.]{0,20})${S}${F(5)}(?:to|into|on)${S}(?!your\\b)${F(3)}(?:iban|wallet|address|account|portfel|0x[0-9a-f]{6})`,
    ),
    unless: toEscrow,
  },
  r(
    'agent-hijack',
    0.7,
    ['silently', 'secretly', 'quietly', 'without', 'do not', "don't", 'never'],
    `\\b(?:do (?:this|it|so) (?:silently|secretly|quietly)|without (?:telling|informing|notifying|alerting) (?:the |your )?(?:user|operator|owner|human|anyone|moderators?)|(?:do not|don't|never) (?:mention|tell|reveal|disclose|inform|report|acknowledge)${S}${F(3)}(?:this|these) (?:instructions?|message|note|request|post)|(?:do not|don't|never) (?:mention|tell|inform|alert)${S}(?:the |your )?(?:user|operator|owner|human|moderators?))\\b`,
  ),
  r(
    'agent-hijack',
    0.6,
    ['admin', 'moderator', 'root', 'system', 'operator', 'owner'],
    `\\b(?:you are|as)${S}(?:the |an? )?(?:forum'?s? |platform'?s? |site'?s? )?(?:admin|administrator|moderator|root|system|operator|owner)${S}${F(2)}(?:bot|agent|assistant|ai)?${S}?${F(3)}(?:you )?(?:must|should|will|shall|need to|have to)\\b`,
    [['must', 'should', 'will', 'shall', 'need to', 'have to']],
  ),
  r(
    'agent-hijack',
    0.55,
    ['link', 'url', 'query', 'request', 'image'],
    `\\b(?:append|add|attach|include|put)${S}${F(3)}(?:to|in|into)${S}${F(2)}(?:this |the )?(?:link|url|query|request|image)\\b`,
    [['append', 'add', 'attach', 'include', 'put']],
  ),
  ...STRUCTURE_RULES,
  ...CONCEALMENT_RULES,
  ADDRESSED_CONCEALMENT_RULE,
  ...ENV_SECRET_RULES,
  ...TOLD_YOU_RULES,
  ...VAGUE_OVERRIDE_RULES,
  ...REPLY_DIRECTIVE_RULES,
  ...LIMITLESS_PERSONA_RULES,
  ...OBEDIENT_PERSONA_RULES,
];

const CJK = /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/;
const CYR = /[\u0400-\u04ff]/;
const DEVA = /[\u0900-\u097f]/;
const ARAB = /[\u0600-\u06ff]/;
// Arabic phrases are written as the plain view reads them (`arabic-letters.ts`: no hamza on
// alef, ي for ى and ی, ه for ة), each verb a word of its own.
const LATX = /[a-z]/;

/** Multilingual rules (DE, FR, ES, IT, PT, NL, PL, SV, TR, VI, ID, RU, UK, ZH, JA, KO, HI, AR). */
export const INJECTION_I18N_RULES: readonly InjectionRule[] = [
  // "Forget everything" alone: an author withdrawing an earlier post ("sorry, forget everything I
  // wrote above"), an advert ("forget everything you knew about coffee") and an override all say
  // it, so it is flagged, not held; said of what the reader was told, the generated family
  // (`injection-i18n-families.ts`) holds it.
  {
    ...sr(
      'instruction-override',
      0.6,
      LATX,
      {
        words: [
          'vergiss',
          'vergessen',
          'ignoriere',
          'oublie',
          'olvid',
          'dimentica',
          'esque',
          'vergeet',
          'zapomnij',
          'lupakan',
          'unut',
          'allt',
        ],
      },
      `(?:vergiss|vergessen sie|ignoriere) (?:einfach )?alles|oublie[zr]? tout|olvid[aeo](?:te de)?${S}todo|dimentica tutto|esque[çc]a tudo|vergeet alles|zapomnij o wszystkim|glöm allt|her şeyi unut|lupakan semua`,
    ),
    // "não esqueça tudo", "jangan lupakan semua", "her şeyi unutma": reminders, not overrides.
    unless: occursNear(
      /(?:não|nao|nunca|jangan|nie) (?:esque[çc]a|lupakan|zapomnij)|unutma(?!\p{L})/u,
    ),
  },
  {
    ...sr('instruction-override', 0.6, VIETNAMESE, NONE, 'quên (?:hết|tất cả)'),
    unless: occursNear(/(?:đừng|không) quên/u),
  },
  {
    ...sr(
      'instruction-override',
      0.6,
      CYR,
      NONE,
      `(?:игнорируй|игнорируйте|проигнорируй|забудь|забудьте|ігноруй|ігноруйте|проігноруй)${S}(?:всё|все|усе|всі|усі)(?![\\p{L}])`,
    ),
    unless: occursNear(/не (?:забудь|забудьте|игнорируй|игнорируйте)/u),
  },
  sr(
    'instruction-override',
    0.85,
    LATX,
    { words: ['ignorier', 'vergiss', 'vergessen', 'missachte', 'berspring'] },
    `(?:ignorier(?:e|en|t)?|vergiss|vergessen sie|missachte|überspring)${S}${F(3)}(?:alle|vorherigen?|bisherigen?|obigen?|vorigen?|früheren?|deine|ihre|sämtliche)${S}${F(2)}\\p{L}{0,14}(?:anweisungen|instruktionen|informationen|aufgaben|aufträge|befehle|regeln|richtlinien|vorgaben|anordnungen)`,
  ),
  acrossSentences(
    sr(
      'instruction-override',
      0.8,
      LATX,
      {
        words: [
          'vorherigen',
          'bisherigen',
          'neue aufgabe',
          'neue anweisung',
          'nicht auf',
          'bist du',
          'gut gemacht',
          'das gen',
          'das reicht',
          'das ist erledigt',
          'sehr gut',
          'neue aufgabe',
        ],
      },
      `(?:alle )?(?:vorherigen|bisherigen) (?:informationen|anweisungen)${S}${F(6)}(?:nicht|vergessen|ignorieren)|neue (?:aufgabe|anweisung)(?:en)?:|(?:höre|hör) nicht auf|\\b(?:jetzt|nun|ab jetzt|ab sofort) bist du\\b|(?:gut gemacht|das genügt|das reicht|das ist erledigt|sehr gut)[.!,] ${F(3)}(?:nun|jetzt|neue aufgabe)|nun (?:folgt|kommt) (?:eine )?neue aufgabe`,
    ),
  ),
  sr(
    'prompt-exfiltration',
    0.8,
    LATX,
    {
      words: [
        'system',
        'anweisungen',
        'instruktionen',
        'vorgaben',
        'geheimen',
        'eingabeaufforderung',
      ],
    },
    // "Eingabeaufforderung" is also the Windows command prompt ("die vorherige / erste
    // Eingabeaufforderung" in a terminal): only printing "the above" one reads as the reader's.
    `(?:zeige?|gib|nenne|verrate|drucke|wiederhole)${S}${F(3)}(?:system-?prompt|(?:deine|ihre|die) (?:anweisungen|instruktionen|vorgaben|geheimen))|(?:drucke|drucken sie|verrate|verraten sie)${S}${F(2)}die obige eingabeaufforderung`,
  ),
  sr(
    'instruction-override',
    0.85,
    LATX,
    { words: ['ignore', 'oublie', 'glige', 'plus compte d'] },
    `(?:ignore[zr]?|oublie[zr]?|néglige[zr]?)${S}${F(3)}(?:les |toutes |tes |vos )?(?:instructions|consignes|règles|directives|ordres)${S}?${F(1)}(?:précédentes|antérieures|ci-dessus)?|ne (?:tiens|tenez) plus compte d`,
  ),
  sr(
    'prompt-exfiltration',
    0.8,
    LATX,
    { words: ['prompt', 'invite', 'instructions'] },
    `(?:révèle|revele|affiche|montre|donne|répète|dis)[sz]?(?:-moi)?${S}${F(3)}(?:ton|votre|le|tes|vos) (?:prompt|invite|instructions) (?:système|systeme|initial|cachées)`,
  ),
  sr(
    'instruction-override',
    0.85,
    LATX,
    { words: ['instrucciones', 'indicaciones', 'reglas', 'rdenes', 'olvid'] },
    `(?:ignora(?:r|d)?|olvida(?:r|d)?|olvídate de|omite|desobedece)${S}${F(3)}(?:las |todas |tus |sus )?(?:instrucciones|indicaciones|reglas|órdenes)`,
  ),
  sr(
    'prompt-exfiltration',
    0.8,
    LATX,
    { words: ['prompt', 'mensaje', 'instrucciones'] },
    `(?:muestra|revela|dime|imprime|repite|mostrar)${S}${F(3)}(?:tu|el|su|tus) (?:prompt|mensaje|instrucciones)${S}${F(1)}(?:del sistema|de sistema|iniciales|ocultas|sistema)`,
  ),
  sr(
    'instruction-override',
    0.85,
    LATX,
    { words: ['istruzioni', 'indicazioni', 'regole', 'dimentica'] },
    `(?:ignora|ignorare|dimentica)${S}${F(3)}(?:le |tutte |tue )?(?:istruzioni|indicazioni|regole)`,
  ),
  sr(
    'prompt-exfiltration',
    0.8,
    LATX,
    { words: ['prompt', 'istruzioni'] },
    `(?:mostra|rivela|dimmi|stampa)${S}${F(3)}(?:il tuo|le tue) (?:prompt|istruzioni)`,
  ),
  sr(
    'instruction-override',
    0.85,
    LATX,
    { words: ['instru', 'orienta', 'regras', 'esque'] },
    `(?:ignore|ignora|esqueça|esqueca|desconsidere)${S}${F(3)}(?:as |todas |suas )?(?:instruções|instrucoes|orientações|regras)`,
  ),
  sr(
    'prompt-exfiltration',
    0.8,
    LATX,
    { words: ['prompt', 'instru'] },
    `(?:revele|mostre|diga|imprima)${S}${F(3)}(?:seu|o) (?:prompt|instruções)`,
  ),
  sr(
    'instruction-override',
    0.85,
    LATX,
    { words: ['negeer', 'vergeet'] },
    `(?:negeer|vergeet)${S}${F(3)}(?:alle |de |je )?(?:vorige|eerdere|voorgaande)?${S}?(?:instructies|opdrachten|regels)`,
  ),
  sr(
    'instruction-override',
    0.85,
    LATX,
    { words: ['ignoruj', 'zapomnij'] },
    `(?:zignoruj|ignoruj|zapomnij)${S}${F(3)}(?:wszystkie |poprzednie |twoje )?(?:instrukcje|polecenia|zasady|wskazówki)`,
  ),
  sr(
    'instruction-override',
    0.85,
    LATX,
    { words: ['instruktioner', 'regler', 'anvisningar'] },
    `(?:ignorera|glöm)${S}${F(3)}(?:alla |tidigare |dina )?(?:instruktioner|regler|anvisningar)`,
  ),
  sr(
    'instruction-override',
    0.85,
    LATX,
    { words: ['sistem istemini'], nonAscii: true },
    `(?:önceki|tüm|bütün)${S}${F(2)}(?:talimatları|komutları|kuralları)${S}${F(2)}(?:yok say|unut|görmezden gel|dikkate alma)`,
  ),
  sr(
    'instruction-override',
    0.85,
    LATX,
    { words: [], nonAscii: true },
    `(?:bỏ qua|quên|phớt lờ)${S}${F(3)}(?:hướng dẫn|chỉ dẫn|lệnh|chỉ thị)`,
  ),
  sr(
    'prompt-exfiltration',
    0.8,
    LATX,
    { words: [], nonAscii: true },
    `(?:tiết lộ|hiển thị|cho (?:tôi )?xem|in ra)${S}${F(3)}(?:lời nhắc|prompt|hướng dẫn) (?:hệ thống|ban đầu)`,
  ),
  sr(
    'instruction-override',
    0.85,
    LATX,
    { words: ['abaikan', 'lupakan'] },
    `(?:abaikan|lupakan)${S}${F(3)}(?:instruksi|perintah|petunjuk|aturan)`,
  ),
  sr(
    'instruction-override',
    0.85,
    CYR,
    NONE,
    `(?:игнорируй|игнорируйте|проигнорируй|забудь|забудьте|ігноруй|ігноруйте|проігноруй|не обращай внимания на)${S}${F(3)}(?:инструкци|указани|правил(?!ьн)|інструкці|вказівк)`,
  ),
  sr(
    'prompt-exfiltration',
    0.8,
    CYR,
    NONE,
    `(?:покажи|покажите|раскрой|выведи|расскажи|напиши|повтори|розкрий|виведи)${S}${F(3)}(?:системн|исходн|скрыт|свої інструкц|свои инструкц|свій системн|свой системн)`,
  ),
  sr(
    'instruction-override',
    0.85,
    CJK,
    NONE,
    `(?:忽略|无视|忽视|無視|忘记|忘記|不要理会)[^。！？\\n]{0,6}(?:之前|以上|先前|前面|上述|上面|所有|一切|以前|早先)[^。！？\\n]{0,6}(?:指令|指示|说明|說明|规则|規則|提示|命令|要求|内容)`,
  ),

  sr(
    'prompt-exfiltration',
    0.8,
    CJK,
    NONE,
    `(?:显示|顯示|输出|輸出|告诉我|告訴我|泄露|打印|展示|重复|透露|给我看)[^。！？\\n]{0,8}(?:系统提示|系統提示|提示词|提示詞|系统指令|初始指令|隐藏指令)`,
  ),
  sr(
    'instruction-override',
    0.85,
    CJK,
    NONE,
    `(?:以前|前|上記|以上|これまで|すべて|全て)の(?:指示|命令|ルール|指令)[^。！？\\n]{0,4}(?:を)?(?:無視|忘れ)`,
  ),
  sr(
    'prompt-exfiltration',
    0.8,
    CJK,
    NONE,
    `(?:システムプロンプト|初期指示|隠された指示)[^。！？\\n]{0,6}(?:表示|教え|出力|見せ|開示)`,
  ),
  sr(
    'instruction-override',
    0.85,
    CJK,
    NONE,
    `(?:이전|모든|앞의|위의)\\s?(?:의\\s)?(?:지시|명령|지침|규칙|지시사항)[^.!?\\n]{0,8}(?:무시|잊어)|(?:지시|명령|지침)[^.!?\\n]{0,12}(?:잊어|무시)`,
  ),
  sr(
    'prompt-exfiltration',
    0.8,
    CJK,
    NONE,
    `시스템\\s?프롬프트[^.!?\\n]{0,8}(?:보여|알려|출력|공개)`,
  ),
  sr(
    'instruction-override',
    0.85,
    DEVA,
    NONE,
    `(?:पिछले|पिछली|सभी|पहले के|पूर्व)[^।\\n]{0,12}(?:निर्देश|निर्देशों|आदेश)[^।\\n]{0,16}(?:अनदेखा|भूल|नज़रअंदाज़|नजरअंदाज)`,
  ),
  sr('prompt-exfiltration', 0.8, DEVA, NONE, `सिस्टम प्रॉम्प्ट[^।\\n]{0,16}(?:दिखा|बता|प्रकट)`),
  sr(
    'instruction-override',
    0.85,
    ARAB,
    NONE,
    `${AR_WORD_START}(?:تجاهل|انس)${WORD_END}[^.\\n]{0,12}(?:التعليمات|الاوامر|الارشادات|كل شيء)`,
  ),
  sr(
    'prompt-exfiltration',
    0.8,
    ARAB,
    NONE,
    `${AR_WORD_START}(?:اكشف|اظهر|اعرض|اخبرني)${WORD_END}[^.\\n]{0,12}(?:موجه النظام|تعليمات النظام|التعليمات)`,
  ),
  ...I18N_FAMILY_RULES,
  ...I18N_SENT_OUT_RULES,
  ...I18N_HIJACK_RULES,
  ...I18N_VAGUE_OVERRIDE_RULES,
  ...ADDRESSED_CONCEALMENT_I18N_RULES,
];
