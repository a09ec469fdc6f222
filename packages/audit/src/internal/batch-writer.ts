/**
 * Group commit. `log()` calls queue here; each batch is written by a single
 * statement that moves the single-row chain head (taking its row lock) and
 * appends only if the head is still the one the batch was chained on, so
 * writers in any number of processes append to one chain, one batch after
 * another, and never fork it. Callers that arrive while a batch commits
 * ride in the next one, which is already sent and waits at the server for
 * the head's lock (PIPELINE_DEPTH): throughput grows with load, and every
 * promise settles only after its batch committed (or failed).
 */
import type { Sequelize } from 'sequelize';
import { AuditAlarmCode } from '../alarms.js';
import { type ChainRow, computeRowHash } from '../canonical.js';
import type { ResolvedConfig } from '../config.js';
import { AuditError, AuditErrorCode } from '../errors.js';
import type { AuditRecord } from '../types.js';
import type { PreparedEvent } from '../validate-event.js';
import type { StoredChainRow } from '../verify-chain.js';
import type { AuditMetrics, BatchPath } from './metrics.js';
import { type PgClient, withRawConnection } from './raw-connection.js';
import { toRecord } from './rows.js';
import { adoptTail, type Head, inspectTail, type TailDecision } from './tail-recovery.js';

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

const READ_HEAD = `SELECT last_seq::text AS seq, encode(last_hash, 'hex') AS hash,
  (extract(epoch FROM last_created_at) * 1000)::int8::text AS ms
  FROM audit_chain_head WHERE id = 1`;

/*
 * One statement, one round trip, one commit per batch. The rows were chained
 * in JS on the head this process last saw ($12/$13). The `advanced` CTE moves
 * the chain head only if it is still that head: the UPDATE takes the head's
 * row lock itself (a concurrent writer's statement waits, then re-checks the
 * condition on the head it committed, under READ COMMITTED, and matches
 * nothing), so no separate `SELECT … FOR UPDATE` is needed. The rows are
 * inserted only when the head moved. Otherwise nothing is written and the
 * batch takes the locked slow path (appendLocked).
 * Data-modifying CTEs run even though the outer SELECT does not read them;
 * the step 0002 guards (AFTER triggers) see both the rows and the new head.
 */
const APPEND_BATCH = `WITH advanced AS (
  UPDATE audit_chain_head SET last_seq = $14::int8, last_hash = decode($15, 'hex'),
    last_created_at = $2::timestamptz
  WHERE id = 1 AND last_seq = $12::int8 AND last_hash = decode($13, 'hex')
  RETURNING 1
), inserted AS (
  INSERT INTO audit_logs (seq, created_at, event_type, actor_id, actor_type, target_id,
    target_type, ip_address, metadata, prev_hash, hash)
  SELECT u.seq, $2::timestamptz, u.event_type, u.actor_id, u.actor_type, u.target_id,
    u.target_type, u.ip_address, u.metadata::json, decode(u.prev_hash, 'hex'), decode(u.hash, 'hex')
  FROM unnest($1::int8[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
    $9::text[], $10::text[], $11::text[])
    AS u(seq, event_type, actor_id, actor_type, target_id, target_type, ip_address, metadata,
      prev_hash, hash)
  WHERE EXISTS (SELECT 1 FROM advanced)
  RETURNING 1
)
SELECT (SELECT count(*) FROM inserted)::int AS inserted,
  (SELECT count(*) FROM advanced)::int AS advanced`;

function chainBatch(
  batch: readonly { readonly event: PreparedEvent }[],
  head: Head,
  nowMs: number,
): StoredChainRow[] {
  let seq = Number(head.seq);
  let prevHash = head.hash;
  // created_at never goes back along the chain, whatever the writers' clocks say.
  const createdAtMs = String(Math.max(nowMs, head.ms === null ? 0 : Number(head.ms)));
  return batch.map(({ event }) => {
    seq += 1;
    const row: ChainRow = { seq: String(seq), createdAtMs, prevHash, ...event };
    const hash = computeRowHash(row);
    prevHash = hash;
    return { ...row, hash };
  });
}

