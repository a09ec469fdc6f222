/**
 * Group commit. `log()` calls queue here; one batch at a time is written in
 * a transaction that locks the single-row chain head (`FOR UPDATE`), so
 * writers in any number of processes append to one chain, one batch after
 * another, and never fork it. Callers that arrive while a batch commits
 * ride in the next one: throughput grows with load, and every promise
 * settles only after its batch committed (or failed).
 */
import type { Sequelize, Transaction } from 'sequelize';
import { type ChainRow, computeRowHash } from '../canonical.js';
import type { ResolvedConfig } from '../config.js';
import { AuditError, AuditErrorCode } from '../errors.js';
import type { AuditRecord } from '../types.js';
import type { PreparedEvent } from '../validate-event.js';
import type { StoredChainRow } from '../verify-chain.js';
import type { AuditMetrics } from './metrics.js';
import { toRecord } from './rows.js';

type Pending = {
  readonly event: PreparedEvent;
  readonly startedAt: number;
  readonly resolve: (record: AuditRecord) => void;
  readonly reject: (error: unknown) => void;
};

/** The queue and its flusher. */
export type BatchWriter = {
  enqueue(event: PreparedEvent): Promise<AuditRecord>;
  flush(): Promise<void>;
  close(): Promise<void>;
};

const LOCK_HEAD = `SELECT last_seq::text AS seq, encode(last_hash, 'hex') AS hash,
  (extract(epoch FROM last_created_at) * 1000)::int8::text AS ms
  FROM audit_chain_head WHERE id = 1 FOR UPDATE`;

// One statement: the data-modifying CTE runs even though nothing reads it.
const INSERT_BATCH = `WITH inserted AS (
  INSERT INTO audit_logs (seq, created_at, event_type, actor_id, actor_type, target_id,
    target_type, ip_address, metadata, prev_hash, hash)
  SELECT u.seq, $2::timestamptz, u.event_type, u.actor_id, u.actor_type, u.target_id,
    u.target_type, u.ip_address, u.metadata::json, decode(u.prev_hash, 'hex'), decode(u.hash, 'hex')
  FROM unnest($1::int8[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
    $9::text[], $10::text[], $11::text[])
    AS u(seq, event_type, actor_id, actor_type, target_id, target_type, ip_address, metadata,
      prev_hash, hash)
  RETURNING 1
)
UPDATE audit_chain_head SET last_seq = $12, last_hash = decode($13, 'hex'), last_created_at = $2::timestamptz
WHERE id = 1 AND (SELECT count(*) FROM inserted) = $14`;

type Head = { seq: string; hash: string; ms: string | null };

function chainBatch(batch: readonly Pending[], head: Head, nowMs: number): StoredChainRow[] {
  let seq = Number(head.seq);
  let prevHash = head.hash;
  const createdAtMs = String(Math.max(nowMs, head.ms === null ? 0 : Number(head.ms)));
  return batch.map(({ event }) => {
    seq += 1;
    const row: ChainRow = { seq: String(seq), createdAtMs, prevHash, ...event };
    const hash = computeRowHash(row);
    prevHash = hash;
    return { ...row, hash };
  });
}

