import { type AuditLogDisabled, isAuditLogDisabled } from '@clawexchange/ssg/common';
import { createTestDatabase, type TestDatabase } from '@clawexchange/test-utils';
import pg from 'pg';
import {
  type AuditMigrationOptions,
  type AuditRecord,
  computeRowHash,
  createAuditMigrations,
} from '../../src/index.js';

/** A fresh database with the audit migrations applied (as the superuser). */
export async function migratedDatabase(options: AuditMigrationOptions = {}): Promise<TestDatabase> {
  const db = await createTestDatabase();
  const qi = db.sequelize.getQueryInterface();
  for (const m of createAuditMigrations(options)) await m.up(qi, db.sequelize);
  return db;
}

/**
 * Runs statements as the superuser with triggers off (what a DBA who wants
 * to rewrite history would do), then restores them.
 */
export async function tamper(url: string, statements: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET session_replication_role = 'replica'");
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates a login role with only the grants the application needs. */
export async function createAppRole(url: string, role: string, password: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}' NOSUPERUSER`);
    await client.query(`GRANT INSERT, SELECT ON audit_logs TO ${role}`);
    await client.query(`GRANT SELECT, UPDATE ON audit_chain_head TO ${role}`);
  } finally {
    await client.end();
  }
  const u = new URL(url);
  u.username = role;
  u.password = password;
  return u.toString();
}

/**
 * The record an enabled logger's `log()` resolved with (a disabled one
 * resolves `{ status: 'DISABLED' }`, which fails the test here).
 */
export async function logged(
  written: Promise<AuditRecord | AuditLogDisabled>,
): Promise<AuditRecord> {
  const value = await written;
  if (isAuditLogDisabled(value)) throw new Error('expected an enabled audit logger');
  return value;
}

/** The chain head as stored. */
export async function readHeadRow(
  url: string,
): Promise<{ seq: number; hash: string; ms: number | null }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT last_seq::int AS seq,
      encode(last_hash, 'hex') AS hash,
      (extract(epoch FROM last_created_at) * 1000)::int8::text AS ms
      FROM audit_chain_head WHERE id = 1`);
    const r = rows[0] as { seq: number; hash: string; ms: string | null };
    return { seq: r.seq, hash: r.hash, ms: r.ms === null ? null : Number(r.ms) };
  } finally {
    await client.end();
  }
}

/** A correctly hashed row, as an attacker who read the table would build it. */
export type ForgedRow = {
  readonly seq: number;
  readonly createdAtMs: number;
  readonly prevHash: string;
};

/**
 * The INSERT of a correctly hashed row (what anyone who can read the
 * chain can build): only the chain walk or the guards can tell it apart.
 */
export function forgedInsert(row: ForgedRow, actorId = 'forger'): { sql: string; hash: string } {
  const chain = {
    seq: String(row.seq),
    createdAtMs: String(row.createdAtMs),
    eventType: 'SSG_PASS',
    actorId,
    actorType: 'agent',
    targetId: null,
    targetType: null,
    ipAddress: null,
    metadata: null,
    prevHash: row.prevHash,
  };
  const hash = computeRowHash(chain);
  const at = new Date(row.createdAtMs).toISOString();
  return {
    hash,
    sql: `INSERT INTO audit_logs (seq, created_at, event_type, actor_id, actor_type, prev_hash, hash)
      VALUES (${row.seq}, '${at}', 'SSG_PASS', '${actorId}', 'agent',
        decode('${row.prevHash}', 'hex'), decode('${hash}', 'hex'))`,
  };
}

/** Runs statements on a fresh connection (no trigger tricks), as the URL's role. */
export async function runAs(url: string, statements: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}