/** The last row of a non-empty batch. */
const lastOf = (rows: readonly StoredChainRow[]): StoredChainRow =>
  rows[rows.length - 1] as StoredChainRow;

type AppendResult = { inserted: number; advanced: number };

async function append(
  conn: PgClient,
  rows: readonly StoredChainRow[],
  head: Head,
  prepared: boolean,
): Promise<AppendResult> {
  const last = lastOf(rows);
  const col = <K extends keyof StoredChainRow>(k: K): StoredChainRow[K][] => rows.map((r) => r[k]);
  const { rows: result } = await conn.query({
    // A named statement: parsed and planned once per pooled connection.
    ...(prepared ? { name: 'clawexchange_audit_append_v2' } : {}),
    text: APPEND_BATCH,
    values: [
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
      head.seq,
      head.hash,
      last.seq,
      last.hash,
    ],
  });
  const first = result[0] as AppendResult | undefined;
  if (first === undefined) throw new Error('append statement returned no row');
  return first;
}

const appended = (result: AppendResult, rows: readonly StoredChainRow[]): boolean =>
  result.inserted === rows.length && result.advanced === 1;

/**
 * Errors after which the locked slow path may succeed: a serialization
 * failure (REPEATABLE READ/SERIALIZABLE session default and a concurrent
 * head update), a duplicate key or the step 0002 guard (rows past the head,
 * which only the slow path looks for).
 */
function isRecoverable(error: unknown): boolean {
  const e = error as { code?: unknown } | null;
  return e?.code === '40001' || e?.code === '23505' || e?.code === '42501';
}

/** Applies the tail policy under the head lock; returns the head to chain on and extra events. */
async function resolveTail(
  conn: PgClient,
  head: Head,
  onTail: (decision: TailDecision) => void,
): Promise<{ stored: Head; chainOn: Head; extra: { event: PreparedEvent }[] }> {
  const decision = await inspectTail(conn, head);
  if (decision === null) return { stored: head, chainOn: head, extra: [] };
  onTail(decision);
  if (decision.action === 'adopt') {
    await adoptTail(conn, decision.head);
    return { stored: decision.head, chainOn: decision.head, extra: [] };
  }
  // The stored head stays where it is until the append moves it past the marker.
  return { stored: head, chainOn: decision.head, extra: [{ event: decision.marker }] };
}

/**
 * The slow path, which cannot lose: a READ COMMITTED transaction locks the
 * head first, chains the batch on it, appends with the same statement
 * (whose check now always holds) and commits. Used for a process's first
 * batch and after the fast path lost a race, so no writer can starve.
 */
async function appendLocked(
  conn: PgClient,
  batch: readonly Pending[],
  config: ResolvedConfig,
  onTail: (decision: TailDecision) => void,
): Promise<StoredChainRow[]> {
  await conn.query({ text: 'BEGIN ISOLATION LEVEL READ COMMITTED' });
  try {
    const { rows: heads } = await conn.query({ text: `${READ_HEAD} FOR UPDATE` });
    const locked = heads[0] as Head | undefined;
    if (locked === undefined) throw new Error('audit_chain_head row missing: run auditMigrations');
    // Never chain onto rows past the head unchecked (see tail-recovery.ts).
    const { stored, chainOn, extra } = await resolveTail(conn, locked, onTail);
    const rows = chainBatch([...extra, ...batch], chainOn, config.now().getTime());
    const result = await append(conn, rows, stored, config.preparedStatements);
    if (!appended(result, rows)) throw new Error('chain head moved while locked');
    await conn.query({ text: 'COMMIT' });
    // The marker row is the writer's own, not a caller's event.
    return rows.slice(extra.length);
  } catch (error) {
    await conn.query({ text: 'ROLLBACK' }).catch((rollbackError: unknown) => {
      // The pool validates the connection before reuse; the write error is what matters.
      config.logger.warn(
        { code: AuditErrorCode.WRITE_FAILED, rollbackFailed: rollbackError instanceof Error },
        'audit batch rollback failed',
      );
    });
    throw error;
  }
}