async function writeRows(
  db: Sequelize,
  batch: readonly Pending[],
  config: ResolvedConfig,
): Promise<StoredChainRow[]> {
  // READ COMMITTED whatever the host's default: FOR UPDATE then sees the
  // head the previous writer committed instead of failing to serialize.
  const t: Transaction = await db.transaction({
    isolationLevel: 'READ COMMITTED' as Transaction.ISOLATION_LEVELS,
  });
  try {
    const [heads] = (await db.query(LOCK_HEAD, { transaction: t })) as [Head[], unknown];
    const head = heads[0];
    if (head === undefined) throw new Error('audit_chain_head row missing: run auditMigrations');
    const rows = chainBatch(batch, head, config.now().getTime());
    const last = rows[rows.length - 1] as StoredChainRow;
    const col = <K extends keyof StoredChainRow>(k: K): StoredChainRow[K][] =>
      rows.map((r) => r[k]);
    const [, result] = (await db.query(INSERT_BATCH, {
      transaction: t,
      bind: [
        col('seq'),
        new Date(Number(last.createdAtMs)).toISOString(),
        col('eventType'),
        col('actorId'),
        col('actorType'),
        col('targetId'),
        col('targetType'),
        col('ipAddress'),
        col('metadata'),
        col('prevHash'),
        col('hash'),
        last.seq,
        last.hash,
        rows.length,
      ],
    })) as [unknown, { rowCount?: number }];
    if (result?.rowCount !== 1) throw new Error('chain head did not advance');
    await t.commit();
    return rows;
  } catch (error) {
    // The original error is what the caller needs; a failed rollback is only logged
    // (PostgreSQL rolls back anyway when the connection goes).
    await t.rollback().catch((rollbackError: unknown) => {
      config.logger.warn(
        { code: AuditErrorCode.WRITE_FAILED, rollbackFailed: rollbackError instanceof Error },
        'audit batch rollback failed',
      );
    });
    throw error;
  }
}

/**
 * Creates the group-commit writer.
 *
 * @param db - the host's Sequelize
 * @param config - resolved config (batch and queue sizes, clock, logger)
 * @param metrics - instruments
 * @returns the writer
 */
export function createBatchWriter(
  db: Sequelize,
  config: ResolvedConfig,
  metrics: AuditMetrics,
): BatchWriter {
  const queue: Pending[] = [];
  const spaceWaiters: (() => void)[] = [];
  const idleWaiters: (() => void)[] = [];
  let running = false;
  let closed = false;

  const wakeSpace = (): void => {
    while (spaceWaiters.length > 0 && queue.length < config.queueMaxSize) spaceWaiters.shift()?.();
  };

  async function writeOne(batch: Pending[]): Promise<void> {
    try {
      const rows = await writeRows(db, batch, config);
      metrics.recordBatch(batch.length);
      const done = performance.now();
      batch.forEach((p, i) => {
        metrics.recordWrite(done - p.startedAt, 'ok');
        p.resolve(toRecord(rows[i] as StoredChainRow));
      });
    } catch (cause) {
      config.logger.error(
        { code: AuditErrorCode.WRITE_FAILED, events: batch.length },
        'audit batch failed',
      );
      const done = performance.now();
      for (const p of batch) {
        metrics.recordWrite(done - p.startedAt, 'error');
        p.reject(
          new AuditError(AuditErrorCode.WRITE_FAILED, 'audit event was not committed', { cause }),
        );
      }
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, config.batchMaxSize);
      wakeSpace();
      await writeOne(batch);
    }
    running = false;
    while (idleWaiters.length > 0) idleWaiters.shift()?.();
  }

  function schedule(): void {
    if (running) return;
    running = true;
    // Let callers that arrive in the same turn join the first batch.
    setImmediate(() => {
      void drain(); // drain() never rejects: writeOne settles every promise itself
    });
  }

  return {
    async enqueue(event) {
      while (queue.length >= config.queueMaxSize) {
        if (closed) break;
        if (config.whenFull === 'reject') {
          throw new AuditError(AuditErrorCode.QUEUE_FULL, 'audit write queue is full', {
            field: 'queue.maxSize',
          });
        }
        await new Promise<void>((resolve) => spaceWaiters.push(resolve));
      }
      if (closed) throw new AuditError(AuditErrorCode.CLOSED, 'audit logger is closed');
      return new Promise<AuditRecord>((resolve, reject) => {
        queue.push({ event, startedAt: performance.now(), resolve, reject });
        schedule();
      });
    },
    flush() {
      if (!running && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closed = true;
      while (spaceWaiters.length > 0) spaceWaiters.shift()?.();
      await this.flush();
    },
  };
}
