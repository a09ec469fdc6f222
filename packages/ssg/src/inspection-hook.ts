/**
 * The `onInspection` hook: how a host acts on every verdict by composition
 * (e.g. `limiter.verdictFeedback()` of `@clawexchange/rate-limiter`
 * tightening an agent's limits after WARN, QUARANTINE or BLOCK), instead of
 * glue around the middleware.
 *
 * The gate calls the hook once per completed inspection (`inspect`, the
 * Express middleware and the Fetch adapter alike), after the verdict, the
 * quarantine hold and the audit write, and before it answers. It waits for
 * the hook at most `onInspectionTimeoutMs`; a hook that throws, rejects or
 * is late is logged and counted and never changes the inspection or the
 * answer. Waiting (rather than firing and forgetting) means the hook's work
 * is done before the client hears back, so the agent's next request
 * already sees it.
 */
import { callSink } from './internal/sink-call.js';
import type { Logger } from './logger.js';
import type { Inspection, InspectOptions } from './result.js';
import type { AuditActorType, ContentEnvelope } from './types.js';

/** What the inspection was about: the envelope's facts, resolved once per request. */
export type InspectionContext = {
  /** `envelope.metadata.agentId` (the middleware's `extract().agentId`), when given. */
  readonly agentId?: string;
  /** `envelope.metadata.sourceId`, when given. */
  readonly sourceId?: string;
  /** `envelope.metadata.ipAddress` (unmasked), when given. */
  readonly ipAddress?: string;
  /** `envelope.contentType`. */
  readonly contentType: string;
  /** `envelope.category`, when given. */
  readonly category?: string;
  /** The audit actor: `agentId`, else the `actorId` option, else `'anonymous'`. */
  readonly actorId: string;
  /** The audit actor type. */
  readonly actorType: AuditActorType;
};

/** The argument of an {@link InspectionHook}. */
export type InspectionEvent = {
  /** The inspection, exactly as `inspect` returns it (no score). */
  readonly inspection: Inspection;
  /** The facts the inspection was made with. */
  readonly context: InspectionContext;
};

/**
 * Called once per completed inspection (not for one that failed with
 * `SSG_QUARANTINE_FAILED` / `SSG_AUDIT_FAILED` or bad input). May be sync
 * or async. What it throws or rejects with is logged (`code`
 * `SSG_INSPECTION_HOOK_FAILED`, never the error's message) and counted.
 */
export type InspectionHook = (event: InspectionEvent) => void | Promise<void>;

/** Default bound on one `onInspection` call, milliseconds. */
export const DEFAULT_INSPECTION_HOOK_TIMEOUT_MS = 1000;

/**
 * Builds the hook's context from a validated envelope and the call options.
 *
 * @param envelope - the inspected envelope
 * @param options - `inspect` options (actor defaults)
 * @param actorId - the audit actor already resolved for this inspection
 * @returns the context
 */
export function inspectionContext(
  envelope: ContentEnvelope,
  options: InspectOptions | undefined,
  actorId: string,
): InspectionContext {
  const meta = envelope.metadata;
  return {
    ...(meta?.agentId === undefined ? {} : { agentId: meta.agentId }),
    ...(meta?.sourceId === undefined ? {} : { sourceId: meta.sourceId }),
    ...(meta?.ipAddress === undefined ? {} : { ipAddress: meta.ipAddress }),
    contentType: envelope.contentType,
    ...(envelope.category === undefined ? {} : { category: envelope.category }),
    actorId,
    actorType: options?.actorType ?? 'agent',
  };
}

/** What {@link runInspectionHook} needs from the gate. */
export type HookDeps = {
  readonly hook: InspectionHook;
  readonly timeoutMs: number;
  readonly logger: Logger;
  /** Counts one failure by reason. */
  readonly countFailure: (reason: 'error' | 'timeout') => void;
};

/**
 * Calls the hook under its time bound. Never throws: a failure is logged
 * and counted. A synchronous hook that blocks cannot be cut short (nothing
 * preempts running JavaScript); the bound applies to what it awaits.
 *
 * @param deps - the hook, its bound, logger and failure counter
 * @param event - the inspection and its context
 * @returns once the hook settled or its time ran out
 */
export async function runInspectionHook(deps: HookDeps, event: InspectionEvent): Promise<void> {
  const called = await callSink(() => deps.hook(event), deps.timeoutMs);
  if (called.ok) return;
  deps.countFailure(called.reason);
  // The error itself is not logged: its message may quote whatever the hook saw.
  deps.logger.error(
    {
      code: 'SSG_INSPECTION_HOOK_FAILED',
      reason: called.reason,
      verdict: event.inspection.verdict,
    },
    'onInspection hook failed',
  );
}
