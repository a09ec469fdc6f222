import { createQuarantineRecords } from './001-create-quarantine-records.js';
import { assertNoForeignTables } from './foreign-schema-guard.js';
import type { QuarantineMigration } from './types.js';

/**
 * `encryption_keys`: one wrapped data key per record, with the content's IV
 * and GCM tag. Deleting a row is the crypto-shred: without it the object
 * cannot be decrypted. `master_key_id` is indexed for rotation and usage.
 */
export const createEncryptionKeys: QuarantineMigration = {
  name: '@clawexchange/quarantine/0002-create-encryption-keys',
  async up(queryInterface, sequelize) {
    // The table it references first (idempotent), so the steps also work in
    // reversed order: the deployment guide's `quarantineMigrations.reverse()`
    // reverses the exported array in place, and a later `up` loop would
    // otherwise reach this step first. It also refuses foreign tables
    // (QUARANTINE_UPSTREAM_SCHEMA_DETECTED) before anything is created.
    await createQuarantineRecords.up(queryInterface, sequelize);
    const db = queryInterface.sequelize;
    await db.query(`
      CREATE TABLE IF NOT EXISTS encryption_keys (
        id uuid PRIMARY KEY,
        record_id uuid NOT NULL UNIQUE REFERENCES quarantine_records(id) ON DELETE CASCADE,
        master_key_id varchar(64) NOT NULL,
        wrapped_key bytea NOT NULL,
        content_iv bytea NOT NULL,
        content_tag bytea NOT NULL,
        algorithm varchar(32) NOT NULL DEFAULT 'AES-256-GCM',
        created_at timestamptz NOT NULL,
        rotated_at timestamptz
      )`);
    await db.query(
      'CREATE INDEX IF NOT EXISTS encryption_keys_master_key_idx ON encryption_keys (master_key_id, id)',
    );
  },
  async down(queryInterface, sequelize) {
    await assertNoForeignTables(queryInterface, sequelize);
    await queryInterface.sequelize.query('DROP TABLE IF EXISTS encryption_keys');
  },
};
