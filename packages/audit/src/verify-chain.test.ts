import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChainRow, computeRowHash, GENESIS_HASH } from './canonical.js';
import { createChainWalker, type StoredChainRow } from './verify-chain.js';

type Fields = Omit<ChainRow, 'seq' | 'prevHash' | 'createdAtMs'>;

const fields: fc.Arbitrary<Fields> = fc.record({
  eventType: fc.constantFrom('SSG_PASS', 'SSG_BLOCK', 'HUMAN_VIEW_CONTENT'),
  actorId: fc.string({ minLength: 1, maxLength: 6 }),
  actorType: fc.constantFrom('agent', 'bot', 'human', 'system'),
  targetId: fc.option(fc.string({ maxLength: 4 }), { nil: null }),
  targetType: fc.option(fc.constantFrom('POST', 'COMMENT'), { nil: null }),
  ipAddress: fc.option(fc.constantFrom('203.0.113.0', '2001:db8::'), { nil: null }),
  metadata: fc.option(fc.constantFrom('{}', '{"a":1}', '{"labels":["X"]}'), { nil: null }),
});

function build(list: readonly Fields[]): StoredChainRow[] {
  let prev = GENESIS_HASH;
  return list.map((f, i) => {
    const row: ChainRow = {
      ...f,
      seq: String(i + 1),
      createdAtMs: String(1_800_000_000_000 + i),
      prevHash: prev,
    };
    const hash = computeRowHash(row);
    prev = hash;
    return { ...row, hash };
  });
}

/** What the database returns after tampering: rows ordered by seq. */
function walk(rows: readonly StoredChainRow[], headSeq: number) {
  const walker = createChainWalker({ from: 1, anchorHash: GENESIS_HASH });
  const sorted = [...rows].sort((a, b) => Number(a.seq) - Number(b.seq));
  for (const r of sorted) {
    const brk = walker.push(r);
    if (brk !== null) return brk;
  }
  return walker.finish(headSeq);
}

type Mutation =
  | { kind: 'edit'; index: number; field: keyof Fields | 'createdAtMs'; value: string }
  | { kind: 'remove'; index: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'insert'; index: number; copyOf: number };

function mutate(rows: StoredChainRow[], m: Mutation): StoredChainRow[] | null {
  const out = rows.map((r) => ({ ...r }));
  const n = out.length;
  switch (m.kind) {
    case 'edit': {
      const r = out[m.index % n] as Record<string, unknown>;
      if (r[m.field] === m.value) return null;
      r[m.field] = m.value;
      return out;
    }
    case 'remove':
      out.splice(m.index % n, 1);
      return out;
    case 'swap': {
      const a = m.a % n;
      const b = m.b % n;
      if (a === b) return null;
      const ra = out[a] as StoredChainRow;
      const rb = out[b] as StoredChainRow;
      // A swap moves the contents: each row takes the other's position (seq).
      out[a] = { ...rb, seq: ra.seq };
      out[b] = { ...ra, seq: rb.seq };
      return out;
    }
    case 'insert': {
      const src = out[m.copyOf % n] as StoredChainRow;
      const at = m.index % (n + 1);
      // The forged row takes a position; later rows are renumbered to make room.
      const shifted = out.map((r, i) => (i >= at ? { ...r, seq: String(Number(r.seq) + 1) } : r));
      shifted.splice(at, 0, { ...src, seq: String(at + 1) });
      return shifted;
    }
  }
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    index: fc.nat(),
    field: fc.constantFrom(
      'eventType',
      'actorId',
      'actorType',
      'targetId',
      'ipAddress',
      'metadata',
      'createdAtMs',
    ) as fc.Arbitrary<keyof Fields | 'createdAtMs'>,
    value: fc.string({ maxLength: 5 }),
  }),
  fc.record({ kind: fc.constant('remove' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), index: fc.nat(), copyOf: fc.nat() }),
);

