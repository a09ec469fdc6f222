/**
 * From raw findings to reported ones: drop findings inside our own redaction
 * placeholders and those the options filter out, resolve overlaps within each
 * category, cap the count and render the redacted form. Written as plain
 * loops without per-call closures, since most calls see zero or one finding.
 */
import type { Category, Finding } from '../types.js';
import { redactedFor } from './render.js';
import type { RawFinding } from './rule.js';

/** Upper bound on findings per call, so hostile input cannot balloon output. */
export const MAX_FINDINGS = 5000;

/** The options that filter findings. */
export type FindingFilter = {
  readonly types: ReadonlySet<string> | undefined;
  readonly excludeTypes: ReadonlySet<string>;
  readonly allowlist: ReadonlySet<string>;
  readonly minConfidence: number;
};

/** Our own redaction placeholders (`[SECRET:type#3]`, `[EMAIL#1]`). */
export const HOLE: RegExp = /\[(?:SECRET:[a-z0-9-]{1,64}|[A-Z_]{1,40})#\d{1,9}\]/g;

/** Placeholder spans as flat `start, end` pairs (empty without a `#`). */
function holesIn(text: string): number[] {
  const holes: number[] = [];
  if (!text.includes('#')) return holes;
  HOLE.lastIndex = 0;
  for (let m = HOLE.exec(text); m; m = HOLE.exec(text)) holes.push(m.index, m.index + m[0].length);
  return holes;
}

function overlapsHole(f: RawFinding, holes: readonly number[]): boolean {
  for (let h = 0; h < holes.length; h += 2)
    if (f.start < (holes[h + 1] as number) && f.end > (holes[h] as number)) return true;
  return false;
}

function wanted(f: RawFinding, text: string, o: FindingFilter): boolean {
  return (
    f.confidence >= o.minConfidence &&
    (o.types === undefined || o.types.has(f.type)) &&
    (o.excludeTypes.size === 0 || !o.excludeTypes.has(f.type)) &&
    (o.allowlist.size === 0 || !o.allowlist.has(text.slice(f.start, f.end)))
  );
}

/** Raw findings that survive the placeholder holes and the filter options, in order. */
function kept(raw: readonly RawFinding[], text: string, o: FindingFilter): RawFinding[] {
  const holes = holesIn(text);
  const out: RawFinding[] = [];
  for (const f of raw) {
    if (holes.length > 0 && f.category !== 'injection' && overlapsHole(f, holes)) continue;
    if (wanted(f, text, o)) out.push(f);
  }
  return out;
}

const byStartThenLongest = (a: RawFinding, b: RawFinding): number =>
  a.start - b.start || b.end - a.end;
const byConfidenceThenLength = (a: RawFinding, b: RawFinding): number =>
  b.confidence - a.confidence || b.end - b.start - (a.end - a.start);
const byStartThenEnd = (a: RawFinding, b: RawFinding): number => a.start - b.start || a.end - b.end;

/**
 * Injection findings of one cluster: each distinct type and span once, the
 * most confident of its hits (the first of equals), whatever order the rules ran in.
 */
function distinctSpans(cluster: readonly RawFinding[], out: RawFinding[]): void {
  const at = new Map<string, number>();
  for (const f of cluster) {
    const k = `${f.type}|${f.start}|${f.end}`;
    const i = at.get(k);
    if (i === undefined) {
      at.set(k, out.length);
      out.push(f);
    } else if (f.confidence > (out[i] as RawFinding).confidence) out[i] = f;
  }
}

/** Other clusters: the most confident, then the longest, of each overlapping group. */
function bestSpans(cluster: RawFinding[], out: RawFinding[]): void {
  const ranked = cluster.sort(byConfidenceThenLength);
  const chosen: RawFinding[] = [];
  for (const f of ranked)
    if (!chosen.some((k) => k.start < f.end && f.start < k.end)) chosen.push(f);
  for (const f of chosen) out.push(f);
}

/** Resolves the overlaps of one category's findings (sorted in place) into `out`. */
function resolveCategory(list: RawFinding[], cat: Category, out: RawFinding[]): void {
  list.sort(byStartThenLongest);
  let cluster: RawFinding[] = [];
  let clusterEnd = -1;
  for (const f of list) {
    if (f.start >= clusterEnd && cluster.length > 0) {
      if (cat === 'injection') distinctSpans(cluster, out);
      else bestSpans(cluster, out);
      cluster = [];
    }
    cluster.push(f);
    clusterEnd = Math.max(clusterEnd, f.end);
  }
  if (cat === 'injection') distinctSpans(cluster, out);
  else bestSpans(cluster, out);
}

/**
 * Overlapping findings of one category: keep the most confident, then the
 * longest (injection: each distinct type and span). Sorted by start, then end.
 */
export function resolveOverlaps(raw: RawFinding[]): RawFinding[] {
  if (raw.length <= 1) return raw;
  const secret: RawFinding[] = [];
  const pii: RawFinding[] = [];
  const injection: RawFinding[] = [];
  for (const f of raw) {
    if (f.category === 'secret') secret.push(f);
    else if (f.category === 'pii') pii.push(f);
    else injection.push(f);
  }
  const out: RawFinding[] = [];
  if (secret.length > 0) resolveCategory(secret, 'secret', out);
  if (pii.length > 0) resolveCategory(pii, 'pii', out);
  if (injection.length > 0) resolveCategory(injection, 'injection', out);
  return out.sort(byStartThenEnd);
}

function render(f: RawFinding, text: string): Finding {
  return {
    category: f.category,
    type: f.type,
    start: f.start,
    end: f.end,
    confidence: Math.round(f.confidence * 100) / 100,
    severity: f.severity,
    redacted: redactedFor(f.category, f.type, text.slice(f.start, f.end)),
  };
}

/**
 * The findings to report for `raw`: filtered, overlaps resolved, capped at
 * {@link MAX_FINDINGS} and rendered.
 */
export function finalize(raw: readonly RawFinding[], text: string, o: FindingFilter): Finding[] {
  const resolved = resolveOverlaps(kept(raw, text, o));
  const n = Math.min(resolved.length, MAX_FINDINGS);
  const out: Finding[] = [];
  for (let i = 0; i < n; i++) out.push(render(resolved[i] as RawFinding, text));
  return out;
}
