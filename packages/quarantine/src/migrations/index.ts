/**
 * @packageDocumentation
 * Migrations of `@clawexchange/quarantine` alone: importing this subpath
 * loads neither the AWS SDK nor the service.
 *
 * @module @clawexchange/quarantine/migrations
 */
import { createQuarantineRecords } from './001-create-quarantine-records.js';
import { createEncryptionKeys } from './002-create-encryption-keys.js';
import { createInstallation } from './0003-create-installation.js';
import { addRecordMac } from './0004-add-record-mac.js';
import type { QuarantineMigration } from './types.js';

export { type QuarantineMigrationRename, quarantineMigrationRenames } from './renames.js';
export type { QuarantineMigration } from './types.js';

/**
 * The quarantine's schema steps, in order: `quarantine_records`, then
 * `encryption_keys` (which references it), then `quarantine_installation`
 * (this database's installation id, part of every object key), then the
 * record MAC columns (issue 16). Run `up` in order and `down` in
 * reverse; each is idempotent. A plain (mutable) array so that the
 * deployment guide's `quarantineMigrations.reverse()` type-checks and runs;
 * prefer `[...quarantineMigrations].reverse()`, which leaves it in order.
 *
 * @example
 * for (const m of quarantineMigrations) await m.up(qi, sequelize);
 */
export const quarantineMigrations: QuarantineMigration[] = [
  createQuarantineRecords,
  createEncryptionKeys,
  createInstallation,
  addRecordMac,
];
