/**
 * Offline verification of exported records (e.g. a JSONL archive written by
 * `clawexchange-audit export`), without a database.
 */
import { GENESIS_HASH } from './canonical.js';
import { AuditError, AuditErrorCode } from './errors.js';
import { checkAuditOptions, VERIFY_RECORDS_SPEC } from './internal/options.js';
import { canonicalMetadata, type MetadataLimits } from './metadata.js';
import type { AuditCheckpoint, AuditVerifyResult } from './types.js';
import { createChainWalker } from './verify-chain.js';

/** A record as exported: `createdAt` may be a Date or its ISO string (after JSON). */
export type ExportedAuditRecord = {
  readonly seq: number;
  readonly createdAt: Date | string;
  readonly eventType: string;
  readonly actorId: string;
  readonly actorType: string;
  readonly targetId: string | null;
  readonly targetType: string | null;
  readonly ipAddress: string | null;
  readonly metadata: Readonly<Record<string, unknown>> | null;
  readonly prevHash: string;
  readonly hash: string;
};

/** Options of {@link verifyAuditRecords}. */
export type VerifyAuditRecordsOptions = {
  /**
   * A checkpoint (already checked with `verifyAuditCheckpoint`) the records
   * must reach with its hash; when it sits just before the first record, it
   * anchors that record's `prevHash`.
   */
  readonly checkpoint?: AuditCheckpoint;
};

// Re-encoding only: the limits were enforced when the rows were written.
const NO_LIMITS: MetadataLimits = {
  maxMetadataBytes: Number.MAX_SAFE_INTEGER,
  maxMetadataStringLength: Number.MAX_SAFE_INTEGER,
  maxMetadataDepth: 1000,
  forbiddenMetadataKeys: new Set(),
};

function malformed(): AuditError {
  return new AuditError(AuditErrorCode.INVALID_RECORD, 'record is not an exported audit record', {
    field: 'records',
  });
}

function createdAtMs(value: Date | string): string {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isSafeInteger(ms)) throw malformed();
  return String(ms);
}

/**
 * Walks exported records in order and reports the first broken link, like
 * `verify()` does on the table. The first record is proven from the genesis
 * (seq 1) or from a checkpoint just before it; otherwise its `prevHash` is trusted.
 *
 * @param records - records in `seq` order (an array, or an async iterable of parsed JSONL lines)
 * @param options - see {@link VerifyAuditRecordsOptions}
 * @returns the result
 * @throws {AuditError} AUDIT_INVALID_RECORD when a record is not an exported record
 */
export async function verifyAuditRecords(
  records: Iterable<ExportedAuditRecord> | AsyncIterable<ExportedAuditRecord>,
  options: VerifyAuditRecordsOptions = {},
): Promise<AuditVerifyResult> {
  checkAuditOptions(options, VERIFY_RECORDS_SPEC);
  const { checkpoint } = options;
  let walker: ReturnType<typeof createChainWalker> | null = null;
  for await (const r of records) {
    if (typeof r !== 'object' || r === null || !Number.isSafeInteger(r.seq)) throw malformed();
    if (walker === null) {
      const anchorHash =
        r.seq === 1 ? GENESIS_HASH : checkpoint?.seq === r.seq - 1 ? checkpoint.hash : null;
      walker = createChainWalker({
        from: r.seq,
        anchorHash,
        ...(checkpoint === undefined ? {} : { checkpoint }),
      });
    }
    const brk = walker.push({
      seq: String(r.seq),
      createdAtMs: createdAtMs(r.createdAt),
      eventType: r.eventType,
      actorId: r.actorId,
      actorType: r.actorType,
      targetId: r.targetId,
      targetType: r.targetType,
      ipAddress: r.ipAddress,
      metadata: r.metadata === null ? null : canonicalMetadata(r.metadata, NO_LIMITS),
      prevHash: r.prevHash,
      hash: r.hash,
    });
    if (brk !== null) return { ok: false, checked: walker.checked(), break: brk };
  }
  if (walker === null) {
    walker = createChainWalker({
      from: 1,
      anchorHash: GENESIS_HASH,
      ...(checkpoint === undefined ? {} : { checkpoint }),
    });
  }
  const brk = walker.finish(0);
  if (brk !== null) return { ok: false, checked: walker.checked(), break: brk };
  return {
    ok: true,
    checked: walker.checked(),
    lastSeq: walker.lastSeq(),
    lastHash: walker.lastHash() ?? GENESIS_HASH,
  };
}
