import { randomBytes } from 'node:crypto';
import { Sequelize } from 'sequelize';
import { quoteIdent } from './grants.js';

/** The two roles of a deployment and their connection strings. */
export type DatabaseRoles = {
  /** Owns the schema; runs migrations and grants. Never used by the app at run time. */
  readonly migrationUrl: string;
  /** Least privilege: what the app connects as. */
  readonly appUrl: string;
  /** The application role's name (what grants go to). */
  readonly appRole: string;
};

/** Names of the roles to create. */
export type RoleNames = { readonly migrator: string; readonly app: string };

async function asAdmin(adminUrl: string, statements: readonly string[]): Promise<void> {
  const admin = new Sequelize(adminUrl, { logging: false, dialect: 'postgres' });
  try {
    for (const sql of statements) await admin.query(sql);
  } finally {
    await admin.close();
  }
}

function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** CREATE ROLE, or (a second demo run on the same server) ALTER it with a new password. */
function createOrReset(name: string, options: string, password: string): string {
  const role = quoteIdent(name);
  const literal = (v: string): string => `'${v.replaceAll("'", "''")}'`;
  return `DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(name)}) THEN
      ALTER ROLE ${role} ${options} PASSWORD ${literal(password)};
    ELSE
      CREATE ROLE ${role} ${options} PASSWORD ${literal(password)};
    END IF;
  END $$`;
}

/**
 * Creates the demo's two roles with fresh random passwords, as the
 * superuser of a throw-away database (embedded PostgreSQL or a test
 * database): a migration role that owns the `public` schema's objects, and
 * a login-only application role that gets its table privileges from
 * `grantAppPrivileges` after the migrations. Neither is a superuser, may
 * create databases or roles, or bypasses row security. A real deployment
 * creates them once, by hand or in its infrastructure code (docs/deployment.md).
 */
export async function provisionRoles(adminUrl: string, names: RoleNames): Promise<DatabaseRoles> {
  const database = decodeURIComponent(new URL(adminUrl).pathname.slice(1)) || 'postgres';
  const migratorPassword = randomBytes(18).toString('base64url');
  const appPassword = randomBytes(18).toString('base64url');
  const limited = 'NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';
  const db = quoteIdent(database);
  const [migrator, app] = [quoteIdent(names.migrator), quoteIdent(names.app)];
  await asAdmin(adminUrl, [
    createOrReset(names.migrator, `LOGIN ${limited}`, migratorPassword),
    createOrReset(names.app, `LOGIN ${limited}`, appPassword),
    `GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${migrator}`,
    `GRANT CONNECT ON DATABASE ${db} TO ${app}`,
    `GRANT USAGE, CREATE ON SCHEMA public TO ${migrator}`,
    // The app creates nothing: PostgreSQL < 15 lets every role CREATE in public.
    'REVOKE CREATE ON SCHEMA public FROM PUBLIC',
  ]);
  return {
    migrationUrl: withCredentials(adminUrl, names.migrator, migratorPassword),
    appUrl: withCredentials(adminUrl, names.app, appPassword),
    appRole: names.app,
  };
}

/** Drops roles made by {@link provisionRoles} (after their database is gone). */
export async function dropRoles(adminUrl: string, names: RoleNames): Promise<void> {
  await asAdmin(adminUrl, [
    `DROP ROLE IF EXISTS ${quoteIdent(names.app)}`,
    `DROP ROLE IF EXISTS ${quoteIdent(names.migrator)}`,
  ]);
}

/** The application role named in a connection string. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}
