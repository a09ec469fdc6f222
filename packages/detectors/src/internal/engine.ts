/**
 * The compiled scanner: validated options, one keyword scanner over every
 * secret/PII rule plus the generic credential keywords, and the three engines.
 */
import { DetectorError, DetectorErrorCode } from '../errors.js';
import type { Category, CustomRule, Finding, ScanOptions, ScanReport, Severity } from '../types.js';
import type { BudgetMeter, ResolvedBudget } from './budget.js';
import { resolveBudget, sliceChars, startMeter } from './budget.js';
import { finalize, MAX_FINDINGS } from './finalize.js';
import { GENERIC_KEYWORDS, genericAt } from './generic-secret.js';
import { scanInjection } from './injection.js';
import { injectionKeywords } from './injection-prefilter.js';
import type { KeywordScanner } from './keyword-scan.js';
import { buildKeywordScanner } from './keyword-scan.js';
import { normalize } from './normalize.js';
import { checkDetectorOptions, customRuleSpec, SCAN_SPEC } from './option-keys.js';
import { findPhones } from './pii-phone.js';
import { PII_RULES } from './pii-rules.js';
import { isPlaceholder } from './placeholder.js';
import type { RawFinding, Rule } from './rule.js';
import { checkPatternSafety } from './safe-pattern.js';
import { SECRET_RULES } from './secret-rules.js';
import type { SecretView } from './secret-views.js';
import { nextViews, originalSpan, viewBudget } from './secret-views.js';
import type { ResolvedSemantic } from './semantic/combine.js';
import { combineSemantic } from './semantic/combine.js';
import { resolveSemantic } from './semantic/options.js';
import { casedKeywords, viewTriggerKeywords } from './view-triggers.js';

/** Fully resolved options. */
export type Resolved = {
  readonly categories: ReadonlySet<Category>;
  readonly types: ReadonlySet<string> | undefined;
  readonly excludeTypes: ReadonlySet<string>;
  readonly allowlist: ReadonlySet<string>;
  readonly minConfidence: number;
  readonly maxInputChars: number;
  readonly oversize: 'window' | 'reject';
  readonly maxDecodeDepth: number;
  /** Operating points of the learned injection stage; undefined when it is off. */
  readonly semantic: ResolvedSemantic | undefined;
  /** The work budget of each scan, if any. */
  readonly budget: ResolvedBudget | undefined;
  readonly rules: readonly Rule[];
  /** Finds the keywords of the wanted rules (and the generic credential keywords). */
  readonly keywords: KeywordScanner;
  /** keyword index → indexes of rules in the wanted categories (−1 − i encodes generic keyword i). */
  readonly byKw: readonly (readonly number[])[];
  /** Keyword-less rules in the wanted categories. */
  readonly alwaysRules: readonly number[];
  /** For generic keywords: index into GENERIC_KEYWORDS. */
  readonly genericIndex: Int32Array;
  /** Scratch flags (rules taken), all zero between calls, so a scan allocates none. */
  readonly taken: Uint8Array;
  /**
   * Where the injection prefilter's keywords start among `keywords` (−1: not
   * there), when one whitespace-folding scan serves both prefilters.
   */
  readonly injectionFrom: number;
  /** Keyword index → the decoded views its presence asks for ({@link ViewTrigger} bits). */
  readonly viewTriggers: Uint8Array;
};

const WINDOW_OVERLAP = 4096;
const CATS: readonly Category[] = ['secret', 'pii', 'injection'];
const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

function invalid(field: string, what: string): DetectorError {
  return new DetectorError(
    DetectorErrorCode.INVALID_OPTIONS,
    `invalid option \`${field}\`: expected ${what}`,
    { field },
  );
}

function stringList(v: unknown, field: string): readonly string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    throw invalid(field, 'an array of strings');
  return v as string[];
}

