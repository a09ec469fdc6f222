import { createEncryptionKeys } from './002-create-encryption-keys.js';
import type { QuarantineMigration } from './types.js';

/**
 * Record authentication (issue 16): `mac` (HMAC-SHA256 of the record's
 * canonical metadata) and `mac_key_id` (which MAC key made it) on
 * `quarantine_records`. Both are nullable: rows written before this step
 * have no MAC ("legacy" rows, see the README's migration path) until
 * `rotateKeys()` (`clawexchange-quarantine rotate-keys`) authenticates
 * them; a migration holds no key, so it cannot.
 *
 * Up first runs the steps it depends on (idempotent), so it also works
 * when a loop reaches it before them (the guide's in-place `reverse()`).
 * Down drops the two columns; the MACs are lost and a later up starts
 * over with legacy rows.
 */
export const addRecordMac: QuarantineMigration = {
  name: '@clawexchange/quarantine/0004-add-record-mac',
  async up(queryInterface, sequelize) {
    await createEncryptionKeys.up(queryInterface, sequelize);
    await queryInterface.sequelize.query(
      `ALTER TABLE quarantine_records
         ADD COLUMN IF NOT EXISTS mac bytea,
         ADD COLUMN IF NOT EXISTS mac_key_id varchar(64)`,
    );
  },
  async down(queryInterface) {
    await queryInterface.sequelize.query(
      `ALTER TABLE IF EXISTS quarantine_records
         DROP COLUMN IF EXISTS mac,
         DROP COLUMN IF EXISTS mac_key_id`,
    );
  },
};
