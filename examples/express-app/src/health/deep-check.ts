import { AuditEventType } from '@clawexchange/audit';
import type { Pipeline } from '../compose.js';
import type { FeatureFlags } from '../flags.js';
import { type Check, CheckFailed, type ComponentStatus, runChecks } from './timed.js';

/**
 * The audit event type the deep check's write is recorded as. Registered in
 * the logger's `eventTypes` (compose.ts); no review view or verdict query
 * asks for it, so probes never show up next to real verdicts.
 */
export const HEALTH_CHECK_EVENT = 'HEALTH_CHECK';

/** Who the deep check acts as, in quarantine review fields and the audit trail. */
const PROBE_ACTOR = 'health-check';

/** The body of `GET /healthz/deep`. */
export type DeepHealthReport = {
  readonly status: 'ok' | 'fail';
  readonly components: Readonly<Record<string, ComponentStatus>>;
};

function assert(condition: boolean): asserts condition {
  if (!condition) throw new CheckFailed('ASSERTION_FAILED');
}

/** "Check SSG is functional", on the probe gate (same plugins, no sinks: it writes nothing). */
function ssgCheck(pipeline: Pipeline): Check {
  const ssg = pipeline.probeSsg;
  return async () => {
    const result = await ssg.inspect({ text: 'test', contentType: 'POST' });
    assert(result.tier === 'CLEAR');
  };
}

/**
 * "Check quarantine storage", as written; the record it stores is shredded
 * at once (`delete`: key destroyed, object removed), so it never waits in a
 * review queue or for expiry.
 */
function quarantineCheck(pipeline: Pipeline): Check {
  const stored: string[] = [];
  const quarantine = {
    store: async (...args: Parameters<Pipeline['quarantine']['store']>) => {
      const id = await pipeline.quarantine.store(...args);
      stored.push(id);
      return id;
    },
  };
  return async () => {
    try {
      await quarantine.store('health-check', { tier: 'CLEAR', labels: [], pluginResults: [] });
    } finally {
      for (const id of stored.splice(0)) await shred(pipeline, id);
    }
  };
}

async function shred(pipeline: Pipeline, id: string): Promise<void> {
  try {
    await pipeline.quarantine.delete(id, { reviewedBy: PROBE_ACTOR, notes: 'deep health probe' });
  } catch {
    // Reported as its own failure: a probe record left behind is what this check must not do.
    throw new CheckFailed('SHRED_FAILED');
  }
}

/**
 * "Check audit logger", as written, through a view of the logger that
 * records the event as {@link HEALTH_CHECK_EVENT} (the guide's type kept as
 * `metadata.probe`): the trail is append-only, so the write cannot be
 * undone — it is typed instead, and verdict queries never see it.
 */
function auditCheck(pipeline: Pipeline): Check {
  const audit = {
    log: (event: Parameters<Pipeline['audit']['log']>[0]) =>
      pipeline.audit.log({
        ...event,
        eventType: HEALTH_CHECK_EVENT,
        metadata: { probe: event.eventType },
      }),
  };
  return async () => {
    await audit.log({
      eventType: AuditEventType.SSG_PASS,
      actorId: 'health-check',
      actorType: 'bot',
    });
  };
}

/** "Check rate limiter", as written (`check` consumes nothing). */
function rateLimiterCheck(pipeline: Pipeline): Check {
  const rateLimiter = pipeline.limiter;
  return async () => {
    const check = await rateLimiter.check('health-check', 'POSTS');
    assert(check.allowed);
  };
}

/**
 * The deployment guide's four health checks, each as written, with a
 * deadline each. It writes: one quarantine record (shredded before it
 * answers) and one `HEALTH_CHECK` audit event. Behind authentication, for
 * a deploy pipeline or an operator, never for a load balancer (`/readyz`).
 */
export async function deepHealthCheck(
  pipeline: Pipeline,
  flags: FeatureFlags,
  timeoutMs: number,
): Promise<DeepHealthReport> {
  const { ok, components } = await runChecks(
    {
      ssg: ssgCheck(pipeline),
      quarantine: flags.quarantine ? quarantineCheck(pipeline) : undefined,
      audit: flags.audit ? auditCheck(pipeline) : undefined,
      rateLimiter: flags.rateLimit ? rateLimiterCheck(pipeline) : undefined,
    },
    timeoutMs,
  );
  return { status: ok ? 'ok' : 'fail', components };
}
