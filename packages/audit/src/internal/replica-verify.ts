/**
 * verify() on the read replica: what the primary says about the replica's
 * snapshot, and whether a checkpoint past the replica's head is lag (left
 * unchecked, and said so) or a truncation of the primary (checked, so it
 * breaks as `tail_missing`).
 */
import type { Sequelize } from 'sequelize';
import type { AuditLogSink } from '../config.js';
import { AuditErrorCode } from '../errors.js';
import type { AuditCheckpoint, AuditReplicaReport, AuditVerifyResult } from '../types.js';
import type { StandbyState } from './chain-reader.js';

/** The primary's head and how far the replica's replay is behind it, in one statement. */
const PRIMARY_STATE = `SELECT h.last_seq::text AS seq,
  CASE WHEN $1::text IS NULL THEN NULL
       ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), $1::text::pg_lsn)::text END AS lag
  FROM audit_chain_head h WHERE h.id = 1`;

/** What the replica's snapshot showed. */
export type ReplicaSnapshotState = {
  readonly headSeq: number;
  readonly standby: StandbyState;
};

/** The report, and the checkpoint the walk must enforce (undefined: none). */
export type ReplicaDecision = {
  readonly report: AuditReplicaReport;
  readonly checkpoint: AuditCheckpoint | undefined;
};

async function askPrimary(
  primary: Sequelize,
  logger: AuditLogSink,
  replayLsn: string | null,
): Promise<{ seq: number | null; lag: number | null }> {
  try {
    // The write pool (a RAW query): Sequelize's read pool would be the replica again.
    const [rows] = (await primary.query(PRIMARY_STATE, {
      bind: [replayLsn],
      transaction: null,
    })) as [{ seq: string; lag: string | null }[], unknown];
    const row = rows[0];
    if (row === undefined) return { seq: null, lag: null };
    return { seq: Number(row.seq), lag: row.lag === null ? null : Math.max(0, Number(row.lag)) };
  } catch (error) {
    // The replica is there for when the primary is busy or down: verify goes on without it.
    logger.warn(
      { code: AuditErrorCode.READ_FAILED, primaryUnavailable: error instanceof Error },
      'audit verify on the read replica could not ask the primary for its head',
    );
    return { seq: null, lag: null };
  }
}

/**
 * Decides how a walk on the replica treats the checkpoint and what it reports.
 *
 * @param args - the primary, the logger, the replica snapshot's state, the checkpoint (if any)
 * @returns the report for `result.replica` and the checkpoint to enforce
 */
export async function decideOnReplica(args: {
  readonly primary: Sequelize;
  readonly logger: AuditLogSink;
  readonly snapshot: ReplicaSnapshotState;
  readonly checkpoint: AuditCheckpoint | undefined;
}): Promise<ReplicaDecision> {
  const { snapshot, checkpoint } = args;
  const primary = await askPrimary(args.primary, args.logger, snapshot.standby.replayLsn);
  const report: AuditReplicaReport = {
    headSeq: snapshot.headSeq,
    primaryHeadSeq: primary.seq,
    lagBytes: primary.lag,
    replayedAt:
      snapshot.standby.replayedAtMs === null ? null : new Date(snapshot.standby.replayedAtMs),
  };
  if (checkpoint === undefined || checkpoint.seq <= snapshot.headSeq) {
    return { report, checkpoint };
  }
  // The primary lost the rows the checkpoint certified: a truncation, not lag.
  if (primary.seq !== null && primary.seq < checkpoint.seq) return { report, checkpoint };
  return { report: { ...report, checkpointNotReached: checkpoint.seq }, checkpoint: undefined };
}

/**
 * The walk's result with the replica report attached. A primary whose head
 * is below the replica's lost rows the replica had already replayed (the
 * head only moves forward, and a standby only shows what the primary
 * committed): an intact walk on the replica then still answers
 * `tail_missing`, naming the first sequence gone from the primary.
 *
 * @param result - the walk's result on the replica
 * @param decision - from {@link decideOnReplica}
 * @returns the result to return
 */
export function withReplicaReport(
  result: AuditVerifyResult,
  decision: ReplicaDecision,
): AuditVerifyResult {
  const { report } = decision;
  const primarySeq = report.primaryHeadSeq;
  if (result.ok && primarySeq !== null && primarySeq < report.headSeq) {
    return {
      ok: false,
      checked: result.checked,
      break: {
        kind: 'tail_missing',
        expectedSeq: primarySeq + 1,
        foundSeq: null,
        position: result.checked,
      },
      replica: report,
    };
  }
  return { ...result, replica: report };
}
