import { assertNoForeignTables } from './foreign-schema-guard.js';
import type { QuarantineMigration } from './types.js';

/**
 * `quarantine_records`: one row per held item, metadata only (no content,
 * no keys). The indexes serve: keyset listing newest first (optionally by
 * status, tier or source), the expiry sweep, the abandoned-store sweep, the
 * leftover-object sweep, and the orphan check by object key. Up and down
 * refuse a `quarantine_records` or `encryption_keys` that is not ours
 * (QUARANTINE_UPSTREAM_SCHEMA_DETECTED) before changing anything.
 */
export const createQuarantineRecords: QuarantineMigration = {
  name: '@clawexchange/quarantine/0001-create-quarantine-records',
  async up(queryInterface, sequelize) {
    await assertNoForeignTables(queryInterface, sequelize);
    const db = queryInterface.sequelize;
    await db.query(`
      CREATE TABLE IF NOT EXISTS quarantine_records (
        id uuid PRIMARY KEY,
        status varchar(16) NOT NULL
          CHECK (status IN ('PENDING','QUARANTINED','UNDER_REVIEW','RELEASED','DELETED','EXPIRED')),
        tier varchar(32) NOT NULL,
        labels jsonb NOT NULL DEFAULT '[]'::jsonb,
        matches jsonb NOT NULL DEFAULT '[]'::jsonb,
        plugin_results jsonb NOT NULL DEFAULT '[]'::jsonb,
        content_type varchar(64),
        source_id varchar(255),
        agent_id varchar(255),
        s3_key varchar(512) NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes >= 0),
        version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        reviewed_by varchar(255),
        reviewed_at timestamptz,
        notes text,
        shredded_at timestamptz,
        object_deleted_at timestamptz
      )`);
    const indexes = [
      'CREATE UNIQUE INDEX IF NOT EXISTS quarantine_records_s3_key_uq ON quarantine_records (s3_key)',
      'CREATE INDEX IF NOT EXISTS quarantine_records_created_idx ON quarantine_records (created_at DESC, id DESC)',
      'CREATE INDEX IF NOT EXISTS quarantine_records_status_created_idx ON quarantine_records (status, created_at DESC, id DESC)',
      'CREATE INDEX IF NOT EXISTS quarantine_records_tier_created_idx ON quarantine_records (tier, created_at DESC, id DESC)',
      'CREATE INDEX IF NOT EXISTS quarantine_records_source_created_idx ON quarantine_records (source_id, created_at DESC, id DESC)',
      "CREATE INDEX IF NOT EXISTS quarantine_records_held_expiry_idx ON quarantine_records (expires_at) WHERE status IN ('QUARANTINED','UNDER_REVIEW')",
      "CREATE INDEX IF NOT EXISTS quarantine_records_leftover_idx ON quarantine_records (updated_at) WHERE object_deleted_at IS NULL AND status IN ('RELEASED','DELETED','EXPIRED')",
    ];
    for (const sql of indexes) await db.query(sql);
  },
  async down(queryInterface, sequelize) {
    await assertNoForeignTables(queryInterface, sequelize);
    // CASCADE drops only the foreign key of `encryption_keys` if that step
    // was not rolled back first (steps run out of order); never its rows.
    await queryInterface.sequelize.query('DROP TABLE IF EXISTS quarantine_records CASCADE');
  },
};
