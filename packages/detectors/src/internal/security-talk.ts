/**
 * Security talk around an injection-rule hit. A post that talks about attacks
 * ("prompt injection", "for example", "beware", "we saw") and quotes or reports
 * one makes the quoted attack weigh less, but only near the hit: one such word
 * elsewhere in a long post says nothing about it. The words are read once per
 * scanned text, in its normalised view (never in a decoded or folded view,
 * where an attacker could write them in the attack's own disguise), and
 * questions are asked in original-text offsets, from any view.
 */
import { isCited, type Quotation } from './citation.js';
import { opensLine } from './line-start.js';

// The Cyrillic words of {@link SECURITY_TALK}: also looked for in the text as written (see
// {@link CYRILLIC_TALK_ALL}).
const CYRILLIC_WORDS =
  'атак|инъекц|уязвим|злоумышленн|мошенн|фраз[аыу]? (?:вроде|типа)|эксфильтрац|фильтр|опасн|скрыт(?:ый|ого) текст|анализ безопасности';

/**
 * Words of security talk (English and the languages of the multilingual rules): attacks,
 * attackers, injection, "phrases like", scams, filters, case studies, "dangerous".
 */
export const SECURITY_TALK: RegExp = new RegExp(
  String.raw`prompt[- ]?injection|injection attack|jailbreak(?:ing)? (?:attempt|prompt)s?|attackers?|\battacks?\b|\bpayloads?\b|\bexploits?\b|adversar|red[ -]team|owasp|mitigat|vulnerab|example of|for example|e\.g\.|such as|we tested|detect(?:ed|s|ion)?|classif|security research|phrases? like|guardrail|filter(?:ed|s)? (?:out|for)|\bour filter|warn(?:ing)? (?:about|against)|beware|watch out|scam|phishing|never (?:share|send|paste)|threat model|test cases?|test suite|the phrases?\b|\bwording\b|(?:white|hidden|invisible) text|\bspam\b|\bif you see\b|\bour parser\b|\bsanitiz|\bescapes?\b|keyword filters?|translit|\bfamous\b|\bwe (?:analy[sz]ed|logged|saw|found|observed)|started seeing|(?:report|flag) (?:it|them|the post|anything)|攻击|注入|漏洞|缓解|诈骗|骗子|钓鱼|攻撃|インジェクション|脆弱性|詐欺|フィッシング|공격|인젝션|취약점|사기꾼|피싱|lừa đảo|धोखाधड़ी|ठगी|${CYRILLIC_WORDS}|angriff|injektion|ataque|inyecci|attaque|attacco|aanval|\batak|tấn công|serangan|हमला|हमले|iniezione|ataque|sald[ıi]r[ıi]|enjeksiyon|هجوم|هجمات|حقن|أمني|الأمني|ثغرة|ثغرات|احتيال|محتال|تحذير|تصيد|حمله|تزریق|آسیبپذیری|کلاهبرداری|هشدار|فیشینگ|\bremoved\b|\bdeleted\b|\ba (?:post|listing|message|comment|reply) that (?:said|says|read|asked|told)\b|\bdefang|\bquoting (?:a|an|one|the|this|some)\b|security boundar|angreifer|atacantes?\b|attaquants?\b|attaccant|aggressor|aanvaller|saldırgan|saldirgan|zloumyshlenn|penyerang|inje[çc][ãa]o de prompt|inje[çc][ãa]o|security analysis|security report|sicherheitsbericht|informe de seguridad|rapport de s[ée]curit[ée]|(?:report|rapporto) di sicurezza|relat[óo]rio de seguran[çc]a|beveiligingsrapport|raport bezpiecze[ńn]stwa|malicious|malevol|b[öo]sartig|malveillant|malintencionad|kwaadaardig|z[łl]o[śs]liw|manipulat|in the wild|social engineering|sicherheitsanalyse|an[áa]lisis de seguridad|analyse de s[ée]curit[ée]|analisi (?:di|della) sicurezza|an[áa]lise de seguran[çc]a|beveiligingsanalyse|analiza bezpiecze[ńn]stwa|analisis keamanan|g[üu]venlik analizi|prompt-?inyekts|in'?yekts|testo nascosto|texto oculto|texto escondido|versteckte[nr]? text|texte cach[ée]|verborgen tekst|ukryty tekst|skryt(?:yi|yy|ye) tekst|teks tersembunyi|gizli metin|injections? de prompt|prompt-?injectie|injeksi prompt|(?:sätze|sätzen|satz|phrasen|formulierungen) wie|frases como|phrases (?:comme|du type|du genre)|frasi (?:come|tipo|del tipo)|zinnen (?:als|zoals)|(?:zdania|frazy|zwroty) (?:typu|jak|w stylu)|gibi (?:cümle|ifade|söz)|fraz[auy]? (?:vrode|tipa)|(?:kalimat|frasa) (?:seperti|semacam)|arnaque|estafa|golpista|truffa|oplicht|oszust|dolandırıc|dolandiric|moshenn|penipu|betrug|betrüger|exfiltra|filtr|caso di studio|estudo de caso|estudio de caso|étude de cas|fallstudie|studium przypadku|vaka çalışması|studi kasus|pericolos|peligros|perigos|dangereu|gefährlich|gefaehrlich|niebezpieczn|gevaarlijk|tehlikeli|berbahaya`,
  'i',
);

