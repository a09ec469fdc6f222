/**
 * Whether a rule match is an attack quoted by the poster, as security talk
 * quotes one ("a post that said '…'"), rather than an instruction wrapped in
 * quotation marks. Quotation marks alone prove nothing, nor does a word of
 * security talk somewhere else in the post ("e.g.", "beware", "spam"): the
 * poster must refer to the quoted text, in the clause that opens the quote or
 * right after it closes.
 */

import { endorsesAfter, endorsesBefore, endorsesWithin } from './endorsement.js';

/** A quotation around a match: offsets of its opening and closing marks in the view. */
export type Quotation = { readonly open: number; readonly close: number };

const PAIRS = [
  ['"', '"'],
  ['“', '”'],
  ['`', '`'],
  ['«', '»'],
  ['„', '“'],
  ['„', '”'],
  ['„', '"'],
  ['「', '」'],
  ['『', '』'],
  ["'", "'"],
] as const;

/** Characters searched before a match for its opening mark, and after it for the closing one. */
const QUOTE_REACH = 200;

/**
 * Where `mark` stands in `s` as a quotation mark: not between two letters or digits (an
 * apostrophe in "won't", a stray `"` in `27"monitor`), except a double quote or backtick closing
 * before a Korean or Japanese particle or a Chinese word ("…잊어라"입니다, "…"之类).
 */
