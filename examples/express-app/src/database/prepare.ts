import { assertAuditDatabaseRole } from '@clawexchange/audit';
import { Sequelize } from 'sequelize';
import { grantAppPrivileges } from './grants.js';
import { migrateUp, type OnStep } from './migrations.js';
import { pgDriver } from './pg-driver.js';
import { roleOf } from './roles.js';

/**
 * Brings the schema up to date as the migration role, grants the app role
 * its privileges, and closes the migration connection: the app never holds
 * the owner's credentials open.
 */
export async function migrateAndGrant(opts: {
  readonly migrationUrl: string;
  readonly appUrl: string;
  readonly onStep?: OnStep | undefined;
}): Promise<void> {
  const migrator = new Sequelize(opts.migrationUrl, { logging: false, dialect: 'postgres' });
  try {
    await migrateUp(migrator, opts.onStep);
    await grantAppPrivileges(migrator, roleOf(opts.appUrl));
  } finally {
    await migrator.close();
  }
}

/**
 * Bounds on the app pool's connections (pg and server settings, in ms). A
 * connection whose server vanished without a FIN (failover, partition) would
 * otherwise hold its query, and its pool slot, forever: the app would answer
 * 503 long after PostgreSQL is back. A query unanswered for 15 s fails and
 * its connection is dropped (Sequelize invalidates it on "Query read
 * timeout"); a new connection gives up after 5 s; keep-alive finds idle dead
 * ones; and the server ends a session left idle inside a transaction after
 * 15 s, so the row locks of an abandoned audit write (the chain head) do not
 * block every later write. Each is far above what a healthy request needs
 * and above the gate's 5 s sink bounds. Regression of the fault suite (issue 16).
 */
export const APP_CONNECTION_LIMITS = {
  query_timeout: 15_000,
  connectionTimeoutMillis: 5000,
  keepAlive: true,
  idle_in_transaction_session_timeout: 15_000,
} as const;

/**
 * Opens the app's pool and refuses to start when its role could switch the
 * audit guards off (superuser, owner of `audit_logs`, or triggers disabled):
 * the deployment guide's "Database user has no SUPERUSER privileges".
 *
 * @throws {AuditError} AUDIT_UNSAFE_DB_ROLE when the role is not safe
 */
export async function openAppDatabase(appUrl: string): Promise<Sequelize> {
  const sequelize = new Sequelize(appUrl, {
    logging: false,
    dialect: 'postgres',
    dialectModule: pgDriver,
    dialectOptions: APP_CONNECTION_LIMITS,
  });
  try {
    await assertAuditDatabaseRole(sequelize);
  } catch (error) {
    await sequelize.close();
    throw error;
  }
  return sequelize;
}
