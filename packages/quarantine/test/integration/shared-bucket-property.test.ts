/**
 * Property: whatever two deployments on one bucket and one prefix do —
 * store, delete, lose a record to a crash, run cleanup() — every record
 * either still holds stays readable, and once both have swept, the bucket
 * holds exactly the objects of held records.
 */
import { randomBytes } from 'node:crypto';
import {
  createTestBucket,
  createTestDatabase,
  type TestBucket,
  type TestDatabase,
} from '@clawexchange/test-utils';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuarantineService } from '../../src/create-quarantine.js';
import { quarantineMigrations } from '../../src/migrations/index.js';
import type { Quarantine } from '../../src/types.js';
import { allKeys, fakeClock, META } from './setup.js';

type Side = {
  readonly db: TestDatabase;
  readonly clock: ReturnType<typeof fakeClock>;
  readonly q: Quarantine;
  readonly held: Map<string, string>;
};

type Op =
  | { readonly kind: 'store'; readonly side: 0 | 1 }
  | { readonly kind: 'delete'; readonly side: 0 | 1; readonly pick: number }
  | { readonly kind: 'loseRecord'; readonly side: 0 | 1 }
  | { readonly kind: 'cleanup'; readonly side: 0 | 1; readonly advanceMs: number };

const side = fc.constantFrom<0 | 1>(0, 1);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('store' as const), side }),
  fc.record({ kind: fc.constant('delete' as const), side, pick: fc.nat() }),
  fc.record({ kind: fc.constant('loseRecord' as const), side }),
  fc.record({
    kind: fc.constant('cleanup' as const),
    side,
    // Either side of the sweep's 15-minute age threshold.
    advanceMs: fc.constantFrom(0, 60_000, 3_600_000),
  }),
);

describe('two deployments on one bucket and prefix, any interleaving', () => {
  let bucket: TestBucket;
  let sides: [Side, Side];
  let counter = 0;

  beforeAll(async () => {
    const [b, db0, db1] = await Promise.all([
      createTestBucket(),
      createTestDatabase(),
      createTestDatabase(),
    ]);
    bucket = b;
    const make = async (db: TestDatabase): Promise<Side> => {
      for (const m of quarantineMigrations)
        await m.up(db.sequelize.getQueryInterface(), db.sequelize);
      const clock = fakeClock();
      const q = createQuarantineService({
        storage: {
          endpoint: b.endpoint,
          bucket: b.bucket,
          accessKey: b.accessKey,
          secretKey: b.secretKey,
          region: b.region,
          forcePathStyle: true,
        },
        encryption: { masterKey: randomBytes(32).toString('base64') },
        database: db.sequelize,
        expiryHours: 24 * 365,
        now: clock.now,
      });
      return { db, clock, q, held: new Map() };
    };
    sides = [await make(db0), await make(db1)];
  });
  afterAll(async () => {
    await Promise.allSettled([sides[0].db.drop(), sides[1].db.drop(), bucket.cleanup()]);
  });

  async function apply(o: Op): Promise<void> {
    const s = sides[o.side];
    if (o.kind === 'store') {
      const text = `side ${o.side} text ${counter++}`;
      s.held.set(await s.q.store(text, META), text);
    } else if (o.kind === 'delete') {
      const ids = [...s.held.keys()];
      const id = ids[o.pick % Math.max(ids.length, 1)];
      if (id === undefined) return;
      await s.q.delete(id);
      s.held.delete(id);
    } else if (o.kind === 'loseRecord') {
      // A crash after the object landed and before the record was committed
      // held: the object is left with no record at all.
      const id = await s.q.store('lost', META);
      await s.db.sequelize.query('DELETE FROM quarantine_records WHERE id = $1', { bind: [id] });
    } else {
      s.clock.advance(o.advanceMs);
      await s.q.cleanup();
    }
  }

  async function allHeldReadable(): Promise<void> {
    for (const s of sides) {
      for (const [id, text] of s.held) expect(await s.q.read(id)).toBe(text);
    }
  }

  /** regression: issue 11 */
  it('never loses a held record of either side, and leaves no orphan of either once both swept', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        for (const o of ops) {
          await apply(o);
          await allHeldReadable();
        }
        for (const s of sides) {
          s.clock.advance(3_600_000);
          await s.q.cleanup();
        }
        await allHeldReadable();
        const expected: string[] = [];
        for (const s of sides) {
          for (const id of s.held.keys()) {
            const record = await s.q.getMetadata(id);
            if (record !== null) expected.push(record.s3Key);
          }
        }
        expect((await allKeys(bucket.client, bucket.bucket)).sort()).toEqual(expected.sort());
      }),
      { numRuns: 12 },
    );
  });
});
