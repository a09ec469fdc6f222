/**
 * The inspection result a host may hand to its clients (STYLE.md §4
 * `Inspection`). It carries no score: numbers stay inside the gate and the
 * audit trail.
 */
import type { AuditActorType, RiskTier, Verdict } from './types.js';

/** One redacted finding, as clients see it. */
export type InspectionMatch = {
  /** The label, e.g. `SECRET_AWS_ACCESS_KEY`. */
  readonly label: string;
  /** A redacted rendering; never the raw matched text. */
  readonly redacted: string;
};

/** Why a plugin did not contribute normally. */
export type DegradationCode = 'PLUGIN_TIMEOUT' | 'PLUGIN_ERROR';

/** A plugin that failed or timed out during this inspection. */
export type Degradation = {
  /** The plugin's id. */
  readonly pluginId: string;
  /** `PLUGIN_TIMEOUT` or `PLUGIN_ERROR` (a throw, or an invalid result such as a NaN score). */
  readonly code: DegradationCode;
};

/**
 * What happened to the audit event of this inspection: `LOGGED` (the sink
 * acknowledged it), `FAILED` (the sink rejected and `onAuditFailure` is
 * `'continue'`), or `DISABLED` (no audit sink configured, or the sink writes
 * nothing: its `log()` resolved `{ status: 'DISABLED' }`, as a `createAuditLogger({ enabled: false })` does).
 */
export type AuditStatus = 'LOGGED' | 'FAILED' | 'DISABLED';

/** The outcome of one inspection; hosts branch on `verdict`. */
export type Inspection = {
  /**
   * What the host must do. In `DRY_RUN` mode always `PASS`; the real
   * decision is in `wouldVerdict`.
   */
  readonly verdict: Verdict;
  /** The risk tier the combined score falls in (also reported in DRY_RUN). */
  readonly tier: RiskTier;
  /** Labels from all plugins plus `PLUGIN_ERROR:<id>`, `PLUGIN_TIMEOUT:<id>`, `QUARANTINE_DISABLED`. */
  readonly labels: readonly string[];
  /** Redacted matches from all plugins. */
  readonly matches: readonly InspectionMatch[];
  /** Plugins that failed or timed out; empty when all answered. */
  readonly degraded: readonly Degradation[];
  /** The quarantine record id, set when the content was stored for review. */
  readonly quarantineId?: string;
  /** `true` when the gate runs in `DRY_RUN` mode. */
  readonly dryRun: boolean;
  /** The verdict enforcing mode would have given (equals `verdict` outside DRY_RUN). */
  readonly wouldVerdict: Verdict;
  /** What happened to this inspection's audit event. */
  readonly audit: AuditStatus;
};

/** Per-call options of `ssg.inspect`. */
export type InspectOptions = {
  /**
   * The audit actor when `envelope.metadata.agentId` is absent.
   * @default 'anonymous'
   */
  readonly actorId?: string;
  /**
   * The audit actor type.
   * @default 'agent'
   */
  readonly actorType?: AuditActorType;
};
