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
};

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
  let checked = 0;
  const brk = (kind: AuditChainBreakKind, foundSeq: number | null): AuditChainBreak => ({
    kind,
    expectedSeq: expected,
    foundSeq,
    position: checked,
  });
  return {
    push(row) {
      const seq = Number(row.seq);
      if (seq > expected) return brk('sequence_gap', seq);
      if (seq < expected) return brk('sequence_out_of_order', seq);
      const hashOk = 'hashOk' in row ? row.hashOk : computeRowHash(row) === row.hash;
      if (!hashOk) return brk('hash_mismatch', seq);
      if (lastHash !== null && row.prevHash !== lastHash) return brk('prev_hash_mismatch', seq);
      if (opts.checkpoint !== undefined && opts.checkpoint.seq === seq) {
        if (opts.checkpoint.hash !== row.hash) return brk('checkpoint_mismatch', seq);
      }
      lastHash = row.hash;
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
  };
}