/**
 * Batches in flight at once. The next batch is chained on the previous
 * one's rows as soon as it leaves, and its statement waits at the server on
 * the head's row lock while the previous one commits: when that commit
 * ends, it proceeds without another client round trip. If the previous
 * batch fails or is re-chained, the waiting one's head check fails and it
 * takes the locked slow path, so order and the chain hold either way.
 */
const PIPELINE_DEPTH = 2;

/**
 * Per logger: the tip to chain the next batch on (the last row of the
 * latest batch sent), or null when this process does not know the head: no
 * batch has committed yet, or a batch found the chain it was sent on broken
 * (another writer moved the head, or a batch failed). While the tip is null
 * no batch is chained ahead; once the batches in flight settle, the tip
 * becomes the highest row this process committed ({@link Tip.committed}),
 * so the writer returns to the fast path however long the load lasts.
 */
type Tip = {
  head: Head | null;
  committed: Head | null;
  /** The latest batch sent. */
  latest: Landing;
  readonly onTail: (decision: TailDecision) => void;
};

/**
 * How a batch ended: `tail` is its last committed row, null if it failed,
 * undefined while it is in flight; `landed` settles when it ends.
 */
type Landing = { tail: Head | null | undefined; readonly landed: Promise<Head | null> };

/** A batch's landing, and the function that ends it (call it exactly once, on every exit). */
function newLanding(): { landing: Landing; land: (tail: Head | null) => void } {
  let resolve: (tail: Head | null) => void = () => undefined;
  const landing: Landing = {
    tail: undefined,
    landed: new Promise((r) => {
      resolve = r;
    }),
  };
  const land = (tail: Head | null): void => {
    landing.tail = tail;
    resolve(tail);
  };
  return { landing, land };
}

const headOf = (row: StoredChainRow): Head => ({
  seq: row.seq,
  hash: row.hash,
  ms: row.createdAtMs,
});

/** The later of two heads along the chain (the higher sequence number). */
const later = (a: Head | null, b: Head): Head =>
  a !== null && BigInt(a.seq) > BigInt(b.seq) ? a : b;

/** Whether the batch a chain was sent on committed the head that chain starts from. */
async function landedOn(predecessor: Landing, head: Head): Promise<boolean> {
  const tail = await predecessor.landed;
  return tail !== null && tail.seq === head.seq && tail.hash === head.hash;
}

/**
 * One batch on the fast path. Its statement can reach the server before the
 * one of the batch it was chained on (they travel on two connections) and
 * then finds the old head: it is sent once more when that batch has
 * committed the head it expects. Only then: if that batch had already
 * ended when the statement left, another writer moved the head.
 *
 * @returns whether the batch was appended
 */
async function appendOnTip(
  conn: PgClient,
  rows: readonly StoredChainRow[],
  head: Head,
  predecessor: Landing,
  prepared: boolean,
): Promise<boolean> {
  const overtaking = predecessor.tail === undefined;
  if (appended(await append(conn, rows, head, prepared), rows)) return true;
  return (
    overtaking &&
    (await landedOn(predecessor, head)) &&
    appended(await append(conn, rows, head, prepared), rows)
  );
}

/**
 * Writes one batch. Chains it synchronously, before the first await, so
 * the next batch (sent while this one commits) chains on these rows.
 */
