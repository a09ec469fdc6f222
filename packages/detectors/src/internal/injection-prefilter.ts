/**
 * Which injection rules are worth running on a text: one keyword automaton
 * over the English rules' keywords and the multilingual rules' anchors, run
 * once per distinct text (the folded and plain views are usually the same
 * string) and shared by every question asked about that text.
 */
import type { Automaton } from './aho.js';
import { buildAutomaton } from './aho.js';
import type { InjectionRule } from './injection-rules.js';
import { INJECTION_I18N_RULES, INJECTION_RULES } from './injection-rules.js';

type Index = {
  readonly ac: Automaton;
  /** keyword index → English rule indexes. */
  readonly english: readonly (readonly number[])[];
  /** keyword index → multilingual rule indexes. */
  readonly i18n: readonly (readonly number[])[];
};

function buildIndex(): Index {
  const kws: string[] = [];
  const pos = new Map<string, number>();
  const english: number[][] = [];
  const i18n: number[][] = [];
  const slot = (k: string): number => {
    let i = pos.get(k);
    if (i === undefined) {
      i = kws.length;
      pos.set(k, i);
      kws.push(k);
      english.push([]);
      i18n.push([]);
    }
    return i;
  };
  INJECTION_RULES.forEach((r, ri) => {
    for (const k of r.keywords) (english[slot(k)] as number[]).push(ri);
  });
  INJECTION_I18N_RULES.forEach((r, ri) => {
    for (const k of r.keywords) (i18n[slot(k)] as number[]).push(ri);
  });
  return { ac: buildAutomaton(kws), english, i18n };
}

let index: Index | undefined;
// The last text asked about and its keywords (first-occurrence order): one entry, so bounded.
let lastText: string | undefined;
let lastKeywords: number[] = [];

function keywordsIn(text: string): { idx: Index; kws: number[] } {
  index ??= buildIndex();
  if (text !== lastText) {
    lastKeywords = index.ac.present(text);
    lastText = text;
  }
  return { idx: index, kws: lastKeywords };
}

/** English rules with a keyword in `view`, in order of first keyword occurrence. */
export function englishRules(view: string): Set<number> {
  const { idx, kws } = keywordsIn(view);
  const active = new Set<number>();
  for (const k of kws) for (const ri of idx.english[k] as number[]) active.add(ri);
  return active;
}

/** True when `view` holds an English rule keyword that `base` lacks. */
export function hasNewEnglishKeywords(base: string, view: string): boolean {
  const { idx, kws: inBase } = keywordsIn(base);
  const had = new Set(inBase);
  for (const k of keywordsIn(view).kws)
    if (!had.has(k) && (idx.english[k] as number[]).length > 0) return true;
  return false;
}

const NON_ASCII = /[\u0080-\uffff]/;

// The distinct script classes, and each multilingual rule's index among them.
const SCRIPTS: readonly RegExp[] = [
  ...new Set(INJECTION_I18N_RULES.flatMap((r) => (r.script ? [r.script] : []))),
];
const SCRIPT_OF: readonly number[] = INJECTION_I18N_RULES.map((r) =>
  r.script ? SCRIPTS.indexOf(r.script) : -1,
);
// Whether each script class matches some ASCII character (if not, ASCII text lacks the script).
const SCRIPT_MATCHES_ASCII: readonly boolean[] = SCRIPTS.map((re) => {
  for (let c = 0; c < 128; c++) if (re.test(String.fromCharCode(c))) return true;
  return false;
});

/**
 * Multilingual rules worth running on `plain`: their script occurs and, for
 * rules with anchors, one of the anchors (or any non-ASCII character) does too.
 */
export function i18nRules(plain: string): InjectionRule[] {
  const out: InjectionRule[] = [];
  const nonAscii = NON_ASCII.test(plain);
  // Script answers as bits (asked, present; there are far fewer than 31 scripts): no allocation.
  let asked = 0;
  let present = 0;
  let anchorsRead = false;
  for (let ri = 0; ri < INJECTION_I18N_RULES.length; ri++) {
    const rule = INJECTION_I18N_RULES[ri] as InjectionRule;
    const si = SCRIPT_OF[ri] as number;
    if (si < 0) continue;
    const bit = 1 << si;
    if ((asked & bit) === 0) {
      asked |= bit;
      const script = SCRIPTS[si] as RegExp;
      if ((nonAscii || SCRIPT_MATCHES_ASCII[si] === true) && script.test(plain)) present |= bit;
    }
    if ((present & bit) === 0) continue;
    if (rule.keywords.length > 0 || rule.nonAscii) {
      if (!anchorsRead) {
        anchorsRead = true;
        markAnchored(plain);
      }
      if (anchoredIn[ri] !== anchorCall && !(rule.nonAscii === true && nonAscii)) continue;
    }
    out.push(rule);
  }
  return out;
}

// Per multilingual rule: the call that last found one of its anchors.
const anchoredIn = new Int32Array(INJECTION_I18N_RULES.length);
let anchorCall = 0;

function markAnchored(plain: string): void {
  if (anchorCall === 0x7fffffff) {
    anchoredIn.fill(0);
    anchorCall = 0;
  }
  anchorCall++;
  const { idx, kws } = keywordsIn(plain);
  for (const k of kws) for (const r of idx.i18n[k] as number[]) anchoredIn[r] = anchorCall;
}
