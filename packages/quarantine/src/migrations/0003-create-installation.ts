import { randomUUID } from 'node:crypto';
import type { QuarantineMigration } from './types.js';

/**
 * `quarantine_installation`: one row holding this database's installation
 * id, a random UUID drawn once. Every object key the service writes
 * contains it (`<prefix><installationId>/YYYY/MM/DD/<recordId>`), and the
 * orphan sweep of `cleanup()` lists only that key space, so two
 * deployments sharing a bucket and a prefix (each with its own database or
 * schema, hence its own id) never delete each other's objects.
 *
 * Up is idempotent and safe to run concurrently: the `singleton` primary
 * key admits one row, and `ON CONFLICT DO NOTHING` keeps the id drawn
 * first. Down drops the table; a later up draws a NEW id. Records stored
 * under the old id stay readable (each record keeps its object key), but
 * their objects are then outside this installation's key space: deleting
 * such a record destroys its data key (so the object can no longer be
 * decrypted) and leaves the object in the bucket.
 */
export const createInstallation: QuarantineMigration = {
  name: '@clawexchange/quarantine/0003-create-installation',
  async up(queryInterface) {
    const db = queryInterface.sequelize;
    await db.query(`
      CREATE TABLE IF NOT EXISTS quarantine_installation (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        id uuid NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Drawn here (node:crypto), not by gen_random_uuid(), which needs
    // PostgreSQL 13 or pgcrypto.
    await db.query(
      'INSERT INTO quarantine_installation (singleton, id) VALUES (true, $1) ON CONFLICT (singleton) DO NOTHING',
      { bind: [randomUUID()] },
    );
  },
  async down(queryInterface) {
    await queryInterface.sequelize.query('DROP TABLE IF EXISTS quarantine_installation');
  },
};
