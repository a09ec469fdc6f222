/**
 * The audit logger factory.
 */
import type { AuditEventInput, AuditSink } from '@clawexchange/ssg';
import { AUDIT_LOG_DISABLED } from '@clawexchange/ssg/common';
import type { Sequelize } from 'sequelize';
import { GENESIS_HASH } from './canonical.js';
import { signCheckpoint, verifyAuditCheckpoint } from './checkpoint.js';
import { type AuditLoggerConfig, type ResolvedConfig, resolveConfig } from './config.js';
import { AuditError, AuditErrorCode, isAuditError } from './errors.js';
import { latestAnchored, publishAnchor } from './internal/anchoring.js';
import { createBatchWriter } from './internal/batch-writer.js';
import {
  type ChainSnapshot,
  openChainSnapshot,
  RECORD_VIEW,
  type ReadSource,
} from './internal/chain-reader.js';
import { createAuditMetrics } from './internal/metrics.js';
import { checkKeysIfObject, EXPORT_SPEC, VERIFY_SPEC } from './internal/options.js';
import {
  decideOnReplica,
  type ReplicaDecision,
  withReplicaReport,
} from './internal/replica-verify.js';
import { type RawRow, toChainRow, toRecord } from './internal/rows.js';
import { buildQuery, encodeCursor } from './query.js';
import type {
  AuditChainBreak,
  AuditCheckpoint,
  AuditExportOptions,
  AuditLogger,
  AuditPage,
  AuditRecord,
  AuditVerifyOptions,
  AuditVerifyResult,
} from './types.js';
import { prepareEvent } from './validate-event.js';
import { type ChainWalker, createChainWalker, type StoredChainRow } from './verify-chain.js';

function disabled(): AuditError {
  return new AuditError(AuditErrorCode.DISABLED, 'audit logger is disabled (enabled: false)');
}

function readFailed(cause: unknown): AuditError {
  if (isAuditError(cause)) return cause;
  return new AuditError(AuditErrorCode.READ_FAILED, 'audit read failed', { cause });
}

function checkRange(value: unknown, field: string, dflt: number | null): number | null {
  if (value === undefined) return dflt;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new AuditError(AuditErrorCode.INVALID_RANGE, 'expected a positive integer sequence', {
      field,
    });
  }
  return value;
}

function resolveRange(options: AuditExportOptions): { from: number; to: number | null } {
  if (typeof options !== 'object' || options === null) {
    throw new AuditError(AuditErrorCode.INVALID_RANGE, 'options must be an object', {
      field: 'options',
    });
  }
  const from = checkRange(options.from, 'from', 1) as number;
  const to = checkRange(options.to, 'to', null);
  if (to !== null && to < from) {
    throw new AuditError(AuditErrorCode.INVALID_RANGE, 'to is below from', { field: 'to' });
  }
  return { from, to };
}

function beyondHead(walker: ChainWalker, seq: number): AuditChainBreak {
  return {
    kind: 'rows_beyond_head',
    expectedSeq: walker.lastSeq() + 1,
    foundSeq: seq,
    position: walker.checked(),
  };
}

/** Where verify() reads, and the primary it asks about a replica's lag. */
type VerifySources = { readonly reader: ReadSource; readonly primary: Sequelize };

async function runVerify(
  sources: VerifySources,
  config: ResolvedConfig,
  options: AuditVerifyOptions,
): Promise<AuditVerifyResult> {
  const { from, to } = resolveRange(options);
  let checkpoint: AuditCheckpoint | undefined;
  if (options.checkpoint !== undefined) {
    if (config.signer === null) {
      throw new AuditError(
        AuditErrorCode.CHECKPOINT_KEY_MISSING,
        'checking a checkpoint needs checkpointKey',
        { field: 'checkpointKey' },
      );
    }
    checkpoint = verifyAuditCheckpoint(options.checkpoint, config.signer);
    if (checkpoint.seq < from - 1 || (to !== null && checkpoint.seq > to)) {
      throw new AuditError(AuditErrorCode.INVALID_RANGE, 'checkpoint lies outside from..to', {
        field: 'checkpoint',
      });
    }
  }
  // From the genesis, the first link is proven; from a checkpoint just before
  // `from`, it is proven against the checkpoint; otherwise it is trusted.
  const anchorHash =
    from === 1 ? GENESIS_HASH : checkpoint?.seq === from - 1 ? checkpoint.hash : null;
  // Every row is hashed here, none in SQL: the database only streams rows.
  // Hashing half of them in PostgreSQL (to_json of ten fields, then SHA-256)
  // cost more server CPU than it saved Node, and verify() was slower for it.
  const snapshot = await openChainSnapshot(
    sources.reader,
    config.logger,
    { from, to },
    RECORD_VIEW,
  );
  let onReplica: ReplicaDecision | null = null;
  try {
    onReplica =
      snapshot.standby === null
        ? null
        : await decideOnReplica({
            primary: sources.primary,
            logger: config.logger,
            snapshot: { headSeq: snapshot.headSeq, standby: snapshot.standby },
            checkpoint,
          });
  } catch (error) {
    await snapshot.close();
    throw error;
  }
  if (onReplica !== null) checkpoint = onReplica.checkpoint;
  const done = (r: AuditVerifyResult): AuditVerifyResult =>
    onReplica === null ? r : withReplicaReport(r, onReplica);
  const walker = createChainWalker({
    from,
    anchorHash,
    ...(checkpoint === undefined ? {} : { checkpoint }),
    ...(snapshot.prevCreatedAtMs === null ? {} : { minCreatedAtMs: snapshot.prevCreatedAtMs }),
    skips: snapshot.skips,
  });
  try {
    for await (const page of snapshot.pages) {
      for (const row of page) {
        // Rows past the head were never acknowledged by the writer: a wedge in the making.
        const seq = Number(row.seq);
        if (seq > snapshot.headSeq) {
          const brk = beyondHead(walker, seq);
          return done({ ok: false, checked: walker.checked(), break: brk });
        }
        const brk = walker.push(row);
        if (brk !== null) return done({ ok: false, checked: walker.checked(), break: brk });
      }
    }
    // Rows the head says exist must be there, up to `to`: rows deleted at the
    // end of an explicit range are a truncation too.
    const brk = walker.finish(to === null ? snapshot.headSeq : Math.min(to, snapshot.headSeq));
    if (brk !== null) return done({ ok: false, checked: walker.checked(), break: brk });
    const skipped = walker.skipped();
    return done({
      ok: true,
      checked: walker.checked(),
      lastSeq: walker.checked() === 0 ? 0 : walker.lastSeq(),
      lastHash: walker.lastHash() ?? GENESIS_HASH,
      ...(skipped.length === 0 ? {} : { skipped }),
    });
  } finally {
    await snapshot.close();
  }
}