function compileCustom(c: CustomRule, i: number): Rule {
  const f = `customRules[${i}]`;
  if (typeof c !== 'object' || c === null) throw invalid(f, 'an object');
  checkDetectorOptions(c, customRuleSpec(i));
  if (typeof c.type !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(c.type))
    throw invalid(`${f}.type`, 'a lower-case kebab-case name');
  if (!CATS.includes(c.category)) throw invalid(`${f}.category`, "'secret', 'pii' or 'injection'");
  if (c.severity !== undefined && !SEVERITIES.includes(c.severity))
    throw invalid(`${f}.severity`, 'low, medium, high or critical');
  if (c.confidence !== undefined && !(c.confidence >= 0 && c.confidence <= 1))
    throw invalid(`${f}.confidence`, 'a number in [0, 1]');
  const keywords = stringList(c.keywords, `${f}.keywords`) ?? [];
  if (!keywords.every((k) => /^[\x20-\x7e]{1,64}$/.test(k)))
    throw invalid(`${f}.keywords`, 'printable ASCII keywords, 1–64 chars');
  const source =
    typeof c.pattern === 'string'
      ? c.pattern
      : c.pattern instanceof RegExp
        ? c.pattern.source
        : undefined;
  if (source === undefined) throw invalid(`${f}.pattern`, 'a string or RegExp');
  const flags = c.pattern instanceof RegExp ? c.pattern.flags.replace(/[^imsu]/g, '') : '';
  const check = checkPatternSafety(source);
  if (!check.ok) {
    throw new DetectorError(
      DetectorErrorCode.UNSAFE_PATTERN,
      `unsafe pattern in \`${f}.pattern\`: ${check.reason}`,
      { field: `${f}.pattern` },
    );
  }
  let re: RegExp;
  try {
    re = new RegExp(source, `g${flags}`);
  } catch (cause) {
    throw new DetectorError(
      DetectorErrorCode.INVALID_OPTIONS,
      `invalid option \`${f}.pattern\`: expected a valid regular expression`,
      { field: `${f}.pattern`, cause },
    );
  }
  if (re.test('')) throw invalid(`${f}.pattern`, 'a pattern that cannot match the empty string');
  return {
    category: c.category,
    type: c.type,
    keywords: keywords.map((k) => k.toLowerCase()),
    re,
    severity: c.severity ?? 'high',
    confidence: c.confidence ?? 0.8,
    placeholderCheck: c.category === 'secret',
  };
}

type Index = {
  keywords: KeywordScanner;
  byKw: number[][];
  always: number[];
  genericIndex: Int32Array;
  taken: Uint8Array;
  injectionFrom: number;
  viewTriggers: Uint8Array;
};

/** Built-in indexes, one per category set (at most eight). */
const builtinCache = new Map<string, Index>();

/**
 * Keyword scanner over the rules of the wanted categories (and the generic
 * credential keywords when secrets are wanted). Keywords keep the order they
 * have in the index over every rule, so rules run in the same order whatever
 * the category set. With `builtIn` (no custom rules: the index is cached) and
 * injection wanted alongside secrets or PII, the scanner also finds the
 * injection prefilter's keywords; custom keywords stay out of that shared,
 * whitespace-folding scan (any printable keyword is allowed, and an index
 * built per call should stay small).
 */
function index(rules: readonly Rule[], cats: ReadonlySet<Category>, builtIn: boolean): Index {
  const all: string[] = [];
  const pos = new Map<string, number>();
  const lists: number[][] = [];
  const add = (k: string, v: number | undefined): void => {
    let i = pos.get(k);
    if (i === undefined) {
      i = all.length;
      pos.set(k, i);
      all.push(k);
      lists.push([]);
    }
    if (v !== undefined) (lists[i] as number[]).push(v);
  };
  const always: number[] = [];
  rules.forEach((r, ri) => {
    const wanted = cats.has(r.category);
    if (r.keywords.length === 0 && wanted) always.push(ri);
    for (const k of r.keywords) add(k, wanted ? ri : undefined);
  });
  const wantGeneric = cats.has('secret');
  GENERIC_KEYWORDS.forEach((k, gi) => {
    add(k, wantGeneric ? -1 - gi : undefined);
  });
  // The keywords that ask for decoded views ride in the same scan (view-triggers.ts).
  const triggers =
    cats.has('secret') || cats.has('pii')
      ? viewTriggerKeywords(
          rules
            .filter((r) => r.category === 'secret' && r.viewTrigger !== false)
            .flatMap((r) => r.keywords),
          casedKeywords(rules.filter((r) => r.category === 'secret' && r.viewTrigger !== false)),
        )
      : new Map<string, number>();
  for (const k of triggers.keys()) add(k, undefined);
  const kws: string[] = [];
  const byKw: number[][] = [];
  all.forEach((k, i) => {
    const list = lists[i] as number[];
    if (list.length === 0 && !triggers.has(k)) return;
    kws.push(k);
    byKw.push(list);
  });
  // With injection and secrets or PII wanted, one scan also finds the injection keywords.
  const shared = builtIn && cats.has('injection') && (cats.has('secret') || cats.has('pii'));
  const injectionFrom = shared ? kws.length : -1;
  const viewTriggers = new Uint8Array(kws.length + (shared ? injectionKeywords().length : 0));
  kws.forEach((k, i) => {
    viewTriggers[i] = triggers.get(k) ?? 0;
  });
  if (shared) {
    for (const k of injectionKeywords()) {
      kws.push(k);
      byKw.push([]);
    }
  }
  const genericKw = new Uint8Array(kws.length);
  const genericIndex = new Int32Array(kws.length).fill(-1);
  byKw.forEach((list, k) => {
    for (const v of list) {
      if (v < 0) {
        genericKw[k] = 1;
        genericIndex[k] = -1 - v;
      }
    }
  });
  return {
    keywords: buildKeywordScanner(kws, genericKw, { foldWhitespace: shared }),
    byKw,
    always,
    genericIndex,
    taken: new Uint8Array(rules.length),
    injectionFrom,
    viewTriggers,
  };
}

