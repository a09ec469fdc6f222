import type { TestDatabase } from '@clawexchange/test-utils';
import type { Meter } from '@opentelemetry/api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditRecord, createAuditLogger, isAuditError } from '../../src/index.js';
import { logged, migratedDatabase } from './helpers.js';

/** The stored hash of each sequence number asked for. */
async function storedHashes(
  db: TestDatabase,
  seqs: readonly number[],
): Promise<Map<number, string>> {
  const [rows] = await db.sequelize.query(
    `SELECT seq::int AS seq, encode(hash, 'hex') AS hash FROM audit_logs WHERE seq = ANY($1::int8[])`,
    { bind: [seqs.map(String)] },
  );
  return new Map((rows as { seq: number; hash: string }[]).map((r) => [r.seq, r.hash]));
}

/** A meter that keeps the `path` of every committed batch. */
function batchPathMeter(): { meter: Meter; paths: string[] } {
  const paths: string[] = [];
  const meter = {
    createHistogram: (name: string) => ({
      record: (_value: number, attributes?: { path?: string }) => {
        if (name === 'clawexchange.audit.batch.size') paths.push(String(attributes?.path));
      },
    }),
    createCounter: () => ({ add: () => undefined }),
  } as unknown as Meter;
  return { meter, paths };
}

/** `callers` callers, each logging `perCaller` events one after another; `between` runs after each event. */
async function sustainedLoad(
  log: (actorId: string) => Promise<unknown>,
  callers: number,
  perCaller: number,
  between: (acknowledged: number) => Promise<void> = async () => undefined,
): Promise<void> {
  let acknowledged = 0;
  await Promise.all(
    Array.from({ length: callers }, async (_, c) => {
      for (let i = 0; i < perCaller; i++) {
        await log(`load-${c}-${i}`);
        acknowledged += 1;
        await between(acknowledged);
      }
    }),
  );
}