describe('chain walk', () => {
  it('accepts an untouched chain', () => {
    fc.assert(
      fc.property(fc.array(fields, { minLength: 0, maxLength: 30 }), (list) => {
        expect(walk(build(list), list.length)).toBeNull();
      }),
      { numRuns: 100 },
    );
  });

  it('property: catches any edited, removed, swapped or inserted row', () => {
    fc.assert(
      fc.property(fc.array(fields, { minLength: 1, maxLength: 30 }), mutation, (list, m) => {
        const rows = build(list);
        const tampered = mutate(rows, m);
        fc.pre(tampered !== null);
        // The chain head (or a checkpoint) records the length before tampering.
        expect(walk(tampered as StoredChainRow[], rows.length)).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('reports the first broken link with its position', () => {
    const rows = build(
      Array.from({ length: 5 }, (_, i) => ({
        eventType: 'SSG_PASS',
        actorId: `a${i}`,
        actorType: 'bot',
        targetId: null,
        targetType: null,
        ipAddress: null,
        metadata: null,
      })),
    );
    const edited = rows.map((r, i) => (i === 2 ? { ...r, actorId: 'x' } : r));
    expect(walk(edited, 5)).toEqual({
      kind: 'hash_mismatch',
      expectedSeq: 3,
      foundSeq: 3,
      position: 2,
    });
    expect(walk(rows.slice(0, 4), 5)).toEqual({
      kind: 'tail_missing',
      expectedSeq: 5,
      foundSeq: null,
      position: 4,
    });
  });

  it('anchors a partial walk on a checkpoint hash', () => {
    const rows = build(
      Array.from({ length: 4 }, (_, i) => ({
        eventType: 'SSG_PASS',
        actorId: `a${i}`,
        actorType: 'bot',
        targetId: null,
        targetType: null,
        ipAddress: null,
        metadata: null,
      })),
    );
    const ok = createChainWalker({ from: 3, anchorHash: rows[1]?.hash ?? '' });
    expect(ok.push(rows[2] as StoredChainRow)).toBeNull();
    const wrong = createChainWalker({ from: 3, anchorHash: rows[0]?.hash ?? '' });
    expect(wrong.push(rows[2] as StoredChainRow)).toMatchObject({ kind: 'prev_hash_mismatch' });
    const cp = createChainWalker({
      from: 1,
      anchorHash: GENESIS_HASH,
      checkpoint: { seq: 2, hash: rows[0]?.hash ?? '' },
    });
    expect(cp.push(rows[0] as StoredChainRow)).toBeNull();
    expect(cp.push(rows[1] as StoredChainRow)).toMatchObject({
      kind: 'checkpoint_mismatch',
      expectedSeq: 2,
    });
  });
});

function rowAt(seq: number, prevHash: string, ms: number, actorId = 'a'): StoredChainRow {
  const row: ChainRow = {
    seq: String(seq),
    createdAtMs: String(ms),
    eventType: 'SSG_PASS',
    actorId,
    actorType: 'agent',
    targetId: null,
    targetType: null,
    ipAddress: null,
    metadata: null,
    prevHash,
  };
  return { ...row, hash: computeRowHash(row) };
}

describe('time order and skipped ranges', () => {
  /** regression: issue 16 */
  it('property: any row older than the row before it breaks the walk with timestamp_decreased', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 30 }),
        (steps) => {
          let prev = GENESIS_HASH;
          let ms = 1_800_000_000_000;
          const rows = steps.map((step, i) => {
            // Steps above 900 go back in time; the rest move forward or stay.
            ms += step > 900 ? -(step - 900) : step;
            const r = rowAt(i + 1, prev, ms);
            prev = r.hash;
            return r;
          });
          const firstBack = steps.findIndex((s, i) => i > 0 && s > 900);
          const walker = createChainWalker({ from: 1, anchorHash: GENESIS_HASH });
          const brk = rows.map((r) => walker.push(r)).find((b) => b !== null) ?? null;
          if (firstBack === -1) expect(brk).toBeNull();
          else
            expect(brk).toMatchObject({ kind: 'timestamp_decreased', expectedSeq: firstBack + 1 });
        },
      ),
    );
  });

  /** regression: issue 16 */
  it('a first row older than minCreatedAtMs (the row before `from`) breaks the walk', () => {
    const r = rowAt(6, 'ab'.repeat(32), Date.UTC(1999, 0, 1));
    const walker = createChainWalker({
      from: 6,
      anchorHash: null,
      minCreatedAtMs: Date.UTC(2026, 0, 1),
    });
    expect(walker.push(r)).toMatchObject({ kind: 'timestamp_decreased', foundSeq: 6 });
  });

  /** regression: issue 16 */
  it('walks past a skipped range to its marker, which must chain on the row before the range', () => {
    const r1 = rowAt(1, GENESIS_HASH, 10);
    const junk = [
      rowAt(2, 'ff'.repeat(32), 1),
      rowAt(2, 'ee'.repeat(32), 1),
      rowAt(3, 'dd'.repeat(32), 2),
    ];
    const marker = rowAt(4, r1.hash, 11, 'clawexchange-audit');
    const after = rowAt(5, marker.hash, 12);
    const skips = [{ fromSeq: 2, toSeq: 3 }];
    const walker = createChainWalker({ from: 1, anchorHash: GENESIS_HASH, skips });
    for (const r of [r1, ...junk, marker, after]) expect(walker.push(r)).toBeNull();
    expect(walker.finish(5)).toBeNull();
    expect(walker.checked()).toBe(3);
    expect(walker.skipped()).toEqual(skips);
    // A marker that chains on a skipped row is a broken link.
    const bad = createChainWalker({ from: 1, anchorHash: GENESIS_HASH, skips });
    const badMarker = rowAt(4, (junk[2] as StoredChainRow).hash, 11);
    const results = [r1, ...junk, badMarker].map((r) => bad.push(r));
    expect(results.at(-1)).toMatchObject({ kind: 'prev_hash_mismatch', foundSeq: 4 });
  });

  /** regression: issue 16 */
  it('a skipped range over a checkpointed sequence is a forgery (checkpoint_mismatch)', () => {
    const r1 = rowAt(1, GENESIS_HASH, 10);
    const r2 = rowAt(2, r1.hash, 10);
    const marker = rowAt(3, r1.hash, 11);
    const walker = createChainWalker({
      from: 1,
      anchorHash: GENESIS_HASH,
      skips: [{ fromSeq: 2, toSeq: 2 }],
      checkpoint: { seq: 2, hash: r2.hash },
    });
    expect(walker.push(r1)).toBeNull();
    expect(walker.push(r2)).toMatchObject({ kind: 'checkpoint_mismatch', foundSeq: 2 });
    expect(marker.seq).toBe('3');
  });
});
