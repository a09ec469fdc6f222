/**
 * Keep and Dump: outputs to the object store under SSE with a row in
 * `llm_runs`; retention deletes due objects in batches and marks the rows.
 */
import type { Sequelize } from 'sequelize';
import { LLMGuardError, LLMGuardErrorCode } from '../errors.js';
import type { AuditWriter } from '../internal/audit.js';
import type { LLMGuardMetrics } from '../internal/metrics.js';
import type { ResolvedKeep, ResolvedProvider } from '../internal/resolve-config.js';
import {
  type Artifact,
  LLMGuardAuditEventType,
  type LLMObjectStore,
  type RetentionResult,
  type StoredObject,
} from '../types.js';
import { artifactKey, outputKey } from './object-keys.js';
import { type Cursor, dueRuns, inTransaction, markDeleted, upsertRun } from './repository.js';
import { createS3ObjectStore } from './s3-object-store.js';

const DAY_MS = 86_400_000;

type PlannedObject = {
  readonly key: string;
  readonly body: Uint8Array;
  readonly contentType: string;
};

function planObjects(
  deps: KeeperDeps,
  input: {
    runHash: string;
    output: unknown;
    artifacts: readonly Artifact[] | undefined;
    createdAt: Date;
  },
): [PlannedObject, ...PlannedObject[]] {
  const { runHash, createdAt: at } = input;
  const prefix = deps.keep.prefix;
  const body = new TextEncoder().encode(
    JSON.stringify({
      runHash,
      provider: deps.provider.kind,
      model: deps.provider.model,
      createdAt: at.toISOString(),
      output: input.output,
    }),
  );
  const perKind = new Map<string, number>();
  const artifacts = (input.artifacts ?? []).map((a) => {
    const n = (perKind.get(a.kind) ?? 0) + 1;
    perKind.set(a.kind, n);
    return {
      key: artifactKey({ prefix, runHash, at, kind: a.kind, n, ext: a.ext }),
      body: a.body,
      contentType: a.contentType,
    };
  });
  return [
    { key: outputKey({ prefix, runHash, at }), body, contentType: 'application/json' },
    ...artifacts,
  ];
}

/** What the guard uses to keep outputs and run retention. */
export type Keeper = {
  /** Keeps one run's output (already redacted) and its artifacts. */
  keep(input: {
    readonly runHash: string;
    readonly output: unknown;
    readonly artifacts: readonly Artifact[] | undefined;
  }): Promise<StoredObject & { readonly artifactKeys: readonly string[] }>;
  /** Deletes what is due. */
  runRetention(options: {
    readonly now?: Date;
    readonly batchSize?: number;
  }): Promise<RetentionResult>;
};

type KeeperDeps = {
  readonly keep: ResolvedKeep;
  readonly database: Sequelize;
  readonly provider: ResolvedProvider;
  readonly now: () => Date;
  readonly audit: AuditWriter;
  readonly metrics: Pick<LLMGuardMetrics, 'keptBytes' | 'retentionDeleted'>;
};

function storeOf(keep: ResolvedKeep): LLMObjectStore {
  if (keep.store !== undefined) return keep.store;
  return createS3ObjectStore({
    bucket: keep.bucket,
    ...(keep.endpoint === undefined ? {} : { endpoint: keep.endpoint }),
    ...(keep.region === undefined ? {} : { region: keep.region }),
    ...(keep.credentials === undefined ? {} : { credentials: keep.credentials }),
    ...(keep.forcePathStyle === undefined ? {} : { forcePathStyle: keep.forcePathStyle }),
  });
}

function storageFailed(cause: unknown): LLMGuardError {
  return new LLMGuardError(
    LLMGuardErrorCode.STORAGE_FAILED,
    'llm-guard: object store operation failed',
    { cause },
  );
}

function batchSizeOf(value: unknown): number {
  const size = value ?? 100;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 1000) {
    throw new LLMGuardError(
      LLMGuardErrorCode.INVALID_INPUT,
      'invalid input `batchSize`: expected an integer from 1 to 1000',
      { field: 'batchSize' },
    );
  }
  return size;
}