const HEAD_SQL = `SELECT h.last_seq::text AS seq, encode(h.last_hash, 'hex') AS hash,
  (SELECT encode(l.hash, 'hex') FROM audit_logs l WHERE l.seq = h.last_seq LIMIT 1) AS row_hash
  FROM audit_chain_head h WHERE h.id = 1`;

async function readHead(db: Sequelize, config: ResolvedConfig): Promise<AuditCheckpoint> {
  const signer = config.signer;
  if (signer === null || !signer.canSign) {
    throw new AuditError(
      AuditErrorCode.CHECKPOINT_KEY_MISSING,
      'head() needs checkpointKey with an HMAC secret or Ed25519 private key',
      { field: 'checkpointKey' },
    );
  }
  let head: { seq: string; hash: string; row_hash: string | null } | undefined;
  try {
    const [rows] = await db.query(HEAD_SQL, { transaction: null });
    head = (rows as (typeof head)[])[0];
  } catch (cause) {
    throw readFailed(cause);
  }
  if (head === undefined) throw readFailed(new Error('audit_chain_head row missing'));
  const seq = Number(head.seq);
  // Never sign a head the table does not back: that would certify a broken chain.
  if (seq > 0 && head.row_hash !== head.hash) {
    throw new AuditError(
      AuditErrorCode.CHAIN_INCONSISTENT,
      'chain head and last stored row disagree; run verify()',
    );
  }
  return signCheckpoint(signer, { seq, hash: head.hash, at: config.now() });
}

async function* exportRows(
  source: ReadSource,
  config: ResolvedConfig,
  options: AuditExportOptions,
): AsyncGenerator<AuditRecord> {
  checkKeysIfObject(options, EXPORT_SPEC);
  const range = resolveRange(options);
  let snapshot: ChainSnapshot<StoredChainRow>;
  try {
    snapshot = await openChainSnapshot(source, config.logger, range, RECORD_VIEW);
  } catch (cause) {
    throw readFailed(cause);
  }
  try {
    for (;;) {
      let next: IteratorResult<StoredChainRow[]>;
      try {
        next = await snapshot.pages.next();
      } catch (cause) {
        throw readFailed(cause);
      }
      if (next.done === true) return;
      for (const row of next.value) yield toRecord(row);
    }
  } finally {
    await snapshot.close();
  }
}

/**
 * Creates an audit logger on the host's PostgreSQL database. Validates the
 * config before any I/O; opens no connection of its own (it uses the host's
 * Sequelize pool).
 *
 * @param config - see {@link AuditLoggerConfig}
 * @returns the logger; it satisfies the `AuditSink` contract of `@clawexchange/ssg`
 * @throws {AuditError} AUDIT_INVALID_CONFIG naming the bad field
 * @example
 * const audit = createAuditLogger({ database: sequelize });
 * await audit.log({ eventType: AuditEventType.SSG_PASS, actorId: 'health-check', actorType: 'bot' });
 */
