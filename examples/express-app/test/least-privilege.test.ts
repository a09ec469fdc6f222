import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAuditDatabaseRole } from '@clawexchange/audit';
import { runNodeScript, type ScriptRun } from '@clawexchange/test-utils';
import { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composePipeline } from '../src/compose.js';
import { APP_GRANTS } from '../src/database/grants.js';
import { allSteps } from '../src/database/migrations.js';
import { createTestServices, type TestServices } from './services.js';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
const TSX = join(APP_DIR, 'node_modules/tsx/dist/cli.mjs');
const TABLES = [
  'audit_chain_head',
  'audit_logs',
  'encryption_keys',
  'llm_runs',
  'quarantine_installation',
  'quarantine_records',
  'rate_limit_configs',
  'tier_threshold_configs',
];

describe('least privilege and the migration scripts (real PostgreSQL)', () => {
  let t: TestServices;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createTestServices();
    const s = t.services();
    env = { MIGRATION_DATABASE_URL: s.migrationDatabaseUrl, DATABASE_URL: s.databaseUrl };
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const migrate = (command: 'up' | 'down'): Promise<ScriptRun> =>
    runNodeScript(TSX, [join(APP_DIR, 'src/migrate.ts'), command], env);

  async function tables(): Promise<string[]> {
    const [rows] = await t.db.sequelize.query(
      "SELECT tablename::text AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    return (rows as { t: string }[]).map((r) => r.t);
  }

  /** regression: issue 17 */
  it('up, down (every step, newest first), up again on a fresh database, as the migration role', async () => {
    const names = allSteps().map((s) => s.name);
    const up = await migrate('up');
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout.match(/@clawexchange\/\S+/g)).toEqual(names);
    expect(await tables()).toEqual(TABLES);

    const down = await migrate('down');
    expect(down.code, down.stderr).toBe(0);
    expect(down.stdout.match(/@clawexchange\/\S+/g)).toEqual([...names].reverse());
    expect(await tables()).toEqual([]);

    const again = await migrate('up');
    expect(again.code, again.stderr).toBe(0);
    expect(await tables()).toEqual(TABLES);
    // The migration role owns everything it created.
    const [owners] = await t.db.sequelize.query(
      "SELECT DISTINCT tableowner::text AS o FROM pg_tables WHERE schemaname = 'public'",
    );
    expect(owners).toEqual([{ o: t.roles.migrator }]);
  }, 240_000);

  /** regression: issue 17 */
  it('the app role holds exactly the documented grants, passes the audit role check, and cannot touch the trail', async () => {
    expect((await migrate('up')).code).toBe(0);
    const [rows] = await t.db.sequelize.query(
      `SELECT table_name::text AS t, string_agg(privilege_type, ', ' ORDER BY privilege_type) AS p
         FROM information_schema.role_table_grants
        WHERE grantee = $1 AND table_schema = 'public' GROUP BY table_name ORDER BY 1`,
      { bind: [t.roles.app] },
    );
    const expected = APP_GRANTS.flatMap((g) =>
      g.tables.split(', ').map((table) => ({
        t: table,
        p: g.privileges.split(', ').sort().join(', '),
      })),
    ).sort((a, b) => a.t.localeCompare(b.t));
    expect(rows).toEqual(expected);

    const app = new Sequelize(t.services().databaseUrl, { logging: false });
    const migrator = new Sequelize(t.services().migrationDatabaseUrl, { logging: false });
    try {
      expect((await checkAuditDatabaseRole(app)).safe).toBe(true);
      expect((await checkAuditDatabaseRole(migrator)).safe).toBe(false);
      for (const sql of [
        'UPDATE audit_logs SET actor_id = actor_id',
        'DELETE FROM audit_logs',
        'TRUNCATE audit_logs',
        'ALTER TABLE audit_logs DISABLE TRIGGER ALL',
        'CREATE TABLE sneaky (id int)',
        'UPDATE rate_limit_configs SET window_limit = 1000000',
      ]) {
        await expect(app.query(sql), sql).rejects.toThrow();
      }
    } finally {
      await Promise.all([app.close(), migrator.close()]);
    }
  }, 120_000);

  /** regression: issue 17 */
  it('refuses to start when the app connects as the superuser that could bypass the audit guards', async () => {
    const superuser = { ...t.services(), databaseUrl: t.db.url };
    await expect(
      composePipeline(superuser, {
        quarantine: true,
        audit: true,
        rateLimit: false,
        dryRun: false,
      }),
    ).rejects.toMatchObject({ code: 'AUDIT_UNSAFE_DB_ROLE' });
  });
});
