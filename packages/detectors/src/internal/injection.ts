/**
 * Prompt-injection engine: normalise, match rules on several views of the
 * text (folded, leet-folded, de-spaced, hidden Unicode tags, reversed bidi
 * runs, rot13 when asked for), decode embedded payloads and rescan them within
 * a depth and size bound, and report invisible-character smuggling.
 */
import { type AddressNear, agentAddressNear, NO_ADDRESS } from './addressed-concealment.js';
import type { ReversedRun } from './bidi-reversed.js';
import { reverseCodePoints, reversedView, runAt } from './bidi-reversed.js';
import { quotationAround } from './citation.js';
import { findEncoded } from './decode.js';
import { foldAccents } from './diacritics.js';
import { hasDoubledWords } from './doubled.js';
import { findMultiUnitFlood } from './flood.js';
import { calibrate, severityOfConfidence } from './injection-calibration.js';
import {
  DecodingHint,
  decodingHints,
  englishRules,
  hasNewEnglishKeywords,
  hasNewEnglishWords,
  i18nRules,
  mayHoldSlip,
  primeKeywords,
} from './injection-prefilter.js';
import { AWAY_FACTOR, pointsAway } from './injection-rule-kit.js';
import type { InjectionRule } from './injection-rules.js';
import { INJECTION_RULES } from './injection-rules.js';
import type { LetterSpacedJoin } from './letter-spacing.js';
import { hasLetterSpacing, joinLetterSpaced } from './letter-spacing.js';
import { leetFold, type Normalized, normalize, rot13 } from './normalize.js';
import type { RawFinding } from './rule.js';
import {
  type HitContext,
  NO_CONTEXT,
  QUOTED_REACH,
  REPORTED_REACH,
  SecurityTalk,
} from './security-talk.js';
import { firstSentenceEnd, matchEndBefore } from './sentence-bounds.js';
import { type JoinedWords, joinSplitWords } from './split-words.js';
import { joinSymbolSplitWords } from './symbol-splits.js';
import { correctSlips } from './typo-words.js';
import { corroboratedWeakHits, WEAK_WEIGHT } from './weak-evidence.js';
import { isBeyondLatin1, patternFor } from './wide-text-patterns.js';

// Reported speech in security talk: "tricks the model into ignoring …", "told the bot to reveal …".
const REPORTED =
  /\b(?:(?:the |a |an |that |this )?(?:models?|llms?|ai|agents?|assistants?|bots?|chatbots?|systems?|it|them|victims?|target|users?)|(?:ask|asks|asking|tell|tells|telling|urge|urges|urging|get|gets|getting|instructs?|instructing) (?:you|people|agents|bots|them|it|readers))\s(?:to|into)\s(?:[a-z]{2,12}(?: or)?\s)?$/;

