/**
 * The logger's side of anchored checkpoints: reading the latest one back
 * (checked) and publishing a new one only when the chain still continues
 * the last.
 */
import { AuditAlarmCode } from '../alarms.js';
import type { AuditAnchorResult, AuditAnchorStore } from '../anchor.js';
import { verifyAuditCheckpoint } from '../checkpoint.js';
import type { ResolvedConfig } from '../config.js';
import { AuditError, AuditErrorCode, isAuditError } from '../errors.js';
import type { AuditCheckpoint, AuditVerifyOptions, AuditVerifyResult } from '../types.js';
import type { AuditMetrics } from './metrics.js';

function anchorFailed(cause: unknown): AuditError {
  if (isAuditError(cause)) return cause;
  return new AuditError(AuditErrorCode.ANCHOR_FAILED, 'anchor store request failed', { cause });
}

/**
 * The latest anchored checkpoint, signature checked; null when none.
 *
 * @param store - the anchor store
 * @param config - the resolved config (its signer checks the signature)
 * @returns the checkpoint or null
 * @throws {AuditError} AUDIT_ANCHOR_FAILED, AUDIT_INVALID_CHECKPOINT (forged or foreign object)
 */
export async function latestAnchored(
  store: AuditAnchorStore,
  config: ResolvedConfig,
): Promise<AuditCheckpoint | null> {
  let raw: unknown;
  try {
    raw = await store.latest();
  } catch (cause) {
    throw anchorFailed(cause);
  }
  if (raw === null) return null;
  if (config.signer === null) {
    throw new AuditError(AuditErrorCode.CHECKPOINT_KEY_MISSING, 'anchors need checkpointKey', {
      field: 'checkpointKey',
    });
  }
  return verifyAuditCheckpoint(raw, config.signer);
}

/** What {@link publishAnchor} needs from the logger. */
export type AnchorDeps = {
  readonly store: AuditAnchorStore;
  readonly config: ResolvedConfig;
  readonly metrics: AuditMetrics;
  /** Signs the current head (`head()`). */
  readonly head: () => Promise<AuditCheckpoint>;
  /** The logger's verify, without the default anchor. */
  readonly verify: (options: AuditVerifyOptions) => Promise<AuditVerifyResult>;
};

function refuse(deps: AnchorDeps, anchored: AuditCheckpoint, headSeq: number): AuditError {
  deps.metrics.alarm({
    code: AuditAlarmCode.ANCHOR_MISMATCH,
    action: 'refused',
    anchoredSeq: anchored.seq,
    headSeq,
  });
  return new AuditError(
    AuditErrorCode.ANCHOR_MISMATCH,
    'the chain does not continue the latest anchored checkpoint; nothing was published',
    { field: 'checkpoint' },
  );
}

/**
 * Signs the head and publishes it, after proving that the chain from the
 * latest anchored checkpoint up to the head is intact (an incremental walk:
 * only the rows appended since).
 *
 * @param deps - see {@link AnchorDeps}
 * @returns the receipt and the checkpoint
 */
export async function publishAnchor(deps: AnchorDeps): Promise<AuditAnchorResult> {
  const last = await latestAnchored(deps.store, deps.config);
  const checkpoint = await deps.head();
  if (last !== null) {
    if (checkpoint.seq < last.seq) throw refuse(deps, last, checkpoint.seq);
    if (checkpoint.seq === last.seq && checkpoint.hash !== last.hash) {
      throw refuse(deps, last, checkpoint.seq);
    }
    if (checkpoint.seq > last.seq) {
      const walked = await deps.verify({ from: last.seq + 1, checkpoint: last, anchored: false });
      if (!walked.ok) throw refuse(deps, last, checkpoint.seq);
    }
  }
  try {
    const receipt = await deps.store.put(checkpoint);
    return { ...receipt, checkpoint };
  } catch (cause) {
    if (isAuditError(cause) && cause.code === AuditErrorCode.ANCHOR_MISMATCH) {
      throw refuse(deps, last ?? checkpoint, checkpoint.seq);
    }
    throw anchorFailed(cause);
  }
}