export function createAuditLogger(config: AuditLoggerConfig): AuditLogger {
  const resolved = resolveConfig(config);
  const db = resolved.database;
  if (!resolved.enabled || db === null) return createDisabledLogger();
  const metrics = createAuditMetrics(resolved.meter, resolved.logger, resolved.onAlarm);
  const writer = createBatchWriter(db, resolved, metrics);
  // Reads that may lag go to the replica; what decides a write (head, anchoring) never does.
  const onPrimary: ReadSource = { db, pool: 'write' };
  const lagging: ReadSource =
    resolved.readReplica === null ? onPrimary : { db: resolved.readReplica, pool: 'read' };
  const verifyOn =
    (reader: ReadSource) =>
    async (options: AuditVerifyOptions): Promise<AuditVerifyResult> => {
      try {
        return await runVerify({ reader, primary: db }, resolved, options);
      } catch (cause) {
        throw readFailed(cause);
      }
    };
  const verifyPlain = verifyOn(onPrimary);
  const verifyLagging = verifyOn(lagging);
  const anchorStore = resolved.anchor;
  const logger = {
    async log(event: AuditEventInput) {
      return writer.enqueue(prepareEvent(event, resolved));
    },
    async query(q = {}) {
      const built = buildQuery(q);
      let raw: RawRow[];
      try {
        raw = await queryRows(lagging, built.sql, built.bind);
      } catch (cause) {
        throw readFailed(cause);
      }
      const page = raw.slice(0, built.limit).map((r) => toRecord(toChainRow(r)));
      const last = raw.length > built.limit ? raw[built.limit - 1] : undefined;
      const result: AuditPage = {
        records: page,
        nextCursor: last === undefined ? null : encodeCursor(last.created_at_ms, last.seq),
      };
      return result;
    },
    async verify(options = {}) {
      checkKeysIfObject(options, VERIFY_SPEC);
      const anchored = await withLatestAnchor(resolved, options);
      const result = await verifyLagging(anchored.options);
      // A checkpoint the replica has not reached was not checked: never claim it.
      const seq = result.replica?.checkpointNotReached === undefined ? anchored.seq : null;
      return result.ok && seq !== null ? { ...result, anchoredSeq: seq } : result;
    },
    head: () => readHead(db, resolved),
    async anchorCheckpoint() {
      if (anchorStore === null) {
        throw new AuditError(
          AuditErrorCode.ANCHOR_NOT_CONFIGURED,
          'anchorCheckpoint() needs an anchor store',
          { field: 'anchor' },
        );
      }
      return publishAnchor({
        store: anchorStore,
        config: resolved,
        metrics,
        head: () => readHead(db, resolved),
        verify: verifyPlain,
      });
    },
    exportRecords: (options = {}) => exportRows(lagging, resolved, options),
    flush: () => writer.flush(),
    close: () => writer.close(),
  } satisfies AuditLogger & AuditSink;
  return logger;
}

/**
 * Runs a read-only statement where `source` says: on the replica through
 * Sequelize's read pool (`type: 'SELECT'`), on the primary as a RAW query
 * (the write pool).
 */
async function queryRows(
  source: ReadSource,
  sql: string,
  bind: readonly unknown[],
): Promise<RawRow[]> {
  if (source.pool === 'read') {
    return (await source.db.query(sql, {
      bind: [...bind],
      transaction: null,
      type: 'SELECT',
    })) as unknown as RawRow[];
  }
  const [rows] = (await source.db.query(sql, { bind: [...bind], transaction: null })) as [
    RawRow[],
    unknown,
  ];
  return rows;
}

/**
 * verify()'s default with an anchor store: the latest anchored checkpoint
 * becomes the checkpoint to check, when the caller gave none, did not opt
 * out, and it lies in the range.
 */
async function withLatestAnchor(
  config: ResolvedConfig,
  options: AuditVerifyOptions,
): Promise<{ options: AuditVerifyOptions; seq: number | null }> {
  const none = { options, seq: null };
  if (typeof options !== 'object' || options === null) return none;
  if (options.anchored !== undefined && typeof options.anchored !== 'boolean') {
    throw new AuditError(AuditErrorCode.INVALID_CONFIG, 'anchored must be a boolean', {
      field: 'anchored',
    });
  }
  if (config.anchor === null || options.checkpoint !== undefined || options.anchored === false) {
    return none;
  }
  const latest = await latestAnchored(config.anchor, config);
  if (latest === null) return none;
  const from = typeof options.from === 'number' ? options.from : 1;
  const inRange = latest.seq >= from - 1 && (options.to === undefined || latest.seq <= options.to);
  return inRange ? { options: { ...options, checkpoint: latest }, seq: latest.seq } : none;
}

function createDisabledLogger(): AuditLogger {
  return {
    // Says so through the AuditSink contract: the gate reports `audit: 'DISABLED'`, not LOGGED.
    log: async () => AUDIT_LOG_DISABLED,
    query: async () => {
      throw disabled();
    },
    verify: async () => {
      throw disabled();
    },
    head: async () => {
      throw disabled();
    },
    anchorCheckpoint: async () => {
      throw disabled();
    },
    // biome-ignore lint/correctness/useYield: a disabled logger has nothing to export
    exportRecords: async function* () {
      throw disabled();
    },
    flush: async () => undefined,
    close: async () => undefined,
  };
}
