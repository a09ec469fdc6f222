import { isErrorBody } from '@clawexchange/ssg/common';
import type { Pipeline } from '../../src/compose.js';
import type { PostStore } from '../../src/posts.js';
import type { HealthAnswer, LoadRecord } from './load.js';

/**
 * The promises of ARCHITECTURE.md "Failure semantics", checked over what the
 * load's clients saw. Each check returns one line per broken promise (so a
 * failing test names the requests), and an empty list when all held.
 */

/** Statuses the app may answer a post with, whatever its services do. */
const EXPECTED_STATUSES = new Set([201, 202, 403, 429, 503]);
/** Answers after the gate: the request's audit event was acknowledged. */
const ACKNOWLEDGED = new Set([201, 202, 403]);
/** What leaks internals: an HTML page, a stack frame, a source path. */
const LEAK = /<html|<!doctype|\bat \S+ \(|\bat \S+:\d+:\d+|node_modules|\/src\/\S+\.ts/i;

const label = (r: LoadRecord): string => `#${r.n} ${r.kind} (${r.phase})`;

/** Every request got an HTTP answer with an expected status. */
export function answerProblems(records: readonly LoadRecord[]): string[] {
  return records
    .filter((r) => !EXPECTED_STATUSES.has(r.status))
    .map((r) =>
      r.status === 0
        ? `${label(r)}: no answer`
        : `${label(r)}: unexpected ${r.status} ${errorCode(r)}`,
    );
}

/** Every error answer is the family's JSON error body, with no stack trace or HTML. */
export function errorBodyProblems(records: readonly LoadRecord[]): string[] {
  const problems: string[] = [];
  for (const r of records) {
    if (r.status < 400) continue;
    if (!r.contentType.startsWith('application/json') || !isErrorBody(r.body)) {
      problems.push(`${label(r)}: ${r.status} without the JSON error body`);
    } else if (LEAK.test(r.rawBody)) {
      problems.push(`${label(r)}: ${r.status} body leaks internals`);
    }
  }
  return problems;
}

/** Verdicts the app may publish (201): the gate let the content through. */
const PUBLISHABLE = new Set(['PASS', 'WARN']);
/** Labels that say the gate wanted the content held. */
const HOLD_LABELS = ['QUARANTINE_FAILED', 'QUARANTINE_DISABLED'];

/** Why a 201 published content that should have been held, or undefined when it did not. */
async function publishedWrongly(r: LoadRecord, pipeline: Pipeline): Promise<string | undefined> {
  const body = r.body as { verdict?: unknown; labels?: unknown } | undefined;
  const labels = Array.isArray(body?.labels) ? body.labels : [];
  if (!PUBLISHABLE.has(String(body?.verdict)) || HOLD_LABELS.some((l) => labels.includes(l))) {
    return `answered 201 with ${r.rawBody}`;
  }
  if (r.kind === 'clean') return undefined;
  // The same plugins without sinks: would this gate hold the text (QUARANTINE, which the
  // probe, having no quarantine sink, turns into BLOCK + QUARANTINE_DISABLED)?
  const probe = await pipeline.probeSsg.inspect({ text: r.text, contentType: 'POST' });
  return probe.labels.includes('QUARANTINE_DISABLED')
    ? `answered 201 (${String(body?.verdict)}) for content the gate holds`
    : undefined;
}

/**
 * No QUARANTINE-verdict content was published or lost: each such post was
 * answered 202 with a record id whose content reads back exactly, or with
 * an error (or denial) its client saw; none was answered 201 or is among the
 * published posts. "Such a post" is decided by the gate itself (a sink-less
 * gate with the same plugins), so a detector that misses a made-up
 * credential is reported by {@link detectorMisses}, not counted as a
 * broken failure promise.
 */
export async function heldContentProblems(
  records: readonly LoadRecord[],
  rig: { readonly pipeline: Pipeline; readonly posts: PostStore },
): Promise<string[]> {
  const problems: string[] = [];
  const published = new Map(rig.posts.list().map((p) => [p.text, p]));
  for (const r of records) {
    if (r.status === 201) {
      const why = await publishedWrongly(r, rig.pipeline);
      if (why !== undefined) problems.push(`${label(r)}: ${why}`);
      continue;
    }
    if (r.kind !== 'clean' && published.has(r.text)) problems.push(`${label(r)}: published`);
    if (r.status !== 202) continue;
    const id = (r.body as { quarantineId?: unknown } | undefined)?.quarantineId;
    if (typeof id !== 'string') {
      problems.push(`${label(r)}: 202 without a quarantine id`);
      continue;
    }
    const content = await rig.pipeline.quarantine.read(id).catch((e: unknown) => e);
    if (content !== r.text) problems.push(`${label(r)}: held record ${id} does not read back`);
  }
  return problems;
}

/** Credential and injection posts the gate let through (a detection matter, not a fault one). */
export function detectorMisses(records: readonly LoadRecord[]): number {
  return records.filter((r) => r.kind !== 'clean' && r.status === 201).length;
}

/** Every audit event of the pipeline, oldest last, grouped by actor (one agent per request). */
async function auditByActor(pipeline: Pipeline): Promise<Map<string, string[]>> {
  const byActor = new Map<string, string[]>();
  let cursor: string | undefined;
  do {
    const page = await pipeline.audit.query({ limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const record of page.records) {
      const types = byActor.get(record.actorId) ?? [];
      types.push(record.eventType);
      byActor.set(record.actorId, types);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return byActor;
}

function expectedEvent(r: LoadRecord): string {
  if (r.status === 202) return 'SSG_QUARANTINE';
  if (r.status === 403) return 'SSG_BLOCK';
  const verdict = (r.body as { verdict?: unknown } | undefined)?.verdict;
  return `SSG_${typeof verdict === 'string' ? verdict : 'PASS'}`;
}

/**
 * Every acknowledged request (answered after the gate with audit on) has
 * exactly its one audit event, of the type its answer implies, and the
 * chain verifies.
 */
export async function auditProblems(
  records: readonly LoadRecord[],
  pipeline: Pipeline,
): Promise<string[]> {
  const problems: string[] = [];
  const byActor = await auditByActor(pipeline);
  for (const r of records) {
    if (!ACKNOWLEDGED.has(r.status)) continue;
    const events = byActor.get(r.agentId) ?? [];
    const want = expectedEvent(r);
    if (events.length !== 1 || events[0] !== want) {
      problems.push(`${label(r)}: answered ${r.status}, audit has [${events.join(', ')}]`);
    }
  }
  const verification = await pipeline.audit.verify();
  if (!verification.ok)
    problems.push(`audit chain does not verify: ${JSON.stringify(verification)}`);
  return problems;
}

/** After recovery every request succeeds again: published (201) or held (202). */
export function recoveryProblems(records: readonly LoadRecord[]): string[] {
  return records
    .filter((r) => r.status !== 201 && r.status !== 202)
    .map((r) => `${label(r)}: ${r.status} ${errorCode(r)} after the service came back`);
}

/** The error code of an error answer, for messages. */
export function errorCode(r: LoadRecord): string {
  return isErrorBody(r.body) ? r.body.error.code : '';
}

/** Counts of answers by status, for the report lines. */
export function statusCounts(records: readonly LoadRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of records) {
    const key = r.status >= 400 ? `${r.status} ${errorCode(r)}` : String(r.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * The health endpoints answer JSON without leaks; `/livez` is 200 whatever
 * the services do; `/readyz` and `/healthz` are 503 naming `failing` as
 * `fail` while it is down, and 200 when nothing is.
 */
export function healthProblems(
  answers: readonly HealthAnswer[],
  failing: string | undefined,
): string[] {
  const problems: string[] = [];
  for (const a of answers) {
    const where = `${a.path}${failing ? ` (${failing} down)` : ''}`;
    if (!a.contentType.startsWith('application/json') || LEAK.test(a.rawBody)) {
      problems.push(`${where}: ${a.status} not a clean JSON answer`);
      continue;
    }
    const want = a.path === '/livez' || failing === undefined ? 200 : 503;
    if (a.status !== want) problems.push(`${where}: ${a.status}, expected ${want}: ${a.rawBody}`);
    if (want !== 503 || failing === undefined) continue;
    const components = (a.body as { components?: Record<string, { status?: unknown }> }).components;
    if (components?.[failing]?.status !== 'fail') {
      problems.push(`${where}: does not name ${failing} as failing`);
    }
  }
  return problems;
}