const SECURITY_TALK_ALL = new RegExp(SECURITY_TALK.source, 'gi');

/**
 * The Cyrillic words of {@link SECURITY_TALK}, looked for in the text as written: the normalised
 * view folds Cyrillic look-alike letters to Latin ones ("инъекция" reads "инъekция").
 */
const CYRILLIC_TALK_ALL = new RegExp(CYRILLIC_WORDS, 'giu');
const CYRILLIC = /[\u0400-\u04ff]/;

/** The spans `[start, end)` of the matches of global regex `words` in `s`. */
function wordsIn(s: string, words: RegExp): [number, number][] {
  const spans: [number, number][] = [];
  words.lastIndex = 0;
  for (let m = words.exec(s); m; m = words.exec(s)) {
    if (m[0].length === 0) {
      words.lastIndex++;
      continue;
    }
    spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** Characters of the original text on each side of a hit in which a quoted attack's security talk must be. */
export const QUOTED_REACH = 200;

/**
 * The same for reported speech ("a buyer told our bot to …"), whose syntax
 * already says it reports: about a paragraph, so a write-up's title counts.
 */
export const REPORTED_REACH = 600;

/** Maps a view's span `[a, b)` to the original text's span. */
export type ToOriginal = (a: number, b: number) => [number, number];

/** What a rule hit asks about its surroundings, in its view's offsets. */
export type HitContext = {
  /** Whether security talk lies within `reach` original characters of view span `[start, end)`. */
  near(start: number, end: number, reach: number): boolean;
  /** Whether the poster refers to the quotation (view offsets of its marks), read in the original text. */
  cited(q: Quotation): boolean;
  /** Whether view offset `start` opens a line of the original text that starts a sentence (see line-start.ts). */
  opensLine(start: number): boolean;
};

/** For views read without context (undoubled, rot13, reversed): never security talk, no lines. */
export const NO_CONTEXT: HitContext = {
  near: () => false,
  cited: () => false,
  opensLine: () => false,
};

/** The security talk of one scanned text. */
export class SecurityTalk {
  readonly #text: string;
  readonly #view: string;
  readonly #toOrig: ToOriginal;
  /** Original spans `[s, e)` of its words, flat and sorted; found on the first question. */
  #spans: number[] | undefined;

  /**
   * @param text - the scanned text
   * @param view - its normalised view, where the words are looked for
   * @param toOrig - maps a span of `view` to `text`
   */
  constructor(text: string, view: string, toOrig: ToOriginal) {
    this.#text = text;
    this.#view = view;
    this.#toOrig = toOrig;
  }

  #found(): number[] {
    if (this.#spans !== undefined) return this.#spans;
    const written = CYRILLIC.test(this.#text) ? wordsIn(this.#text, CYRILLIC_TALK_ALL) : [];
    const viewed = wordsIn(this.#view, SECURITY_TALK_ALL).map(([a, b]) => this.#toOrig(a, b));
    const pairs = [...viewed, ...written].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    this.#spans = pairs.flat();
    return this.#spans;
  }

  /** Whether one of the words lies inside original span `[lo, hi)`. */
  #within(lo: number, hi: number): boolean {
    const spans = this.#found();
    let a = 0;
    let b = spans.length / 2;
    while (a < b) {
      const mid = (a + b) >> 1;
      if ((spans[2 * mid] as number) < lo) a = mid + 1;
      else b = mid;
    }
    return a < spans.length / 2 && (spans[2 * a + 1] as number) <= hi;
  }

  /** The questions of hits in a view whose spans `toOrig` maps to the original text. */
  in(toOrig: ToOriginal): HitContext {
    return {
      near: (start, end, reach) => {
        const [s, e] = toOrig(start, end);
        return this.#within(s - reach, e + reach);
      },
      cited: (q) => {
        const open = toOrig(q.open, q.open + 1)[0];
        const close = toOrig(q.close, q.close + 1)[0];
        return isCited(this.#text, { open, close }, SECURITY_TALK);
      },
      opensLine: (start) => opensLine(this.#text, toOrig(start, start + 1)[0]),
    };
  }
}