/**
 * Validates options and compiles the rule set.
 * @throws {DetectorError} DETECTORS_INVALID_OPTIONS or DETECTORS_UNSAFE_PATTERN
 */
export function resolveOptions(options: ScanOptions | undefined): Resolved {
  const o = options ?? {};
  if (typeof o !== 'object' || o === null) throw invalid('options', 'an object');
  checkDetectorOptions(o, SCAN_SPEC);
  const cats = stringList(o.categories, 'categories') ?? CATS;
  for (const c of cats)
    if (!CATS.includes(c as Category))
      throw invalid('categories', "'secret', 'pii' and/or 'injection'");
  const types = stringList(o.types, 'types');
  const excludeTypes = stringList(o.excludeTypes, 'excludeTypes') ?? [];
  const allowlist = stringList(o.allowlist, 'allowlist') ?? [];
  const minConfidence = o.minConfidence ?? 0;
  if (typeof minConfidence !== 'number' || !(minConfidence >= 0 && minConfidence <= 1))
    throw invalid('minConfidence', 'a number in [0, 1]');
  const maxInputChars = o.maxInputChars ?? 1_048_576;
  if (!Number.isInteger(maxInputChars) || maxInputChars < 1024)
    throw invalid('maxInputChars', 'an integer ≥ 1024');
  const oversize = o.oversize ?? 'window';
  if (oversize !== 'window' && oversize !== 'reject')
    throw invalid('oversize', "'window' or 'reject'");
  const maxDecodeDepth = o.maxDecodeDepth ?? 2;
  if (!Number.isInteger(maxDecodeDepth) || maxDecodeDepth < 0 || maxDecodeDepth > 4)
    throw invalid('maxDecodeDepth', 'an integer 0–4');
  const budget = resolveBudget(o.budget);
  if (o.customRules !== undefined && !Array.isArray(o.customRules))
    throw invalid('customRules', 'an array');
  const custom = (o.customRules ?? []).map(compileCustom);
  const rules = [...SECRET_RULES, ...PII_RULES, ...custom];
  let idx: Index;
  const categories = new Set(cats as Category[]);
  if (custom.length === 0) {
    const key = CATS.filter((c) => categories.has(c)).join(',');
    idx = builtinCache.get(key) ?? index(rules, categories, true);
    builtinCache.set(key, idx);
  } else idx = index(rules, categories, false);
  return {
    categories,
    types: types ? new Set(types) : undefined,
    excludeTypes: new Set(excludeTypes),
    allowlist: new Set(allowlist),
    minConfidence,
    maxInputChars,
    oversize,
    maxDecodeDepth,
    semantic: resolveSemantic(o.semantic),
    budget,
    rules,
    keywords: idx.keywords,
    byKw: idx.byKw,
    alwaysRules: idx.always,
    genericIndex: idx.genericIndex,
    taken: idx.taken,
    injectionFrom: idx.injectionFrom,
    viewTriggers: idx.viewTriggers,
  };
}

