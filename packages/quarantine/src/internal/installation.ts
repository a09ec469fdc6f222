import type { Sequelize } from 'sequelize';
import { QuarantineError, QuarantineErrorCode } from '../errors.js';
import { sql } from './repository.js';

/** PostgreSQL's `undefined_table`: the installation step has not run. */
const UNDEFINED_TABLE = '42P01';

function notInstalled(cause?: unknown): QuarantineError {
  return new QuarantineError(
    QuarantineErrorCode.DATABASE_FAILED,
    'quarantine installation id not found: run quarantineMigrations (0003-create-installation)',
    cause === undefined ? {} : { cause },
  );
}

function isUndefinedTable(e: unknown): boolean {
  const cause = (e as { cause?: { original?: { code?: unknown }; parent?: { code?: unknown } } })
    ?.cause;
  return cause?.original?.code === UNDEFINED_TABLE || cause?.parent?.code === UNDEFINED_TABLE;
}

async function load(db: Sequelize): Promise<string> {
  let rows: { id: string }[];
  try {
    rows = await sql<{ id: string }>(
      db,
      'SELECT id::text AS id FROM quarantine_installation WHERE singleton',
      [],
    );
  } catch (e) {
    throw isUndefinedTable(e) ? notInstalled(e) : e;
  }
  const id = rows[0]?.id;
  if (rows.length !== 1 || id === undefined) throw notInstalled();
  return id.toLowerCase();
}

/**
 * This database's installation id, read once per service and kept (it
 * never changes while the table exists). A failed read is not kept: the
 * next call asks again, so a service created before the migrations ran
 * starts working once they have.
 *
 * @returns a function resolving to the id, or rejecting with
 *   QUARANTINE_DATABASE_FAILED when the table or its row is missing
 */
export function installationIdLoader(db: Sequelize): () => Promise<string> {
  let cached: Promise<string> | undefined;
  return () => {
    cached ??= load(db).catch((e: unknown) => {
      // Forget the failure so the next call asks again; this caller still gets it.
      cached = undefined;
      throw e;
    });
    return cached;
  };
}
