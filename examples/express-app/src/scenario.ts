import type { ModerationCredentials } from './moderation.js';
import { MODERATION_PATH } from './moderation.js';

/** One moderation step of the demo, for the summary table. */
export type ModerationStep = {
  readonly actor: string;
  readonly action: string;
  readonly record: string;
  readonly status: number;
  /** What happened: the applied action / the record's new status, or the error code. */
  readonly outcome: string;
};

type Envelope = { readonly id: string; readonly labels: readonly string[] };

async function call(
  url: string,
  init: { method?: string; headers: Record<string, string>; body?: unknown },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...init.headers,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function outcomeOf(answer: { status: number; body: Record<string, unknown> }): string {
  const error = answer.body.error as { code?: string } | undefined;
  if (error?.code) return error.code;
  const applied = answer.body.appliedAction ?? answer.body.action;
  return [applied, answer.body.status].filter((v) => typeof v === 'string').join(' → ');
}

/**
 * The demo's review round, through the moderation API as a bot and an admin
 * would call it: the triage bot deletes what the LLM judge called a scam
 * and escalates everything else; the admin releases the escalated records
 * with a note (published through `onRelease`).
 */
export async function reviewHeldPosts(
  baseUrl: string,
  creds: ModerationCredentials,
): Promise<ModerationStep[]> {
  const base = `${baseUrl}${MODERATION_PATH}`;
  const bot = { authorization: `Bearer ${creds.botToken}` };
  const admin = { cookie: `claw_demo_admin=${encodeURIComponent(creds.adminSession)}` };
  const steps: ModerationStep[] = [];
  const queue = await call(`${base}/bot/queue`, { headers: bot });
  const escalated: string[] = [];
  for (const item of (queue.body.items ?? []) as Envelope[]) {
    const scam = item.labels.includes('LLM_JUDGE_SCAM');
    const body = scam
      ? {
          quarantineId: item.id,
          action: 'delete',
          confidence: 0.95,
          reason: 'TRUE_POSITIVE_HIGH_RISK',
        }
      : {
          quarantineId: item.id,
          action: 'escalate',
          confidence: 0.5,
          reason: 'NEEDS_HUMAN_REVIEW',
        };
    const answer = await call(`${base}/bot/action`, { method: 'POST', headers: bot, body });
    steps.push({
      actor: 'triage-bot',
      action: body.action,
      record: item.id,
      status: answer.status,
      outcome: outcomeOf(answer),
    });
    if (!scam && answer.status === 200) escalated.push(item.id);
  }
  const csrf = await call(`${base}/human/csrf-token`, { headers: admin });
  const headers = { ...admin, 'x-csrf-token': String(csrf.body.csrfToken ?? '') };
  for (const id of escalated) {
    const body = { quarantineId: id, action: 'release', notes: 'quoted in a security discussion' };
    const answer = await call(`${base}/human/action`, { method: 'POST', headers, body });
    steps.push({
      actor: 'demo-admin',
      action: 'release',
      record: id,
      status: answer.status,
      outcome: outcomeOf(answer),
    });
  }
  return steps;
}

/** Renders the review round as a fixed-width table. */
export function formatSteps(steps: readonly ModerationStep[]): string {
  const header = ['actor', 'action', 'record', 'HTTP', 'outcome'];
  const rows = steps.map((s) => [s.actor, s.action, s.record, String(s.status), s.outcome]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
