/** The port both stores (Redis and memory) implement. */

/** One window of a decision request. */
export type WindowRequest = {
  /** Limit after trust, before penalties (may be fractional). */
  readonly base: number;
  readonly windowMs: number;
};

/** A decision request: both windows of one agent and tier. */
export type StoreRequest = {
  readonly counterKey: string;
  readonly verdictKey: string;
  readonly mode: 'check' | 'consume' | 'reward';
  readonly cost: number;
  /** Bit 1 moderate content, 2 quarantine 24 h, 4 multiple quarantine 7 d. */
  readonly penaltyMask: number;
  /** Factors in PENALTY_ORDER. */
  readonly factors: readonly [number, number, number];
  readonly burst: WindowRequest;
  readonly window: WindowRequest;
  readonly buckets: number;
};

/** One window of a decision reply. */
export type WindowReply = {
  readonly limit: number;
  /** Count in the window (after consuming, when consumed). */
  readonly used: number;
  readonly retryAtMs: number;
  readonly resetAtMs: number;
};

/** A decision reply. */
export type StoreReply = {
  readonly allowed: boolean;
  readonly nowMs: number;
  /** Mask of the penalties that applied (passed in or derived). */
  readonly penaltyMask: number;
  readonly burst: WindowReply;
  readonly window: WindowReply;
};

/** Verdicts that leave a trace. */
export type VerdictKind = 'WARN' | 'QUARANTINE';

/** Storage of counters and verdict times. */
export type Store = {
  decide(req: StoreRequest): Promise<StoreReply>;
  recordVerdict(verdictKey: string, kind: VerdictKind): Promise<void>;
  /** Forgets every count of one agent and tier. */
  resetCounters(req: StoreRequest): Promise<void>;
  /** Forgets the recorded verdicts of one agent. */
  clearVerdicts(verdictKey: string): Promise<void>;
};

/** Durations of the derived penalties (ms). */
export const PENALTY_SPANS_MS = {
  moderate: 3_600_000,
  quarantine: 86_400_000,
  multiple: 604_800_000,
} as const;
