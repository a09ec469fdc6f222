/**
 * SQL over `llm_runs` (raw, parameterised; rows mapped to plain records).
 */
import type { Sequelize, Transaction } from 'sequelize';
import { QueryTypes } from 'sequelize';
import { LLMGuardError, LLMGuardErrorCode } from '../errors.js';

/** A due run: its hash and every object key it owns. */
export type DueRun = {
  readonly runHash: string;
  readonly keys: readonly string[];
  readonly retainUntil: Date;
};

/** Keyset cursor of the retention sweep. */
export type Cursor = { readonly retainUntil: Date; readonly runHash: string };

type DueRow = {
  run_hash: string;
  output_key: string;
  artifact_keys: unknown;
  retain_until: Date | string;
};

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (cause) {
    // The Sequelize error keeps `sql` and bound values on `cause` only.
    throw new LLMGuardError(
      LLMGuardErrorCode.DATABASE_FAILED,
      'llm-guard: database operation failed',
      { cause },
    );
  }
}

/**
 * Records (or renews) a run before its objects are written, so no object
 * ever exists that retention does not know about.
 *
 * @param db - the database
 * @param row - the run's facts
 */
export async function upsertRun(
  db: Sequelize,
  row: {
    readonly runHash: string;
    readonly provider: string;
    readonly model: string;
    readonly outputKey: string;
    readonly artifactKeys: readonly string[];
    readonly sizeBytes: number;
    readonly createdAt: Date;
    readonly retainUntil: Date;
  },
): Promise<void> {
  await guarded(() =>
    db.query(
      `INSERT INTO llm_runs (run_hash, provider, model, output_key, artifact_keys, size_bytes, created_at, retain_until, deleted_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, NULL)
       ON CONFLICT (run_hash) DO UPDATE SET provider = EXCLUDED.provider, model = EXCLUDED.model,
         output_key = EXCLUDED.output_key,
         artifact_keys = COALESCE((SELECT jsonb_agg(DISTINCT k) FROM jsonb_array_elements(llm_runs.artifact_keys || EXCLUDED.artifact_keys
           || CASE WHEN llm_runs.output_key <> EXCLUDED.output_key THEN jsonb_build_array(llm_runs.output_key) ELSE '[]'::jsonb END) AS k), '[]'::jsonb),
         size_bytes = EXCLUDED.size_bytes, retain_until = GREATEST(llm_runs.retain_until, EXCLUDED.retain_until), deleted_at = NULL`,
      {
        bind: [
          row.runHash,
          row.provider,
          row.model,
          row.outputKey,
          JSON.stringify(row.artifactKeys),
          row.sizeBytes,
          row.createdAt,
          row.retainUntil,
        ],
      },
    ),
  );
}

function keysOf(row: DueRow): string[] {
  const artifacts = Array.isArray(row.artifact_keys)
    ? row.artifact_keys.filter((k): k is string => typeof k === 'string')
    : [];
  return [row.output_key, ...artifacts];
}

/**
 * Runs `work` in one transaction (retention locks the rows it deletes, so a
 * run kept again meanwhile waits, then writes its object after the delete).
 *
 * @param db - the database
 * @param work - the work
 * @returns what `work` returns
 */
export async function inTransaction<T>(
  db: Sequelize,
  work: (t: Transaction) => Promise<T>,
): Promise<T> {
  let failedInside: unknown;
  try {
    return await db.transaction(async (t) => {
      try {
        return await work(t);
      } catch (e) {
        failedInside = e;
        throw e;
      }
    });
  } catch (e) {
    // Our own errors (from `work`) pass through; a failed BEGIN/COMMIT is a database failure.
    if (e === failedInside) throw e;
    throw new LLMGuardError(
      LLMGuardErrorCode.DATABASE_FAILED,
      'llm-guard: database operation failed',
      { cause: e },
    );
  }
}

/**
 * The next due runs after `cursor`, oldest first, locked (skipping rows
 * another retention run holds).
 *
 * @param db - the database
 * @param input - now, batch size, cursor
 * @returns up to `limit` runs
 */
export async function dueRuns(
  db: Sequelize,
  input: {
    readonly now: Date;
    readonly limit: number;
    readonly after: Cursor | undefined;
    readonly transaction: Transaction;
  },
): Promise<DueRun[]> {
  const rows = await guarded(() =>
    db.query<DueRow>(
      `SELECT run_hash, output_key, artifact_keys, retain_until FROM llm_runs
       WHERE deleted_at IS NULL AND retain_until <= $1
         AND ($2::timestamptz IS NULL OR (retain_until, run_hash) > ($2::timestamptz, $3::text))
       ORDER BY retain_until, run_hash LIMIT $4
       FOR UPDATE SKIP LOCKED`,
      {
        bind: [
          input.now,
          input.after?.retainUntil ?? null,
          input.after?.runHash ?? '',
          input.limit,
        ],
        type: QueryTypes.SELECT,
        transaction: input.transaction,
      },
    ),
  );
  return rows.map((r) => ({
    runHash: r.run_hash,
    keys: keysOf(r),
    retainUntil: new Date(r.retain_until),
  }));
}

/**
 * Marks runs deleted, in the transaction that locked them.
 *
 * @param db - the database
 * @param input - hashes and time
 * @returns rows marked
 */
export async function markDeleted(
  db: Sequelize,
  input: {
    readonly runHashes: readonly string[];
    readonly now: Date;
    readonly transaction: Transaction;
  },
): Promise<number> {
  if (input.runHashes.length === 0) return 0;
  const rows = await guarded(() =>
    db.query<{ run_hash: string }>(
      `UPDATE llm_runs SET deleted_at = $1 WHERE run_hash = ANY($2::text[]) AND deleted_at IS NULL AND retain_until <= $1 RETURNING run_hash`,
      {
        bind: [input.now, [...input.runHashes]],
        type: QueryTypes.SELECT,
        transaction: input.transaction,
      },
    ),
  );
  return rows.length;
}