function runRule(rule: Rule, text: string, out: RawFinding[]): void {
  const re = rule.re;
  re.lastIndex = 0;
  const ctxWindow = (s: number): string => text.slice(Math.max(0, s - 64), s);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const g = rule.group ?? 0;
    const value = m[g];
    if (value === undefined) continue;
    const start = g === 0 ? m.index : m.index + m[0].indexOf(value);
    if (rule.placeholderCheck !== false && rule.category === 'secret' && isPlaceholder(value))
      continue;
    let conf = rule.confidence;
    if (rule.validate) {
      const v = rule.validate(value, text, start);
      if (v === false || v === 0) continue;
      if (typeof v === 'number') conf = v;
    }
    if (rule.context) {
      const after = rule.contextAfterChars;
      const end = start + value.length;
      const hasCtx =
        rule.context.test(ctxWindow(start)) ||
        (after !== undefined && rule.context.test(text.slice(end, end + after)));
      if (rule.needContext && !hasCtx) continue;
      if (hasCtx) conf = Math.min(1, conf + 0.25);
    }
    out.push({
      category: rule.category,
      type: rule.type,
      start,
      end: start + value.length,
      confidence: conf,
      severity: rule.severity,
    });
    if (out.length >= MAX_FINDINGS) return;
  }
}

/**
 * Rules to run: the keyword-less ones, then those of each keyword seen, in
 * keyword order.
 */
function activeRules(r: Resolved, seenList: number[]): number[] {
  const taken = r.taken;
  const order = [...r.alwaysRules];
  // Keyword order; the list is short, so an insertion sort without callbacks.
  for (let i = 1; i < seenList.length; i++) {
    const k = seenList[i] as number;
    let j = i - 1;
    for (; j >= 0 && (seenList[j] as number) > k; j--) seenList[j + 1] = seenList[j] as number;
    seenList[j + 1] = k;
  }
  for (const k of seenList) {
    for (const ri of r.byKw[k] as number[]) {
      if (ri >= 0 && taken[ri] === 0) {
        taken[ri] = 1;
        order.push(ri);
      }
    }
  }
  for (const ri of order) taken[ri] = 0;
  return order;
}

const digitRunPatterns = new Map<number, RegExp>();

/**
 * Answers "does `text` hold `m` ASCII digits in a row?" with native regex
 * tests that stop at the first hit, remembering the answers (they are
 * monotone in `m`, so most questions need no new pass).
 */
function digitRuns(text: string): (m: number) => boolean {
  let present = 0;
  let absent = Number.POSITIVE_INFINITY;
  return (m) => {
    if (m <= present) return true;
    if (m >= absent) return false;
    let re = digitRunPatterns.get(m);
    if (re === undefined) {
      re = new RegExp(`\\d{${m}}`);
      digitRunPatterns.set(m, re);
    }
    if (re.test(text)) present = m;
    else absent = m;
    return m <= present;
  };
}

/**
 * Moves the injection prefilter's keywords (indexes from `from` on) out of
 * `seenList`, keeping their order, and returns them as prefilter indexes.
 */
function takeInjectionKeywords(seenList: number[], from: number): number[] {
  const taken: number[] = [];
  let kept = 0;
  for (const k of seenList) {
    if (k >= from) taken.push(k - from);
    else seenList[kept++] = k;
  }
  // pop() stays in optimised code; assigning `length` calls into the runtime.
  while (seenList.length > kept) seenList.pop();
  return taken;
}

/** What one secret/PII pass over a text or a view reports besides its findings. */
type PassResult = {
  /** Injection prefilter keywords the shared keyword scan found (undefined when not shared). */
  readonly injectionKws: number[] | undefined;
  /** {@link ViewTrigger} bits: the decoded views this text asks for. */
  readonly triggers: number;
};

/** The {@link ViewTrigger} bits of the keywords seen. */
function triggersOf(r: Resolved, seenList: readonly number[]): number {
  let bits = 0;
  for (const k of seenList) bits |= r.viewTriggers[k] as number;
  return bits;
}

/**
 * Secret and PII findings of `text` into `raw`. Without `generic`,
 * credential-assignment findings are skipped (decoded blobs).
 */
