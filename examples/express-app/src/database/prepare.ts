import { assertAuditDatabaseRole } from '@clawexchange/audit';
import { Sequelize } from 'sequelize';
import { grantAppPrivileges } from './grants.js';
import { migrateUp, type OnStep } from './migrations.js';
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
 * Opens the app's pool and refuses to start when its role could switch the
 * audit guards off (superuser, owner of `audit_logs`, or triggers disabled):
 * the deployment guide's "Database user has no SUPERUSER privileges".
 *
 * @throws {AuditError} AUDIT_UNSAFE_DB_ROLE when the role is not safe
 */
export async function openAppDatabase(appUrl: string): Promise<Sequelize> {
  const sequelize = new Sequelize(appUrl, { logging: false, dialect: 'postgres' });
  try {
    await assertAuditDatabaseRole(sequelize);
  } catch (error) {
    await sequelize.close();
    throw error;
  }
  return sequelize;
}
