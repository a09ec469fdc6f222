/**
 * The chain walk behind `verify()`: pure, fed rows in `seq` order, stops at
 * the first broken link.
 */
import { type ChainRow, computeRowHash } from './canonical.js';
import type { AuditChainBreak, AuditChainBreakKind } from './types.js';

/** A stored row: the hashed fields plus the stored hash. */
export type StoredChainRow = ChainRow & { readonly hash: string };

/** A row whose content hash was already checked (by the database). */
export type CheckedLink = {
  readonly seq: string;
  readonly prevHash: string;
  readonly hash: string;
  /** `created_at` in epoch milliseconds (decimal text). */
  readonly createdAtMs: string;
  /** Whether the stored hash matches the row's canonical encoding. */
  readonly hashOk: boolean;
};

/** Where the walk starts and what it must reach. */
export type ChainWalkOptions = {
  /** First sequence expected. */
  readonly from: number;
  /** The hash the first row must chain to; null trusts the first row's stored `prevHash`. */
  readonly anchorHash: string | null;
  /** A checkpoint the walk must pass through, with this hash. */
  readonly checkpoint?: { readonly seq: number; readonly hash: string };
  /** `created_at` (epoch ms) of the row before `from`: the first row may not be older. @default 0 */
  readonly minCreatedAtMs?: number;
  /**
   * Ranges of rows the writer skipped (rows found past the head that did not
   * continue it), each closed by its `AUDIT_TAIL_SKIPPED` row at `toSeq + 1`.
   */
  readonly skips?: readonly SkippedRange[];
};

/** Rows the writer skipped, named by the marker row right after them. */
export type SkippedRange = { readonly fromSeq: number; readonly toSeq: number };

/** A running chain walk. */
export type ChainWalker = {
  /** Checks the next row; returns the break, or null when the link holds. */
  push(row: StoredChainRow | CheckedLink): AuditChainBreak | null;
  /** After the last row: checks that the chain reached `mustReachSeq` (and the checkpoint). */
  finish(mustReachSeq: number): AuditChainBreak | null;
  /** Rows that passed. */
  readonly checked: () => number;
  /** Last good sequence (from - 1 before any row). */
  readonly lastSeq: () => number;
  /** Last good hash (the anchor before any row, or null). */
  readonly lastHash: () => string | null;
  /** Skipped ranges walked past so far. */
  readonly skipped: () => readonly SkippedRange[];
};

/**
 * Starts a chain walk.
 *
 * @param opts - see {@link ChainWalkOptions}
 * @returns the walker
 */
export function createChainWalker(opts: ChainWalkOptions): ChainWalker {
  let expected = opts.from;
  let lastHash = opts.anchorHash;
  let lastMs = opts.minCreatedAtMs ?? 0;
  let checked = 0;
  const skipsByFrom = new Map((opts.skips ?? []).map((r) => [r.fromSeq, r]));
  const walkedPast: SkippedRange[] = [];
  let skipping: SkippedRange | null = null;
  const brk = (kind: AuditChainBreakKind, foundSeq: number | null): AuditChainBreak => ({
    kind,
    expectedSeq: expected,
    foundSeq,
    position: checked,
  });
  /** Enters a skipped range starting at `expected`; a range over a checkpointed row is a forgery. */
  const enterSkip = (): AuditChainBreak | null => {
    const range = skipsByFrom.get(expected);
    if (range === undefined) return null;
    const cp = opts.checkpoint;
    if (cp !== undefined && cp.seq >= range.fromSeq && cp.seq <= range.toSeq) {
      return brk('checkpoint_mismatch', range.fromSeq);
    }
    skipping = range;
    walkedPast.push(range);
    expected = range.toSeq + 1;
    return null;
  };
  return {
    push(row) {
      const seq = Number(row.seq);
      if (skipping === null && seq >= expected) {
        const bad = enterSkip();
        if (bad !== null) return bad;
      }
      if (skipping !== null) {
        if (seq >= skipping.fromSeq && seq <= skipping.toSeq) return null;
        skipping = null;
      }
      if (seq > expected) return brk('sequence_gap', seq);
      if (seq < expected) return brk('sequence_out_of_order', seq);
      const hashOk = 'hashOk' in row ? row.hashOk : computeRowHash(row) === row.hash;
      if (!hashOk) return brk('hash_mismatch', seq);
      if (lastHash !== null && row.prevHash !== lastHash) return brk('prev_hash_mismatch', seq);
      const ms = Number(row.createdAtMs);
      if (!(ms >= lastMs)) return brk('timestamp_decreased', seq);
      if (opts.checkpoint !== undefined && opts.checkpoint.seq === seq) {
        if (opts.checkpoint.hash !== row.hash) return brk('checkpoint_mismatch', seq);
      }
      lastHash = row.hash;
      lastMs = ms;
      expected++;
      checked++;
      return null;
    },
    finish(mustReachSeq) {
      const reach = Math.max(mustReachSeq, opts.checkpoint?.seq ?? 0);
      if (expected - 1 < reach) return brk('tail_missing', null);
      return null;
    },
    checked: () => checked,
    lastSeq: () => expected - 1,
    lastHash: () => lastHash,
    skipped: () => [...walkedPast],
  };
}