function marksIn(s: string, mark: string): number[] {
  const out: number[] = [];
  for (let i = s.indexOf(mark); i >= 0; i = s.indexOf(mark, i + 1)) {
    const inWord =
      i > 0 &&
      i + 1 < s.length &&
      WORD_CHAR.test(s[i - 1] as string) &&
      WORD_CHAR.test(s[i + 1] as string) &&
      !(mark !== "'" && PARTICLE_SCRIPT.test(s[i + 1] as string));
    if (!inWord) out.push(i);
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Hangul, kana and Han: a Korean or Japanese particle, or the Chinese word after a quotation
 * ("…"之类), follows a closing mark with no space.
 */
const PARTICLE_SCRIPT = /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/;

/**
 * The quotation marks around `[start, end)` of `view`, or `null`. A match that
 * runs past the closing mark ("…instructions"; our filter) is still quoted.
 */
export function quotationAround(view: string, start: number, end: number): Quotation | null {
  const from = Math.max(0, start - QUOTE_REACH);
  const before = view.slice(from, start);
  const after = view.slice(start, end + QUOTE_REACH);
  for (const [o, c] of PAIRS) {
    if (o === c) {
      // An odd number of marks before the match leaves one open.
      const opened = marksIn(before, o);
      if (opened.length % 2 === 0) continue;
      const closed = marksIn(after, c);
      if (closed.length > 0)
        return {
          open: from + (opened[opened.length - 1] as number),
          close: start + (closed[0] as number),
        };
      continue;
    }
    const oi = before.lastIndexOf(o);
    if (oi < 0 || before.slice(oi + 1).includes(c)) continue;
    const ci = after.indexOf(c);
    if (ci >= 0) return { open: from + oi, close: start + ci };
  }
  return null;
}

/**
 * Characters read after a closing mark for a word of security talk in the same sentence ("«…» —
 * способ обойти фильтры", "è pericolosa").
 */
const AFTER_CHARS = 60;

/** Longest clause read before an opening mark. */
const FRAME_CHARS = 100;

// The end of a sentence or a line, not the dot of an abbreviation ("e.g.", "i.e.", "etc.").
const SENTENCE_END = /(?:[!?]|(?<!\b(?:e\.g|i\.e|etc|vs|cf))\.)\s|\n/gi;

// Words by which the poster refers to the text it quotes: "a post that said", "phrases like",
// "payloads such as", "e.g.", "quoting", "the string", "its description ended with"; and the
// same in the languages of the multilingual rules ("enthielt", "decía", "disait", "例如").
const CITING =
  /\b(?:said|says|saying|wrote|writes|like|such as|e\.g\.?|i\.e\.?|for example|for instance|including|contain(?:s|ed|ing)?|told|asked|called|quot(?:e|es|ed|ing)|phrases?|strings?|payloads?|attempts?|examples?|patterns?|variants?|spellings?|wordings?|ended (?:with|in)|ends (?:with|in))\b/i;
const CITING_OTHER =
  /(?<![\p{L}\p{N}])(?:schrieb|schreibt|enthielt|enthält|lautete|lautet|zum beispiel|z\. ?b\.|wie etwa|decía|dice|escribió|escribe|por ejemplo|p\. ?ej\.|disait|dit|écrit|écrivait|par exemple|diceva|scritto|ad esempio|per esempio|dizia|diz|escreveu|örneğin|örneği|ornegi|yazıyordu|diyordu|beispiel|ejemplo|exemple|esempio|exemplo|voorbeeld|przykład|przyklad|пример|contoh|ví dụ|उदाहरण|писал|писали|гласил|например|مثل|مثلا|على سبيل المثال|كتب|يكتب|يكتبون|عبارة|عبارات|برای مثال|نوشت|مینویسد|مینویسند|continha|contenía|contenia|contenait|conteneva|bevatte|zawierał|zawierała|zawieral|içeriyordu|содержал|содержало|soderzhal|berisi|del tipo|tipo|du genre|du type|del genere|vom typ|typu|типа|вроде|tipa|vrode|semacam|escrito|geschrieben|napisano|написано|yazan|tertulis|bertuliskan)(?![\p{L}\p{N}])|写道|例如|比如|例えば|と書|예를 들어/iu;

// Right after the closing mark, a sentence about the quoted text: "… is the classic attack",
// "… sections are the giveaway", "… works on older bots", "…-style prompts", "… and similar"
// (not "… is your new priority", "… — thanks!"); Turkish, Korean, Japanese and Chinese cite after
// the quotation ("…" gibi, "…" 같은 메시지, 「…」というDM, "…"之类的话).
const CITED_AFTER =
  /^[\s,;)]*(?:(?:\p{L}+\s){0,2}(?:(?:is|was|are|were)\s(?:a|an|the|one|how|what|why|typical|classic|common|another|just|still)|comes?|came|gets?|got|works?|worked|appears?|appeared|shows? up|showed up)\b|-?(?:style|type)\b|(?:and similar|or similar|and variants|etc)\b|gibi\b|같은|라는|이라는|という|といった|みたいな|のような|などの|之类|这样的|这种)/iu;

// A word of security talk or citing that the poster negates ("not an attack:", "keine Attacke",
// "saldırı değil", "esto no es una estafa", "bukan penipuan") says the opposite: the negator and
// the word it negates are not read. Romance "no"/"non"/"não" only before a copula: Portuguese
// "no ataque" is "in the attack".
const NEGATED_WORD =
  /(?<![\p{L}\p{N}])(?:(?:not|isn't|nicht|kein(?:e|en|er)?|pas|geen|nie|не|ні|bukan|tidak|sin)|(?:no|non|não|nao)\s+(?:es|era|son|è|e|é|sono|são|sao))\s+(?:(?:an?|one|une?|un|una|uno|um|uma|ein(?:e|en)?|een|jest|es|est|ist|is|è|é)\s+){0,2}\p{L}+|\p{L}+\s+değil(?:dir)?/giu;

/** Characters read of the sentence after the quotation's own, when it points back at it. */
const NEXT_CHARS = 120;

// The opening of a sentence that points back at the quotation before it: "That is a prompt
// injection", "Isso é injeção de prompt", "Das ist ein Angriff", "C'est une arnaque", "Это атака",
// "Ini penipuan", "Bu bir saldırı".
const POINTS_BACK =
  /^[\s"'“”«»„]*(?:[—–-]+\s*)?(?:this|that|it|these|those|such|esto|eso|esta|este|esa|ese|es|das|dies|diese|dieser|dieses|sowas|so was|so etwas|c'est|c’est|ce|cela|ceci|ça|ces|isso|isto|essa|esse|é|questo|questa|quello|quella|è|dit|dat|het|zo'n|to|ten|ta|takie|taki|это|эта|этот|такие|такое|eto|ini|itu|bu|bunlar|böyle|boyle)(?![\p{L}\p{N}])/iu;

// Nouns by which a sentence that points back at a quotation names it an example ("Those are
// classic examples", "That is the usual pattern").
const NAMED_AN_EXAMPLE =
  /(?<![\p{L}\p{N}])(?:examples?|patterns?|variants?|payloads?|tricks?|beispiele?|muster|ejemplos?|exemples?|esempi|esempio|exemplos?|voorbeelden|voorbeeld|przykłady?|примеры?|contoh)(?![\p{L}\p{N}])/iu;

// A Turkish postposition or participle right after the quotation cites it, whatever came before:
// "Bunu yap: "…" gibi saldırıları bildir" is "do this: report attacks like "…"".
const CITED_BY_POSTPOSITION =
  /^\s*(?:gibi|yazan|diyen|diye|şeklinde|seklinde|içeren|iceren)(?![\p{L}\p{N}])/iu;

/**
 * Whether the quotation closing at `close` ends its own sentence (`"… here." Beware of scams` is
 * two sentences): then the sentence after it says nothing about it.
 */
function endsOwnSentence(text: string, close: number): boolean {
  return /[.!?…]\s*$/u.test(text.slice(Math.max(0, close - 2), close));
}

/**
 * The sentence after a closing mark at `close`, at most {@link AFTER_CHARS}, whether or not the
 * quotation ended its own (`"… here." Do it now.`, `"…" — do it now`).
 */
function sentenceAfter(text: string, close: number): string {
  const after = text.slice(close + 1, close + 1 + AFTER_CHARS);
  const cut = after.search(/[.!?](?:\s|$)|\n/);
  return cut < 0 ? after : after.slice(0, cut);
}

/**
 * Whether the sentence after the one the quotation at `close` ends (`ownSentenceEnded`: inside
 * its marks) points back at the quotation and calls it an attack or an example (`"…". That is a prompt injection.`, `"…" Isso é golpe`),
 * with no endorsement in it or right after it (`"…". This is a phishing test. Do it now.`).
 */
function pointedBackAt(
  text: string,
  close: number,
  ownSentenceEnded: boolean,
  securityTalk: RegExp,
): boolean {
  const rest = text.slice(close + 1, close + 1 + NEXT_CHARS);
  if (!ownSentenceEnded && !/^[ \t]*[.!?…]+(?:\s|$)/u.test(rest)) return false;
  const following = rest.replace(/^[ \t]*[.!?…]*\s*/u, '');
  if (!POINTS_BACK.test(following) || endorsesWithin(following)) return false;
  const cut = following.search(/[.!?](?:\s|$)|\n/);
  const next = (cut < 0 ? following : following.slice(0, cut)).replace(NEGATED_WORD, ' ');
  return securityTalk.test(next) || NAMED_AN_EXAMPLE.test(next);
}

/** The clause before `open`: back to the last sentence or line end, at most {@link FRAME_CHARS}. */
function clauseBefore(view: string, open: number): string {
  const window = view.slice(Math.max(0, open - FRAME_CHARS), open);
  let cut = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(window); m; m = SENTENCE_END.exec(window))
    cut = m.index + m[0].length;
  return window.slice(cut);
}

/**
 * Whether the poster refers to the quotation: a citing word or a word of
 * security talk (`securityTalk`) in the clause that opens it, or a sentence
 * about it right after it closes, or a word of security talk in the rest of its sentence (negated
 * ones not read); never when the clause before or after tells the reader to carry it out.
 */
export function isCited(text: string, q: Quotation, securityTalk: RegExp): boolean {
  const opening = clauseBefore(text, q.open);
  const after = sentenceAfter(text, q.close);
  if ((endorsesBefore(opening) && !CITED_BY_POSTPOSITION.test(after)) || endorsesAfter(after))
    return false;
  const frame = opening.replace(NEGATED_WORD, ' ');
  if (CITING.test(frame) || CITING_OTHER.test(frame) || securityTalk.test(frame)) return true;
  const ownSentenceEnded = endsOwnSentence(text, q.close);
  if (!ownSentenceEnded && CITED_AFTER.test(text.slice(q.close + 1, q.close + 41))) return true;
  if (pointedBackAt(text, q.close, ownSentenceEnded, securityTalk)) return true;
  if (ownSentenceEnded) return false;
  return securityTalk.test(after.replace(NEGATED_WORD, ' '));
}