function secretPiiPass(text: string, r: Resolved, raw: RawFinding[], generic: boolean): PassResult {
  const wantSecret = r.categories.has('secret');
  let injectionKws: number[] | undefined;
  const genericHits: number[] = [];
  const seenList: number[] = [];
  r.keywords.find(text, seenList, genericHits, wantSecret && generic ? MAX_FINDINGS : 0);
  if (r.injectionFrom >= 0) injectionKws = takeInjectionKeywords(seenList, r.injectionFrom);
  const triggers = triggersOf(r, seenList);
  let hasDigitRun: ((m: number) => boolean) | undefined;
  for (const ri of activeRules(r, seenList)) {
    const rule = r.rules[ri] as Rule;
    if (rule.minDigitRun !== undefined) {
      hasDigitRun ??= digitRuns(text);
      if (!hasDigitRun(rule.minDigitRun)) continue;
    }
    if (rule.gate && !rule.gate.test(text)) continue;
    runRule(rule, text, raw);
  }
  for (let h = 0; h < genericHits.length; h += 2) {
    const kw = GENERIC_KEYWORDS[r.genericIndex[genericHits[h] as number] as number] as string;
    const f = genericAt(text, kw, genericHits[h + 1] as number);
    if (f) raw.push(f);
  }
  if (r.categories.has('pii') && /\d{3}/.test(text)) raw.push(...findPhones(text));
  return { injectionKws, triggers };
}

/** Whether a finding of the same category, at least as confident, already covers part of `f`'s span. */
function alreadyShown(raw: readonly RawFinding[], f: RawFinding): boolean {
  for (const g of raw)
    if (
      g.category === f.category &&
      g.start < f.end &&
      f.start < g.end &&
      g.confidence >= f.confidence
    )
      return true;
  return false;
}

/**
 * Findings in the decoded and normalised views of `text`, mapped back to the
 * spans of their encoded forms; views of views up to `maxDecodeDepth`, all
 * within one budget of view characters.
 */
function viewsPass(text: string, r: Resolved, raw: RawFinding[], triggers: number): void {
  const pii = r.categories.has('pii');
  let budgetChars = viewBudget(text.length);
  let level: { text: string; view: SecretView | undefined; triggers: number }[] = [
    { text, view: undefined, triggers },
  ];
  for (let depth = 0; depth < r.maxDecodeDepth && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const src of level) {
      if (budgetChars <= 0) return;
      for (const v of nextViews(src.text, src.view, { triggers: src.triggers, pii, budgetChars })) {
        budgetChars -= v.text.length;
        const inner: RawFinding[] = [];
        const res = secretPiiPass(v.text, r, inner, v.generic);
        for (const f of inner) {
          if (raw.length >= MAX_FINDINGS) return;
          if (v.piiOnly && f.category !== 'pii') continue;
          const [start, end] = originalSpan(v, f.start, f.end);
          const mapped = { ...f, start, end };
          // What the text already shows is reported from the text; a view adds what it hides.
          if (!alreadyShown(raw, mapped)) raw.push(mapped);
        }
        next.push({ text: v.text, view: v, triggers: res.triggers });
      }
    }
    level = next;
  }
}

function scanWindow(text: string, r: Resolved): RawFinding[] {
  const raw: RawFinding[] = [];
  let injectionKws: number[] | undefined;
  if (r.categories.has('secret') || r.categories.has('pii')) {
    const res = secretPiiPass(text, r, raw, true);
    injectionKws = res.injectionKws;
    if (r.maxDecodeDepth > 0) viewsPass(text, r, raw, res.triggers);
  }
  if (r.categories.has('injection')) {
    const from = raw.length;
    // One normalised view for the rules and the learned stage.
    const n = r.semantic !== undefined ? normalize(text) : undefined;
    raw.push(
      ...scanInjection(
        text,
        { maxDecodeDepth: r.maxDecodeDepth, decodeBudgetChars: 65_536 },
        injectionKws,
        n,
      ),
    );
    if (n !== undefined && r.semantic !== undefined) combineSemantic(n, raw, from, r.semantic);
  }
  return raw;
}

/** Raw findings of the windows read, and how far they reach. */
type Windows = { readonly raw: RawFinding[]; readonly coveredChars: number };

/**
 * Every window's raw findings, offsets moved to the whole text (duplicates
 * from the overlaps kept); stops once {@link MAX_FINDINGS} are collected, or
 * before a window the budget meter refuses.
 */