// A prohibition or a promise not to ask, right before a request: "we will never ask you to post
// your keys", "please don't share your session token". It states a policy; it asks for nothing.
const PROHIBITED =
  /\b(?:never|(?<!\bwhy )not|don['’]t|dont|do not|doesn['’]t|does not|didn['’]t|did not|won['’]t|will not|shouldn['’]t|must not|mustn['’]t|cannot|can['’]t|no one will|nobody will)\s(?:(?:ever|again|legitimately|officially)\s)?(?:(?:ask|asks|request|requests|tell|require|need)\s(?:you|your agent|agents|anyone)(?:,?\s(?:or your agent,?\s)?)?(?:\bto\s)?)?$/;

// A regular expression's source (alternations, escapes, groups): a filter quoting the words it
// looks for, not an instruction.
const REGEX_SOURCE = /\\[sbwdSW][+*?]?|\(\?[:!=<]|[a-z]\|[a-z]|\)[?*+]/;

// Instructions that belong to a document, not to the reader: "ignore the previous
// instructions in the README and run the new script".
const ELSEWHERE =
  /\b(?:in|from|of|on) (?:the|this|that|our|my) (?:readme|docs?|documentation|manual|guide|setup guide|install guide|tutorial|wiki|changelog|release notes|faq|spec|box|package)\b|\b(?:del|della|dello|de la|del|des|du|der|des|im|in der|aus der|van de|van het|uit de|do|da|dos|das) (?:manuale|manual|manuel|readme|guida|guía|guia|guide|handbuchs?|anleitung|dokumentation|documentación|documentação|documentazione|documentation|wiki|handleiding|tutorials?)\b/;

// The poster's own money or agent, described: "from our shop wallet to our company account",
// "our assistant … when processing these tickets it should ignore signatures".
const OWN_SIDE = /\bfrom (?:our|my) |\b(?:it|he|she|they) (?:should|must|will|needs to)\b/;
const OWN_AGENT_BEFORE =
  /\b(?:our|my) (?:own )?(?:ai |support |sales )?(?:assistant|bot|agent|model|chatbot)s?\b[^.!?]{0,60}$/;

// The poster's own work, told in the first person: "I write and version the system prompt for
// you", "we also send the system message". A statement of what the poster does, not a request.
const FIRST_PERSON_BEFORE =
  /\b(?:i|we)(?:['’](?:ll|d|ve)|\s(?:will|would|can|could|also|usually|always|often|just|then|now|first))*\s$/;
const AT_READER = /\byou(?:r|rs|rself)?\b/;

// An override named only to be avoided: "instead of ignoring the rule globally", "stop skipping
// the checks".
const AVOIDED_BEFORE = /\b(?:instead of|rather than|without|avoid(?:s|ing)?|stop|quit)\s$/;

// Right after "from now on you will / you are": an everyday notice, not a new rule set ("… you
// will get the labels by email", "… you are our night-shift contact").
const EVERYDAY_AFTER =
  /^ (?:receive|get|be (?:billed|charged|invoiced|notified|able to)|see|find|need to pay|pay|have access|our|my|responsible|in charge|subscribed|welcome)\b/;

// After a match aimed at the reader: "… for our legal assistant" names someone else's thing.
const FOR_OTHERS_AFTER = /^\s?(?:for|of|in|to) (?:our|my|their|his|her|a client's|the client's)\b/;

/** Calibrated confidence below which a rule finding is not reported (the calibration set's precision there is about one in ten). */
const MIN_CONFIDENCE = 0.3;

type Hit = { start: number; end: number; weight: number; type: string; group: string };

/** The weight of one match of `rule`: less when it names someone else's thing or is quoted or reported in security talk. */
function weightOf(
  rule: InjectionRule,
  target: string,
  start: number,
  end: number,
  context: HitContext,
): number {
  let w = rule.weakened?.when(target, start, end) === true ? rule.weakened.weight : rule.weight;
  if (
    rule.aimedAtReader === true &&
    (pointsAway(target.slice(start, end)) || FOR_OTHERS_AFTER.test(target.slice(end, end + 24)))
  )
    w *= AWAY_FACTOR;
  if (
    rule.type === 'agent-hijack' &&
    (OWN_SIDE.test(target.slice(start, end)) ||
      OWN_AGENT_BEFORE.test(target.slice(Math.max(0, start - 80), start)))
  )
    w *= AWAY_FACTOR;
  if (REGEX_SOURCE.test(target.slice(start, end))) w *= AWAY_FACTOR;
  if (
    (rule.type === 'data-exfiltration' ||
      rule.type === 'prompt-exfiltration' ||
      rule.type === 'agent-hijack') &&
    PROHIBITED.test(target.slice(Math.max(0, start - 48), start))
  )
    w *= AWAY_FACTOR;
  if (rule.type === 'instruction-override' && EVERYDAY_AFTER.test(target.slice(end, end + 32)))
    w *= AWAY_FACTOR;
  if (
    rule.type === 'instruction-override' &&
    AVOIDED_BEFORE.test(target.slice(Math.max(0, start - 16), start))
  )
    w *= AWAY_FACTOR;
  if (
    (rule.type === 'data-exfiltration' || rule.type === 'prompt-exfiltration') &&
    FIRST_PERSON_BEFORE.test(target.slice(Math.max(0, start - 40), start)) &&
    !AT_READER.test(target.slice(start, end))
  )
    w *= AWAY_FACTOR;
  if (
    rule.type === 'instruction-override' &&
    ELSEWHERE.test(target.slice(Math.max(start, end - 4), end + 48))
  )
    w *= AWAY_FACTOR;
  if (context.near(start, end, QUOTED_REACH)) {
    const quotation = quotationAround(target, start, end);
    if (quotation !== null && context.cited(quotation)) return w * 0.4;
    // An address to agents quoted from inside the match: "notes to 'any bot reading this'".
    if (rule.type === 'agent-hijack' && /\s["“'‘«]\p{L}/u.test(target.slice(start, end)))
      return w * 0.4;
  }
  if (
    context.near(start, end, REPORTED_REACH) &&
    REPORTED.test(target.slice(Math.max(0, start - 40), start))
  )
    return w * 0.45;
  return w;
}

/**
 * Where match `m` of `re` ends if it stays in the sentence it starts in: its own end, or the end
 * of the rule's match before the first sentence end inside it, or -1 when there is none.
 */
function endInSentence(re: RegExp, target: string, m: RegExpExecArray): number {
  const end = m.index + m[0].length;
  const cut = firstSentenceEnd(target, m.index, end);
  return cut < 0 ? end : matchEndBefore(re, target, m.index, cut);
}

/** Sentence marks an {@link InjectionRule.opensSentence} match may start with (see `OPENS`). */
const SENTENCE_MARKS = '.!?:';

/** A line's first word that labels what follows it ("Finish: black anodize"), not a verb. */
const LABEL = /^[\p{L}\p{N}'’-]{1,24} ?:/u;

/**
 * Whether a match of an opening rule at `start` opens a sentence: at the start, after a mark, or
 * opening a line with a word that is not a label.
 */
const opensSentenceAt = (target: string, start: number, context: HitContext): boolean =>
  start === 0 ||
  SENTENCE_MARKS.includes(target[start] as string) ||
  (context.opensLine(start) && !LABEL.test(target.slice(start, start + 26)));

/**
 * Appends the matches of `rule` in `target` to `hits`; `wide` when `target` holds a character
 * beyond Latin-1 (see {@link patternFor}); `group` is the calibration group (the finding type,
 * `:i18n` for multilingual rules).
 */
function applyRule(
  rule: InjectionRule,
  target: string,
  wide: boolean,
  context: HitContext,
  hits: Hit[],
  addressNear: AddressNear,
  group: string = rule.type,
): void {
  const re = patternFor(rule.re, wide);
  re.lastIndex = 0;
  const addressed = rule.addressedToAgent === true ? addressNear : undefined;
  let found = 0;
  for (let m = re.exec(target); m && found < 64; m = re.exec(target)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = rule.spansSentences === true ? m.index + m[0].length : endInSentence(re, target, m);
    if (
      end < 0 ||
      (rule.opensSentence === true && !opensSentenceAt(target, start, context)) ||
      rule.unless?.(target, start, end) === true ||
      addressed?.(start, end) === false
    ) {
      // A negated verb ("不要忘记，忽略…") must not hide a match that starts after it.
      re.lastIndex = start + 1;
      continue;
    }
    found++;
    re.lastIndex = end;
    hits.push({
      start,
      end,
      weight: weightOf(rule, target, start, end, context),
      type: rule.type,
      group,
    });
  }
}

/**
 * Matches of the rules worth running: English rules on `view`, multilingual
 * ones on `plain` (none when empty); `plainIsAscii` when the caller knows it;
 * `addressed` for the text's own views, where a rule may ask whether the post
 * addresses the AI reader (elsewhere such a rule matches nothing).
 */
function runRules(
  view: string,
  plain: string,
  context: HitContext,
  plainIsAscii = false,
  addressed = false,
): Hit[] {
  const hits: Hit[] = [];
  // Addresses to the AI reader are looked for in the text's own views only (not in decoded,
  // rejoined or corrected ones), once per view, by the first rule that asks.
  const viewAddress = addressed ? agentAddressNear(view) : NO_ADDRESS;
  const english = englishRules(view);
  if (english.size > 0) {
    const wide = isBeyondLatin1(view);
    for (const ri of english)
      applyRule(INJECTION_RULES[ri] as InjectionRule, view, wide, context, hits, viewAddress);
  }
  const multilingual = plain === '' ? [] : i18nRules(plain, plainIsAscii);
  if (multilingual.length > 0) {
    const wide = !plainIsAscii && isBeyondLatin1(plain);
    const plainAddress = !addressed || plain === view ? viewAddress : agentAddressNear(plain);
    for (const rule of multilingual)
      applyRule(rule, plain, wide, context, hits, plainAddress, `${rule.type}:i18n`);
  }
  return hits;
}

/**
 * A leet digit inside a word (`ign0re`), or opening one before three letters (`1gnore`,
 * `3xecute`; not `3rd`, `1st` or `5pm`): the leet view is worth building. One alternation of
 * plain classes and an anchored test (a look-behind made the search 2% of a mixed-corpus scan).
 */
const LEET = /[a-z][013457@$][a-z]|[^a-z0-9][013457][a-z]{3}/;
const LEET_FIRST = /^[013457][a-z]{3}/;

const hasLeet = (t: string): boolean => LEET.test(t) || LEET_FIRST.test(t);

/**
 * The leet fold of `view` (`ign0re` → `ignore`) when it makes English keywords
 * that `view` lacks, else undefined: only then is the folded view worth reading.
 */
function leetViewWithNewKeywords(view: string): string | undefined {
  if (!hasLeet(view)) return undefined;
  const folded = leetFold(view);
  return folded.text !== view && hasNewEnglishKeywords(view, folded.text, folded.first, folded.last)
    ? folded.text
    : undefined;
}

/** Options for {@link scanInjection}. */
export type InjectionOptions = {
  readonly maxDecodeDepth: number;
  readonly decodeBudgetChars: number;
  /** Whether to scan right-to-left override runs reversed (off inside that scan). @default true */
  readonly reversedRuns?: boolean;
  /**
   * For fitting the calibration only (bench/calibration/fit.mjs): report each
   * rule finding with its raw weight and its calibration group as its type.
   */
  readonly rawWeights?: boolean;
};

/**
 * Highest confidence of a finding that covers a join of two everyday words
 * (`comm and` read as `command`): flagged, not held, since the writer may
 * have meant the two words.
 */
const TWO_WORD_JOIN_CAP = 0.75;

/** Caps the findings of `out` from `from` on that cover one of `joins` (original offsets). */
function capTwoWordJoins(
  out: RawFinding[],
  from: number,
  joins: readonly (readonly [number, number])[],
): void {
  if (joins.length === 0) return;
  for (let k = from; k < out.length; k++) {
    const f = out[k] as RawFinding;
    if (f.confidence <= TWO_WORD_JOIN_CAP) continue;
    if (!joins.some(([s, e]) => s < f.end && e > f.start)) continue;
    out[k] = {
      ...f,
      confidence: TWO_WORD_JOIN_CAP,
      severity: severityOfConfidence(TWO_WORD_JOIN_CAP),
    };
  }
}

/** One finding per right-to-left override run whose reversed text holds an injection. */
function emitReversedRuns(text: string, opts: InjectionOptions, out: RawFinding[]): void {
  const view = reversedView(text);
  if (view === null) return;
  const inner = scanInjection(view.text, { ...opts, maxDecodeDepth: 0, reversedRuns: false });
  const flagged = new Set(inner.map((f) => runAt(view, f.start)));
  for (const index of flagged) {
    const run = view.runs[index] as ReversedRun;
    out.push({
      category: 'injection',
      type: 'bidi-reversed-injection',
      start: run.start,
      end: run.end,
      confidence: 0.9,
      severity: 'high',
    });
  }
}

/**
 * Injection findings with offsets into `text`.
 * @param asciiKeywords - when `text` is ASCII, the prefilter keywords it holds
 *   (found by the caller's whitespace-folding keyword scan of `text`)
 * @param normalized - `normalize(text)`, when the caller already has it (the learned stage reads it too)
 */
export function scanInjection(
  text: string,
  opts: InjectionOptions,
  asciiKeywords?: number[],
  normalized?: Normalized,
): RawFinding[] {
  const out: RawFinding[] = [];
  const n = normalized ?? normalize(text);
  // ASCII text normalises to itself lower-cased with whitespace runs folded: the same keywords.
  if (asciiKeywords !== undefined && n.ascii) primeKeywords(n.text, asciiKeywords);
  const toOrig = (a: number, b: number): [number, number] => {
    const s = n.map[a] as number;
    const lastIdx = n.map[Math.max(a, b - 1)] as number;
    const c = text.charCodeAt(lastIdx);
    const e = lastIdx + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
    return [s, Math.min(e, text.length)];
  };
  // Security talk is read in the text as written (its normalised view), never in a decoded or
  // folded view, where an attacker could spell it in the attack's own disguise.
  const talk = new SecurityTalk(text, n.text, toOrig);
  // The normalised view and the views of its length (plain, leet-folded) share its offsets.
  const context = talk.in(toOrig);
  const emit = (hits: readonly Hit[], map: (a: number, b: number) => [number, number]): void => {
    if (hits.length === 0) return;
    const corroborated = corroboratedWeakHits(hits);
    const chosen = hits.filter((h) => h.weight >= WEAK_WEIGHT || corroborated.has(h));
    for (const h of chosen) {
      const [s, e] = map(h.start, h.end);
      const c = opts.rawWeights === true ? Math.min(1, h.weight) : calibrate(h.group, h.weight);
      if (opts.rawWeights !== true && c < MIN_CONFIDENCE) continue;
      out.push({
        category: 'injection',
        type: opts.rawWeights === true ? h.group : h.type,
        start: s,
        end: e,
        confidence: c,
        severity: severityOfConfidence(c),
      });
    }
  };
  // A view of the English words joined or corrected (`JoinedWords`), mapped back through its map.
  // The multilingual rules read it too when it comes with a plain view of its own.
  const emitWordView = (view: Pick<JoinedWords, 'text' | 'map'>, plain = ''): void => {
    const viewToOrig = (a: number, b: number): [number, number] =>
      toOrig(view.map[a] as number, (view.map[Math.max(a, b - 1)] as number) + 1);
    emit(runRules(view.text, plain, talk.in(viewToOrig)), viewToOrig);
  };
  emit(runRules(n.text, n.plain, context, n.ascii, true), toOrig);
  // Read now, while the keywords of `n.text` are still the ones at hand.
  const hints = decodingHints(n.text);
  const slipsWorthReading = mayHoldSlip(n.text);
  // Leet view only when folding digits creates keywords the plain view lacks.
  const leet = leetViewWithNewKeywords(n.text);
  if (leet !== undefined) emit(runRules(leet, leet, context), toOrig);
  // Words split by a mark a reader reads through (`ig-nore`, `dis'regard`, `a.p.i.`), read joined
  // when that makes words of the English rules the plain view lacks.
  const joinedWords = joinSplitWords(n.text);
  if (
    joinedWords !== undefined &&
    hasNewEnglishWords(n.text, joinedWords.text, joinedWords.first, joinedWords.last)
  )
    emitWordView(joinedWords);
  // Words of any language split by an emoji, another symbol or a punctuation mark (`c😀ontents`,
  // `Ver★giss`, `ig•nore`), read joined by the rules of every language: honest text seldom glues
  // such a mark to letters on both sides, so the view seldom exists.
  if (!n.ascii) {
    const symbolJoined = joinSymbolSplitWords(n.text, n.plain);
    if (symbolJoined !== undefined) emitWordView(symbolJoined, symbolJoined.plain);
  }
  // One-character slips in the words injections are made of (`ignroe`, `yuor`, `ign ore`), read
  // as the word meant, in texts with another word of that kind or a slip of a load-bearing one
  // (`mayHoldSlip`). Read whenever there is one: a slip may keep the keyword it spoils (`ignoree`
  // still holds `ignor`), and few posts hold one. Findings resting on a join of two everyday
  // words (`comm and`) are capped below held.
  const corrected = slipsWorthReading ? correctSlips(n.text) : undefined;
  if (corrected !== undefined) {
    const before = out.length;
    emitWordView(corrected);
    const joins = corrected.twoWordJoins.map(([a, b]) => toOrig(a, b));
    capTwoWordJoins(out, before, joins);
  }
  // Accented Latin letters read as ASCII ("Ïgnörë àll prévïous", "Revéal"), for the English rules
  // only (the other languages' rules need their accents), when that makes words of their
  // vocabulary the plain view lacks.
  if (!n.ascii) {
    const unaccented = foldAccents(n.text);
    if (unaccented.first >= 0) {
      // Accents and leet digits together ("ign0rë"): the leet fold of the accent-free view.
      const view = hasLeet(unaccented.text) ? leetFold(unaccented.text).text : unaccented.text;
      if (hasNewEnglishWords(n.text, view, unaccented.first, unaccented.last))
        emit(runRules(view, '', context), toOrig);
    }
  }
  // Letter-spaced and vertical text: "i g n o r e   a l l", one letter a line. Drop single spaces
  // between single characters (and line breaks in a column of them), keep wider gaps as word
  // breaks; map back via an index table.
  if (hasLetterSpacing(text)) {
    const emitJoined = (join: LetterSpacedJoin): void => {
      const n2 = normalize(join.text);
      const spacedToOrig = (a: number, b: number): [number, number] => {
        const s0 = join.origin[n2.map[a] as number] as number;
        const e0 = (join.origin[n2.map[Math.max(a, b - 1)] as number] as number) + 1;
        return [s0, Math.min(e0, text.length)];
      };
      // The English rules read the joined letters without their accents (`i g n ö r e`) and, when
      // that makes English keywords appear, with leet digits folded (`i g n 0 r 3`).
      const unaccented = foldAccents(n2.text).text;
      const spacedContext = talk.in(spacedToOrig);
      emit(runRules(unaccented, n2.plain, spacedContext), spacedToOrig);
      const spacedLeet = leetViewWithNewKeywords(unaccented);
      if (spacedLeet !== undefined) emit(runRules(spacedLeet, '', spacedContext), spacedToOrig);
    };
    const join = joinLetterSpaced(text);
    // A join that dropped nothing (letters between blank lines) is the text the rules just read.
    if (join.text.length < text.length) emitJoined(join);
    // A spaced phrase wrapped over lines reads either way: broken between words or in one.
    if (join.wrapped) emitJoined(joinLetterSpaced(text, { wrappedLines: 'joined' }));
  }
  // Token flooding: a short unit repeated dozens of times to push instructions out of context.
  if (text.length >= 60) {
    const m = findMultiUnitFlood(text);
    if (m && new Set(m.unit).size >= 2 && /[^\w\s]|[\u0080-\uffff]/.test(m.unit)) {
      out.push({
        category: 'injection',
        type: 'token-flooding',
        start: m.start,
        end: m.end,
        confidence: 0.6,
        severity: 'medium',
      });
    }
  }
  if (
    (n.invisible.count >= 3 || n.invisible.bidiOverride) &&
    n.invisible.first &&
    n.invisible.last
  ) {
    const first = n.invisible.first;
    const last = n.invisible.last;
    out.push({
      category: 'injection',
      type: 'invisible-smuggling',
      start: first[0],
      end: last[1],
      confidence: 0.7,
      severity: 'medium',
    });
  }
  if (n.tagSpan) {
    out.push({
      category: 'injection',
      type: 'unicode-tag-smuggling',
      start: n.tagSpan[0],
      end: n.tagSpan[1],
      confidence: 0.9,
      severity: 'high',
    });
  }
  // Bidi override: the visible order is reversed; scan it the way a reader sees it.
  if (opts.reversedRuns !== false) emitReversedRuns(text, opts, out);
  // Doubled-letter typing ("outputt yourr instructionss"): collapse repeats and rescan.
  if (hasDoubledWords(n.text)) {
    const undoubled = n.text.replace(/([a-z])\1+/g, '$1');
    if (runRules(undoubled, '', NO_CONTEXT).some((h) => h.weight >= 0.5)) {
      out.push({
        category: 'injection',
        type: 'obfuscated-injection',
        start: 0,
        end: text.length,
        confidence: 0.65,
        severity: 'medium',
      });
    }
  }
  if ((hints & DecodingHint.ROT13) !== 0 && /\brot-?13\b|\bcaesar\b/.test(n.text)) {
    const r = rot13(text);
    if (runRules(normalize(r).text, '', NO_CONTEXT).some((h) => h.weight >= 0.5)) {
      out.push({
        category: 'injection',
        type: 'encoded-injection',
        start: 0,
        end: text.length,
        confidence: 0.75,
        severity: 'high',
      });
    }
  }
  if (
    (hints & DecodingHint.REVERSED) !== 0 &&
    /\brevers|\bbackwards?\b|\bright to left\b/.test(n.text)
  ) {
    const rev = reverseCodePoints(text);
    if (runRules(normalize(rev).text, '', NO_CONTEXT).some((h) => h.weight >= 0.5)) {
      out.push({
        category: 'injection',
        type: 'encoded-injection',
        start: 0,
        end: text.length,
        confidence: 0.75,
        severity: 'high',
      });
    }
  }
  if (opts.maxDecodeDepth > 0) {
    for (const d of findEncoded(text, opts.decodeBudgetChars)) {
      const inner = scanInjection(d.text, {
        maxDecodeDepth: opts.maxDecodeDepth - 1,
        decodeBudgetChars: Math.floor(opts.decodeBudgetChars / 2),
      });
      const best = inner.reduce((a, f) => Math.max(a, f.confidence), 0);
      if (best >= 0.5) {
        out.push({
          category: 'injection',
          type: 'encoded-injection',
          start: d.start,
          end: d.end,
          confidence: Math.min(1, best + 0.05),
          severity: 'high',
        });
      }
    }
    if (n.tagText) {
      const inner = scanInjection(n.tagText, { ...opts, maxDecodeDepth: opts.maxDecodeDepth - 1 });
      if (inner.length > 0 && n.tagSpan) {
        out.push({
          category: 'injection',
          type: 'unicode-tag-injection',
          start: n.tagSpan[0],
          end: n.tagSpan[1],
          confidence: 0.95,
          severity: 'critical',
        });
      }
    }
  }
  return out;
}