describe('group commit', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await migratedDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  /** regression: issue 16 */
  it('property: loggers racing for one chain store every acknowledged event as acknowledged, each caller in call order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          loggers: fc.integer({ min: 1, max: 3 }),
          callers: fc.integer({ min: 1, max: 12 }),
          perCaller: fc.integer({ min: 1, max: 4 }),
          batchMaxSize: fc.integer({ min: 1, max: 20 }),
          preparedStatements: fc.boolean(),
        }),
        async (p) => {
          // Several loggers in one process race like writers in several processes:
          // each one's cached head goes stale whenever another commits.
          const loggers = Array.from({ length: p.loggers }, () =>
            createAuditLogger({
              database: db.sequelize,
              batch: { maxSize: p.batchMaxSize, preparedStatements: p.preparedStatements },
            }),
          );
          const byCaller = await Promise.all(
            Array.from({ length: p.callers }, async (_, c) => {
              const audit = loggers[c % loggers.length] as (typeof loggers)[number];
              const mine: AuditRecord[] = [];
              for (let k = 0; k < p.perCaller; k++) {
                mine.push(
                  await logged(
                    audit.log({ eventType: 'SSG_PASS', actorId: `c${c}-${k}`, actorType: 'agent' }),
                  ),
                );
              }
              return mine;
            }),
          );
          await Promise.all(loggers.map((l) => l.close()));
          for (const mine of byCaller) {
            // A caller that awaited each event sees its events chained in that order.
            for (let k = 1; k < mine.length; k++) {
              expect((mine[k] as AuditRecord).seq).toBeGreaterThan(
                (mine[k - 1] as AuditRecord).seq,
              );
            }
          }
          const all = byCaller.flat();
          expect(new Set(all.map((r) => r.seq)).size).toBe(all.length);
          const stored = await storedHashes(
            db,
            all.map((r) => r.seq),
          );
          for (const r of all) expect(stored.get(r.seq)).toBe(r.hash);
          const from = Math.min(...all.map((r) => r.seq));
          const result = await (loggers[0] as (typeof loggers)[number]).verify({ from });
          expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
        },
      ),
      { numRuns: 12 },
    );
  });

  async function withPoison(run: () => Promise<void>): Promise<void> {
    await db.sequelize.query(`CREATE FUNCTION audit_test_poison() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      BEGIN
        IF NEW.actor_id = 'poison' THEN RAISE EXCEPTION 'poisoned row'; END IF;
        RETURN NEW;
      END $fn$`);
    await db.sequelize.query(`CREATE TRIGGER audit_test_poison BEFORE INSERT ON audit_logs
      FOR EACH ROW EXECUTE FUNCTION audit_test_poison()`);
    try {
      await run();
    } finally {
      await db.sequelize.query('DROP TRIGGER audit_test_poison ON audit_logs');
      await db.sequelize.query('DROP FUNCTION audit_test_poison()');
    }
  }

  /**
   * Logs 30 events in one tick (batches of 10: [0..9], [10..19], [20..29], the
   * second sent while the first commits) with a poisoned row at `poisonAt`,
   * and checks that exactly the poisoned batch failed and nothing else.
   */
  async function poisonedRun(poisonAt: number, warm: boolean): Promise<void> {
    const audit = createAuditLogger({ database: db.sequelize, batch: { maxSize: 10 } });
    // A warm logger chains batches on its tip (the fast path); a cold one starts locked.
    if (warm) await audit.log({ eventType: 'SSG_PASS', actorId: 'warm-up', actorType: 'agent' });
    const tag = `p${poisonAt}${warm ? 'w' : 'c'}`;
    const actor = (i: number): string => (i === poisonAt ? 'poison' : `${tag}-${i}`);
    const settled = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        audit.log({ eventType: 'SSG_PASS', actorId: actor(i), actorType: 'agent' }),
      ),
    );
    await audit.close();
    const batchOf = (i: number): number => Math.floor(i / 10);
    settled.forEach((s, i) => {
      const failed = batchOf(i) === batchOf(poisonAt);
      expect(s.status, `event ${i}`).toBe(failed ? 'rejected' : 'fulfilled');
      if (s.status === 'rejected') {
        expect(isAuditError(s.reason) && s.reason.code).toBe('AUDIT_WRITE_FAILED');
      }
    });
    const [rows] = await db.sequelize.query(
      'SELECT actor_id FROM audit_logs WHERE actor_id LIKE $1 OR actor_id = $2',
      { bind: [`${tag}-%`, 'poison'] },
    );
    const stored = new Set((rows as { actor_id: string }[]).map((r) => r.actor_id));
    for (let i = 0; i < 30; i++) {
      expect(stored.has(actor(i)), `event ${i}`).toBe(batchOf(i) !== batchOf(poisonAt));
    }
    const result = await audit.verify();
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  }

  /** regression: issue 16 */
  it('a failed batch fails every caller in it, and only them; the next batch commits', async () => {
    await withPoison(() => poisonedRun(15, false));
  });

  /** regression: issue 16 */
  it('a batch sent while a failing one commits was chained on rows that never landed: it re-chains and commits', async () => {
    // Batch 0 fails on the fast path while batch 1, chained on batch 0's rows, waits for the head lock.
    await withPoison(() => poisonedRun(5, true));
  });

  /** regression: issue 16 */
  it('under sustained load one writer commits every batch after its first on the tip, in one statement', async () => {
    const { meter, paths } = batchPathMeter();
    const audit = createAuditLogger({ database: db.sequelize, meter, batch: { maxSize: 8 } });
    await sustainedLoad(
      (actorId) => audit.log({ eventType: 'SSG_PASS', actorId, actorType: 'agent' }),
      32,
      8,
    );
    await audit.close();
    // Enough batches that the pipeline always had one in flight when the next was sent.
    expect(paths.length).toBeGreaterThanOrEqual(32);
    expect(paths.filter((p) => p === 'locked')).toEqual(['locked']);
    expect(paths[0]).toBe('locked');
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  /** regression: issue 16 */
  it('after another writer moves the head, the batches sent on the old head re-chain and the next ones are back on the tip', async () => {
    const { meter, paths } = batchPathMeter();
    const audit = createAuditLogger({ database: db.sequelize, meter, batch: { maxSize: 8 } });
    const other = createAuditLogger({ database: db.sequelize });
    let interrupted = false;
    await sustainedLoad(
      (actorId) => audit.log({ eventType: 'SSG_PASS', actorId, actorType: 'agent' }),
      32,
      8,
      async (acknowledged) => {
        if (interrupted || acknowledged < 64) return;
        interrupted = true;
        await other.log({ eventType: 'SSG_PASS', actorId: 'other-writer', actorType: 'agent' });
      },
    );
    await Promise.all([audit.close(), other.close()]);
    const locked = paths.filter((p) => p === 'locked').length;
    // The first batch, and at most the two sent on the head the other writer moved.
    expect(locked).toBeGreaterThanOrEqual(2);
    expect(locked).toBeLessThanOrEqual(3);
    expect(paths.slice(-8)).toEqual(Array(8).fill('tip'));
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  /** regression: issue 16 (review: a batch whose chaining threw left the next one waiting forever) */
  it('a batch that fails before its statement leaves, then another writer moving the head: the next batch still commits', async () => {
    let clockFails = false;
    const audit = createAuditLogger({
      database: db.sequelize,
      now: () => {
        if (!clockFails) return new Date();
        clockFails = false;
        throw new Error('clock failure');
      },
    });
    const other = createAuditLogger({ database: db.sequelize });
    await audit.log({ eventType: 'SSG_PASS', actorId: 'clock-1', actorType: 'agent' });
    await audit.log({ eventType: 'SSG_PASS', actorId: 'clock-2', actorType: 'agent' });
    clockFails = true;
    const failed = audit.log({ eventType: 'SSG_PASS', actorId: 'clock-3', actorType: 'agent' });
    await expect(failed).rejects.toMatchObject({ code: 'AUDIT_WRITE_FAILED' });
    await other.log({ eventType: 'SSG_PASS', actorId: 'clock-other', actorType: 'agent' });
    // Chained on a head that moved, with the failed batch as its predecessor: before the fix it
    // waited for that batch to land, which never happened, and held its connection.
    const next = await logged(
      audit.log({ eventType: 'SSG_PASS', actorId: 'clock-4', actorType: 'agent' }),
    );
    expect(next.actorId).toBe('clock-4');
    await Promise.all([audit.close(), other.close()]);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });
});