function scanWindows(text: string, r: Resolved, size: number, meter?: BudgetMeter): Windows {
  const raw: RawFinding[] = [];
  let coveredChars = 0;
  // Overlap lets a match that straddles a boundary be seen whole; the step stays positive.
  const step = size - Math.min(WINDOW_OVERLAP, Math.floor(size / 4));
  for (let s = 0; s < text.length && raw.length < MAX_FINDINGS; s += step) {
    const end = Math.min(text.length, s + size);
    if (meter !== undefined && !meter.allows(end - s)) break;
    const w = text.slice(s, end);
    for (const f of scanWindow(w, r)) raw.push({ ...f, start: f.start + s, end: f.end + s });
    coveredChars = end;
    if (end >= text.length) break;
  }
  return { raw, coveredChars };
}

function withoutDuplicates(raw: readonly RawFinding[]): RawFinding[] {
  const seen = new Set<string>();
  return raw.filter((f) => {
    const k = `${f.category}|${f.type}|${f.start}|${f.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Raw findings before filtering and overlap resolution, as {@link scanRawResolved} returns them. */
export type RawScan = {
  /** Raw findings of every wanted category, without window duplicates. */
  readonly raw: readonly RawFinding[];
  /**
   * True when {@link MAX_FINDINGS} raw findings were reached, so a cap may have
   * cut some short: a category's findings may then differ from a scan of that
   * category alone. False means no cap applied anywhere.
   */
  readonly capped: boolean;
  /** How many characters from the start were scanned (less than the text when a budget ran out). */
  readonly coveredChars: number;
};

function checkInput(text: string, r: Resolved): void {
  if (typeof text !== 'string') {
    throw new DetectorError(DetectorErrorCode.INVALID_INPUT, 'input must be a string', {
      field: 'text',
    });
  }
  if (text.length > r.maxInputChars && r.oversize === 'reject') {
    throw new DetectorError(DetectorErrorCode.INPUT_TOO_LARGE, 'input exceeds maxInputChars', {
      field: 'maxInputChars',
    });
  }
}

/**
 * A budgeted scan: slice by slice, asking the meter before each. One slice
 * read is scanned as one window (no duplicates to drop), exactly like a scan
 * of that prefix, so a cut result is always the scan of what it covered.
 */
function scanBudgeted(text: string, r: Resolved, budget: ResolvedBudget): RawScan {
  const size = sliceChars(budget, r.maxInputChars);
  const { raw, coveredChars } = scanWindows(text, r, size, startMeter(budget));
  const many = coveredChars > size;
  return {
    raw: many ? withoutDuplicates(raw) : raw,
    capped: raw.length >= MAX_FINDINGS,
    coveredChars,
  };
}

/**
 * Raw findings of `text` (checked as {@link scanResolved} checks it), before
 * {@link finalize}, whether a {@link MAX_FINDINGS} cap may have applied, and
 * how much of the text was covered.
 * @throws {DetectorError} DETECTORS_INVALID_INPUT, DETECTORS_INPUT_TOO_LARGE
 */
export function scanRawResolved(text: string, r: Resolved): RawScan {
  checkInput(text, r);
  if (r.budget !== undefined) return scanBudgeted(text, r, r.budget);
  if (text.length <= r.maxInputChars) {
    const raw = scanWindow(text, r);
    return { raw, capped: raw.length >= MAX_FINDINGS, coveredChars: text.length };
  }
  // Counted before duplicates are dropped: the window loop stops on that count.
  const { raw, coveredChars } = scanWindows(text, r, r.maxInputChars);
  return { raw: withoutDuplicates(raw), capped: raw.length >= MAX_FINDINGS, coveredChars };
}

/**
 * Scans text with resolved options.
 * @throws {DetectorError} DETECTORS_INVALID_INPUT, DETECTORS_INPUT_TOO_LARGE
 */
export function scanResolved(text: string, r: Resolved): Finding[] {
  const { raw } = scanRawResolved(text, r);
  return raw.length === 0 ? [] : finalize(raw, text, r);
}

/**
 * Scans text with resolved options and reports how much of it was covered.
 * @throws {DetectorError} DETECTORS_INVALID_INPUT, DETECTORS_INPUT_TOO_LARGE
 */
export function scanReportResolved(text: string, r: Resolved): ScanReport {
  const { raw, coveredChars } = scanRawResolved(text, r);
  const findings = raw.length === 0 ? [] : finalize(raw, text, r);
  return { findings, truncated: coveredChars < text.length, coveredChars };
}
