import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quarantine } from '../../src/types.js';
import { allKeys, type Env, META, setupEnv } from './setup.js';

/**
 * The real Sequelize, except that a record lookup (the authenticated read
 * before every status change) waits until `parties` lookups have completed. So N callers
 * all read the same version before any of them writes: a true race on
 * every run, however loaded the machine, instead of a hoped-for one.
 */
function readBarrier(db: Sequelize): { db: Sequelize; arm(parties: number): void } {
  let waiting: (() => void)[] = [];
  let parties = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'query') return Reflect.get(target, prop, receiver);
      return async (sql: string, ...rest: unknown[]) => {
        const result = await (target.query as (...a: unknown[]) => Promise<unknown>).call(
          target,
          sql,
          ...rest,
        );
        // The authenticated read (record joined with its key row, issue 16).
        if (parties > 0 && /WHERE r\.id = \$1$/.test(sql)) {
          await new Promise<void>((release) => {
            waiting.push(release);
            if (waiting.length === parties) {
              parties = 0;
              for (const r of waiting) r();
              waiting = [];
            }
          });
        }
        return result;
      };
    },
  });
  return { db: proxy, arm: (n) => (parties = n) };
}

function codes(outcomes: PromiseSettledResult<unknown>[]): string[] {
  return outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason?.code)] : []));
}

describe('concurrent decisions on one record (optimistic concurrency)', () => {
  let env: Env;
  let q: Quarantine;
  let barrier: ReturnType<typeof readBarrier>;

  beforeAll(async () => {
    env = await setupEnv();
    barrier = readBarrier(env.db.sequelize);
    q = env.make({ database: barrier.db });
  });
  afterAll(async () => {
    await env.teardown();
  });

  it('of four reviewers acting at once exactly one wins; the others get CONFLICT', async () => {
    const id = await q.store('contested', META);
    barrier.arm(4);
    const outcomes = await Promise.allSettled([
      q.updateStatus(id, 'DELETED', { reviewedBy: 'a' }),
      q.updateStatus(id, 'UNDER_REVIEW', { reviewedBy: 'b' }),
      q.updateStatus(id, 'RELEASED', { reviewedBy: 'c' }),
      q.updateStatus(id, 'DELETED', { reviewedBy: 'd' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(codes(outcomes)).toEqual([
      'QUARANTINE_CONFLICT',
      'QUARANTINE_CONFLICT',
      'QUARANTINE_CONFLICT',
    ]);
    expect((await q.getMetadata(id))?.version).toBe(1);
  });

  it('two reviewers claiming the same record: the version, not the status, decides', async () => {
    const id = await q.store('claimed twice', META);
    barrier.arm(2);
    const outcomes = await Promise.allSettled([
      q.updateStatus(id, 'UNDER_REVIEW', { reviewedBy: 'a' }),
      q.updateStatus(id, 'UNDER_REVIEW', { reviewedBy: 'b' }),
    ]);
    const winner = outcomes.find((o) => o.status === 'fulfilled');
    expect(codes(outcomes)).toEqual(['QUARANTINE_CONFLICT']);
    const record = await q.getMetadata(id);
    expect(record).toMatchObject({ status: 'UNDER_REVIEW', version: 1 });
    expect(record?.reviewedBy).toBe(
      (winner as PromiseFulfilledResult<{ reviewedBy: string }>).value.reviewedBy,
    );
  });

  it('releases the plaintext exactly once to concurrent callers; final stays final', async () => {
    const id = await q.store('release me', META);
    barrier.arm(3);
    const outcomes = await Promise.allSettled([q.release(id), q.release(id), q.release(id)]);
    const values = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(values).toEqual(['release me']);
    expect(codes(outcomes)).toEqual(['QUARANTINE_CONFLICT', 'QUARANTINE_CONFLICT']);
    const record = await q.getMetadata(id);
    expect(record).toMatchObject({ status: 'RELEASED', version: 1 });
    for (const to of ['QUARANTINED', 'UNDER_REVIEW', 'DELETED', 'EXPIRED', 'RELEASED'] as const) {
      await expect(q.updateStatus(id, to)).rejects.toMatchObject({
        code: 'QUARANTINE_INVALID_TRANSITION',
      });
    }
    await expect(q.release(id)).rejects.toMatchObject({ code: 'QUARANTINE_INVALID_TRANSITION' });
    expect(await allKeys(env.bucket.client, env.bucket.bucket)).not.toContain(record?.s3Key);
  });

  it('a release racing a delete: either the plaintext leaves or it is destroyed, never both', async () => {
    const id = await q.store('release or delete', META);
    barrier.arm(2);
    const [released, deleted] = await Promise.allSettled([q.release(id), q.delete(id)]);
    const record = await q.getMetadata(id);
    if (released.status === 'fulfilled') {
      expect(released.value).toBe('release or delete');
      expect(deleted).toMatchObject({
        status: 'rejected',
        reason: { code: 'QUARANTINE_CONFLICT' },
      });
      expect(record?.status).toBe('RELEASED');
    } else {
      expect(released.reason).toMatchObject({ code: 'QUARANTINE_CONFLICT' });
      expect(deleted.status).toBe('fulfilled');
      expect(record?.status).toBe('DELETED');
    }
  });
});
