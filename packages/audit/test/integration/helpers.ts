import { type AuditLogDisabled, isAuditLogDisabled } from '@clawexchange/ssg/common';
import { createTestDatabase, type TestDatabase } from '@clawexchange/test-utils';
import pg from 'pg';
import {
  type AuditMigrationOptions,
  type AuditRecord,
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