async function writeRows(
  db: Sequelize,
  batch: readonly Pending[],
  config: ResolvedConfig,
  tip: Tip,
): Promise<{ rows: StoredChainRow[]; path: BatchPath }> {
  const head = tip.head;
  const predecessor = tip.latest;
  const { landing, land } = newLanding();
  tip.latest = landing;
  try {
    // Fast path: one autocommitted statement, chained on the tip (before the first await).
    const chained = head === null ? null : chainBatch(batch, head, config.now().getTime());
    if (chained !== null) tip.head = headOf(lastOf(chained));
    const written = await withRawConnection(db, async (conn) => {
      if (chained !== null && head !== null) {
        try {
          if (await appendOnTip(conn, chained, head, predecessor, config.preparedStatements)) {
            return { rows: chained, path: 'tip' as const };
          }
        } catch (error) {
          // Take the slow path, which also looks past the head (see isRecoverable).
          if (!isRecoverable(error)) throw error;
        }
        // The chain this batch was sent on is broken: chain nothing more on it.
        tip.head = null;
      }
      // Another writer moved the head, the previous batch failed, rows sit
      // past the head, or this process does not know the head yet.
      return { rows: await appendLocked(conn, batch, config, tip.onTail), path: 'locked' as const };
    });
    const tail = headOf(lastOf(written.rows));
    tip.committed = later(tip.committed, tail);
    land(tail);
    return written;
  } catch (error) {
    // Batches chained on this one's rows will re-chain themselves.
    tip.head = null;
    land(null);
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
  const inFlight = new Set<Promise<void>>();
  // Resolves the drain loop's wait when an event is queued or a batch ends.
  let wakeDrain: (() => void) | null = null;
  const tip: Tip = {
    head: null,
    committed: null,
    latest: { tail: null, landed: Promise.resolve(null) },
    onTail: (d: TailDecision): void =>
      metrics.alarm({
        code: AuditAlarmCode.TAIL_BEYOND_HEAD,
        action: d.action === 'adopt' ? 'adopted' : 'skipped',
        headSeq: d.headSeq,
        fromSeq: d.fromSeq,
        toSeq: d.toSeq,
      }),
  };
  let closed = false;

  const wakeSpace = (): void => {
    while (spaceWaiters.length > 0 && queue.length < config.queueMaxSize) spaceWaiters.shift()?.();
  };

  async function writeOne(batch: Pending[]): Promise<void> {
    let rows: StoredChainRow[];
    let path: BatchPath;
    try {
      ({ rows, path } = await writeRows(db, batch, config, tip));
    } catch (cause) {
      const done = performance.now();
      // Settle every promise first: nothing after this may leave a caller hanging.
      for (const p of batch) {
        p.reject(
          new AuditError(AuditErrorCode.WRITE_FAILED, 'audit event was not committed', { cause }),
        );
        metrics.recordWrite(done - p.startedAt, 'error');
      }
      config.logger.error(
        { code: AuditErrorCode.WRITE_FAILED, events: batch.length },
        'audit batch failed',
      );
      return;
    }
    // Committed: from here on, nothing may turn an acknowledged event into a failure.
    const done = performance.now();
    batch.forEach((p, i) => {
      p.resolve(toRecord(rows[i] as StoredChainRow));
      metrics.recordWrite(done - p.startedAt, 'ok');
    });
    metrics.recordBatch(batch.length, path);
  }

  /** A batch may be sent now: a free slot, and a tip to chain it on unless it goes alone. */
  const canStart = (): boolean =>
    inFlight.size === 0 || (inFlight.size < PIPELINE_DEPTH && tip.head !== null);

  function startBatch(): void {
    const batch = queue.splice(0, config.batchMaxSize);
    wakeSpace();
    const done: Promise<void> = writeOne(batch).finally(() => {
      inFlight.delete(done);
      // Every batch sent settled: what this process committed last is the head it knows.
      if (inFlight.size === 0 && tip.head === null) tip.head = tip.committed;
      wakeDrain?.();
    });
    inFlight.add(done);
  }

  async function drain(): Promise<void> {
    try {
      for (;;) {
        if (queue.length > 0 && canStart()) {
          // Let callers whose promises just settled log their next event first,
          // so batches stay full under load instead of alternating big and small.
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (queue.length > 0 && canStart()) startBatch();
        } else if (inFlight.size > 0) {
          // Wait for a batch to end, or (with a free slot) for an event to send.
          await new Promise<void>((resolve) => {
            wakeDrain = resolve;
          });
          wakeDrain = null;
        } else {
          return;
        }
      }
    } finally {
      running = false;
      while (idleWaiters.length > 0) idleWaiters.shift()?.();
    }
  }

  function schedule(): void {
    if (running) return;
    running = true;
    // drain() settles every queued promise itself; it can only reject if the
    // host's logger throws, and then the rejection surfaces as unhandled.
    void drain();
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
        if (canStart()) wakeDrain?.();
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