async function deleteDue(
  deps: KeeperDeps & { store: LLMObjectStore },
  input: { now: Date; batchSize: number; after: Cursor | undefined },
) {
  return inTransaction(deps.database, async (transaction) => {
    const due = await dueRuns(deps.database, { ...input, limit: input.batchSize, transaction });
    if (due.length === 0) return undefined;
    let failedKeys: ReadonlySet<string>;
    try {
      failedKeys = new Set(await deps.store.deleteMany(due.flatMap((r) => r.keys)));
    } catch (cause) {
      throw storageFailed(cause);
    }
    const done = due.filter((r) => r.keys.every((k) => !failedKeys.has(k)));
    const runHashes = done.map((r) => r.runHash);
    const marked = await markDeleted(deps.database, { runHashes, now: input.now, transaction });
    return { due, done, failedKeys, marked };
  });
}

async function sweepBatch(
  deps: KeeperDeps & { store: LLMObjectStore },
  input: { now: Date; batchSize: number; after: Cursor | undefined },
) {
  const batch = await deleteDue(deps, input);
  if (batch === undefined) return undefined;
  const { due, done, failedKeys, marked } = batch;
  const last = due[due.length - 1] as (typeof due)[number];
  const deletedObjects = done.reduce((n, r) => n + r.keys.length, 0);
  deps.metrics.retentionDeleted.add(deletedObjects);
  await deps.audit({
    eventType: LLMGuardAuditEventType.LLM_RETENTION_DELETED,
    metadata: { runs: marked, objects: deletedObjects },
  });
  if (done.length < due.length) {
    await deps.audit({
      eventType: LLMGuardAuditEventType.LLM_RETENTION_FAILED,
      metadata: { runs: due.length - done.length, objects: failedKeys.size },
    });
  }
  return {
    cursor: { retainUntil: last.retainUntil, runHash: last.runHash },
    marked,
    deletedObjects,
    failed: due.length - done.length,
  };
}

/**
 * Creates the keeper.
 *
 * @param deps - keep settings, database, provider facts, clock, audit
 * @returns the keeper
 */
export function createKeeper(deps: KeeperDeps): Keeper {
  const store = storeOf(deps.keep);
  return {
    async keep({ runHash, output, artifacts }) {
      const createdAt = deps.now();
      const objects = planObjects(deps, { runHash, output, artifacts, createdAt });
      const [first, ...rest] = objects;
      const sizeBytes = objects.reduce((n, o) => n + o.body.byteLength, 0);
      // Row first: an object retention does not know about would be kept forever.
      await upsertRun(deps.database, {
        runHash,
        provider: deps.provider.kind,
        model: deps.provider.model,
        outputKey: first.key,
        artifactKeys: rest.map((o) => o.key),
        sizeBytes,
        createdAt,
        retainUntil: new Date(createdAt.getTime() + deps.keep.retentionDays * DAY_MS),
      });
      try {
        for (const o of objects)
          await store.put({ ...o, encryption: deps.keep.serverSideEncryption });
      } catch (cause) {
        throw storageFailed(cause);
      }
      deps.metrics.keptBytes.add(sizeBytes, { provider: deps.provider.kind });
      await deps.audit({
        eventType: LLMGuardAuditEventType.LLM_OUTPUT_KEPT,
        targetId: runHash,
        metadata: { sizeBytes, objects: objects.length, sse: deps.keep.serverSideEncryption.type },
      });
      return {
        key: first.key,
        sizeBytes: first.body.byteLength,
        artifactKeys: rest.map((o) => o.key),
      };
    },
    async runRetention(options) {
      const now = options.now ?? deps.now();
      const batchSize = batchSizeOf(options.batchSize);
      await deps.audit({
        eventType: LLMGuardAuditEventType.LLM_RETENTION_STARTED,
        metadata: { batchSize },
      });
      const total = { deletedRuns: 0, deletedObjects: 0, failedRuns: 0, batches: 0 };
      let after: Cursor | undefined;
      for (;;) {
        const batch = await sweepBatch({ ...deps, store }, { now, batchSize, after });
        if (batch === undefined) break;
        total.batches++;
        total.deletedRuns += batch.marked;
        total.deletedObjects += batch.deletedObjects;
        total.failedRuns += batch.failed;
        after = batch.cursor;
      }
      await deps.audit({
        eventType: LLMGuardAuditEventType.LLM_RETENTION_COMPLETED,
        metadata: { ...total },
      });
      return total;
    },
  };
}
