/**
 * Checks what a plugin returned and copies the parts the gate uses.
 *
 * Two result shapes are accepted, because plugins written for upstream
 * `security-pipeline` 0.1.x must keep working unchanged:
 *
 * - ours: `matches[].label` and a `summary` sentence;
 * - upstream's: `matches[].patternId` (used as the match label) and an
 *   object `summary` (plugin-specific data), rendered here to a sentence
 *   that never carries a string value of it.
 *
 * The gate keeps no text a plugin wrote except labels and redacted matches:
 * a string summary is checked and dropped (it may quote what was found); a
 * rendered object summary is the gate's own sentence and travels on to
 * quarantine metadata (`pluginResults[].summary`).
 *
 * Anything else that is wrong makes the result invalid, and the check names
 * the field at fault as a path (`matches[2].redacted`), never its value.
 */
import type { InspectionMatch } from './result.js';
import { normalizeScore } from './tiers.js';

/** The parts of a valid plugin result the gate keeps. */
export type NormalizedResult = {
  /** Normalised score (integer 0–100). */
  readonly score: number;
  readonly labels: readonly string[];
  /** `label` and `redacted` only: raw text under any other key is dropped. */
  readonly matches: readonly InspectionMatch[];
  /**
   * The gate's rendering of an object summary, at most {@link MAX_SUMMARY_LENGTH}
   * characters; absent for a string (or no) summary, which is not kept.
   */
  readonly summary?: string;
};

/** A checked result, or the path of the first field that is wrong. */
export type ResultCheck =
  | { readonly ok: true; readonly result: NormalizedResult }
  | { readonly ok: false; readonly field: string };

/** Summaries longer than this are cut (they travel into quarantine metadata). */
export const MAX_SUMMARY_LENGTH = 200;
/** At most this many fields of an object summary are rendered. */
const MAX_SUMMARY_FIELDS = 8;
/**
 * Numbers of at least this magnitude are not rendered: counts, scores and
 * durations are small, while a number that large may be the content itself
 * (a card or phone number a plugin put in its summary).
 */
const MAX_RENDERED_NUMBER = 1_000_000;
/** Keys rendered by name: identifiers a plugin author writes (`matchCount`), not found text. */
const SUMMARY_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

type Check<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly field: string };

const invalid = (field: string): { readonly ok: false; readonly field: string } => ({
  ok: false,
  field,
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkLabels(value: unknown): Check<string[]> {
  if (!Array.isArray(value)) return invalid('labels');
  const labels: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const label: unknown = value[i];
    if (typeof label !== 'string') return invalid(`labels[${i}]`);
    labels.push(label);
  }
  return { ok: true, value: labels };
}

/** Our `label`, else upstream's `patternId`. */
function matchLabel(m: Record<string, unknown>, field: string): Check<string> {
  if (m.label !== undefined) {
    return typeof m.label === 'string' ? { ok: true, value: m.label } : invalid(`${field}.label`);
  }
  if (m.patternId !== undefined) {
    return typeof m.patternId === 'string'
      ? { ok: true, value: m.patternId }
      : invalid(`${field}.patternId`);
  }
  return invalid(`${field}.label`);
}

function checkMatches(value: unknown): Check<InspectionMatch[]> {
  if (!Array.isArray(value)) return invalid('matches');
  const matches: InspectionMatch[] = [];
  for (let i = 0; i < value.length; i++) {
    const m: unknown = value[i];
    const field = `matches[${i}]`;
    if (!isRecord(m)) return invalid(field);
    const label = matchLabel(m, field);
    if (!label.ok) return label;
    if (typeof m.redacted !== 'string') return invalid(`${field}.redacted`);
    // Only label and redacted travel on: a plugin that attaches raw text
    // under another key (or in start/end context) cannot leak it through the gate.
    matches.push({ label: label.value, redacted: m.redacted });
  }
  return { ok: true, value: matches };
}

function renderValue(value: unknown): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    return Number.isFinite(value) && Math.abs(value) < MAX_RENDERED_NUMBER
      ? String(value)
      : '(number)';
  }
  if (value === null || value === undefined) return '(none)';
  // Strings are never rendered: they are where found text would be.
  if (typeof value === 'string') return '(text)';
  if (Array.isArray(value)) return `(list of ${value.length})`;
  return '(object)';
}

/**
 * Renders an upstream object summary as one sentence: each field whose key
 * is an identifier, with booleans, small numbers, and the type of any other
 * value (strings, lists, objects are never rendered).
 *
 * @param summary - the plugin's object summary
 * @returns e.g. `matchCount=2, error=true, apiVersion=(text)`; `'no details'` when empty
 */
export function renderObjectSummary(summary: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  let hidden = 0;
  for (const key of Object.keys(summary)) {
    if (parts.length >= MAX_SUMMARY_FIELDS || !SUMMARY_KEY.test(key)) {
      hidden++;
      continue;
    }
    parts.push(`${key}=${renderValue(summary[key])}`);
  }
  if (hidden > 0) parts.push(`${hidden} more field(s) not shown`);
  return parts.length === 0 ? 'no details' : parts.join(', ');
}

function checkSummary(value: unknown): Check<string | undefined> {
  if (value === undefined || value === null || typeof value === 'string') {
    return { ok: true, value: undefined };
  }
  if (!isRecord(value)) return invalid('summary');
  return { ok: true, value: renderObjectSummary(value).slice(0, MAX_SUMMARY_LENGTH) };
}

/**
 * Checks a plugin's return value (either shape, see the module comment).
 * Invalid: a non-object; a score that is not a number, or NaN; labels that
 * are not an array of strings; matches that are not an array of objects
 * with a string `label` (or `patternId`) and a string `redacted`; a summary
 * that is neither a string, an object, nor absent.
 *
 * @param value - what `analyze` returned (awaited)
 * @returns the normalised result, or the path of the first wrong field
 */
export function checkPluginResult(value: unknown): ResultCheck {
  if (!isRecord(value)) return invalid('result');
  if (typeof value.score !== 'number' || Number.isNaN(value.score)) return invalid('score');
  const labels = checkLabels(value.labels);
  if (!labels.ok) return labels;
  const matches = checkMatches(value.matches);
  if (!matches.ok) return matches;
  const summary = checkSummary(value.summary);
  if (!summary.ok) return summary;
  const result = {
    score: normalizeScore(value.score),
    labels: labels.value,
    matches: matches.value,
  };
  return {
    ok: true,
    result: summary.value === undefined ? result : { ...result, summary: summary.value },
  };
}
