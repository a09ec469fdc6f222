/**
 * A small built-in detection plugin for demos, docs and tests: plain
 * case-insensitive substring matching of host-supplied terms. No regular
 * expressions from configuration (nothing to backtrack), no raw text out.
 */
import { invalidConfig } from './errors.js';
import { checkSSGOptions, KEYWORD_SPEC, keywordRuleSpec } from './internal/options.js';
import type { DetectionMatch, DetectionPlugin, DetectionResult } from './types.js';

/** One term to look for. */
export type KeywordRule = {
  /** The text to find, case-insensitively (1–200 characters). */
  readonly term: string;
  /** Label reported when found, e.g. `SPAM_PHRASE` (UPPER_SNAKE). */
  readonly label: string;
  /** Score (0–100) the plugin reports when this term is found. */
  readonly score: number;
};

/** Options of {@link keywordPlugin}. */
export type KeywordPluginOptions = {
  /** @default 'keywords' */
  readonly id?: string;
  /** @default 0 */
  readonly priority?: number;
  /** @default true */
  readonly enabled?: boolean;
  /** The terms; at least one. */
  readonly rules: readonly KeywordRule[];
};

/** The redacted rendering of every keyword match. */
export const KEYWORD_REDACTED = '[REDACTED]';
const LABEL = /^[A-Z][A-Z0-9_]{0,63}$/;

function validateRule(rule: unknown, i: number): KeywordRule {
  const field = `rules[${i}]`;
  if (typeof rule !== 'object' || rule === null) throw invalidConfig(field, 'an object');
  checkSSGOptions(rule, keywordRuleSpec(i));
  const { term, label, score } = rule as Record<string, unknown>;
  if (typeof term !== 'string' || term.length === 0 || term.length > 200) {
    throw invalidConfig(`${field}.term`, 'a string of 1-200 characters');
  }
  if (typeof label !== 'string' || !LABEL.test(label)) {
    throw invalidConfig(`${field}.label`, 'an UPPER_SNAKE label');
  }
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100) {
    throw invalidConfig(`${field}.score`, 'a number from 0 to 100');
  }
  return { term: term.toLowerCase(), label, score };
}

function findAll(haystack: string, needle: string): number[] {
  const starts: number[] = [];
  let from = haystack.indexOf(needle);
  while (from !== -1) {
    starts.push(from);
    from = haystack.indexOf(needle, from + needle.length);
  }
  return starts;
}

/** Lower-cased text and, per lower-cased code unit, the original span it came from. */
type Lowered = {
  readonly text: string;
  /** `null` when lower-casing kept every length (offsets are the same). */
  readonly spans: readonly (readonly [start: number, end: number])[] | null;
};

/**
 * Lower-cases `text` and keeps the way back to its offsets. A few characters
 * grow when lower-cased (U+0130 `İ` becomes two code units), which would shift
 * every later match offset; none shrink, so equal lengths mean equal offsets.
 */
function lowerCase(text: string): Lowered {
  const lowered = text.toLowerCase();
  if (lowered.length === text.length) return { text: lowered, spans: null };
  const spans: (readonly [number, number])[] = [];
  let out = '';
  let at = 0;
  for (const char of text) {
    const lower = char.toLowerCase();
    for (let i = 0; i < lower.length; i++) spans.push([at, at + char.length]);
    out += lower;
    at += char.length;
  }
  return { text: out, spans };
}

function originalSpan(lowered: Lowered, start: number, length: number): [number, number] {
  const { spans } = lowered;
  if (spans === null) return [start, start + length];
  return [
    (spans[start] as readonly [number, number])[0],
    (spans[start + length - 1] as readonly [number, number])[1],
  ];
}

/**
 * Creates a keyword plugin. Its score is the highest score of the rules
 * found; each occurrence is one match with `redacted: '[REDACTED]'`.
 * Offsets are reported on the lower-cased text, which has the same length
 * for most scripts (not guaranteed for every Unicode character).
 *
 * @param options - id, priority, enabled and rules
 * @returns a {@link DetectionPlugin}
 * @throws {SSGError} SSG_INVALID_CONFIG naming the bad rule field
 * @example
 * const spam = keywordPlugin({ rules: [{ term: 'buy now', label: 'SPAM_PHRASE', score: 40 }] });
 * const ssg = createSSG({ plugins: [spam] });
 */
export function keywordPlugin(options: KeywordPluginOptions): DetectionPlugin {
  const o = checkSSGOptions(options, KEYWORD_SPEC);
  if (!Array.isArray(o.rules) || o.rules.length === 0) {
    throw invalidConfig('rules', 'a non-empty array of { term, label, score }');
  }
  const rules = o.rules.map(validateRule);
  return {
    id: options.id ?? 'keywords',
    priority: options.priority ?? 0,
    enabled: options.enabled ?? true,
    analyze(envelope): DetectionResult {
      const lowered = lowerCase(envelope.text);
      let score = 0;
      const labels: string[] = [];
      const matches: DetectionMatch[] = [];
      for (const rule of rules) {
        const starts = findAll(lowered.text, rule.term);
        if (starts.length === 0) continue;
        score = Math.max(score, rule.score);
        if (!labels.includes(rule.label)) labels.push(rule.label);
        for (const at of starts) {
          const [start, end] = originalSpan(lowered, at, rule.term.length);
          matches.push({ label: rule.label, redacted: KEYWORD_REDACTED, start, end });
        }
      }
      const summary =
        labels.length === 0 ? 'no keyword found' : `found ${matches.length} keyword match(es)`;
      return { score, labels, matches, summary };
    },
  };
}
