/**
 * Migration command line of the example:
 *
 *   MIGRATION_DATABASE_URL=… DATABASE_URL=… tsx src/migrate.ts up    # every step, then app grants
 *   MIGRATION_DATABASE_URL=… tsx src/migrate.ts down                  # every step rolled back, newest first
 *
 * Runs as the migration role (the schema owner). `up` also grants the role
 * named in DATABASE_URL its privileges (the URL is only parsed, never used to connect).
 * Exit codes: 0 done, 1 a step failed, 2 usage.
 */
import { Sequelize } from 'sequelize';
import { grantAppPrivileges } from './database/grants.js';
import { migrateDown, migrateUp } from './database/migrations.js';
import { stepPrinter } from './database/progress.js';
import { roleOf } from './database/roles.js';

const write = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const printStep = stepPrinter(write);

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const command = argv[0];
  const url = env.MIGRATION_DATABASE_URL;
  if ((command !== 'up' && command !== 'down') || !url) {
    process.stderr.write('usage: MIGRATION_DATABASE_URL=… [DATABASE_URL=…] migrate up|down\n');
    return 2;
  }
  const sequelize = new Sequelize(url, { logging: false, dialect: 'postgres' });
  try {
    if (command === 'up') {
      await migrateUp(sequelize, printStep);
      if (env.DATABASE_URL) await grantAppPrivileges(sequelize, roleOf(env.DATABASE_URL));
    } else {
      await migrateDown(sequelize, printStep);
    }
    write(`migrations ${command}: done`);
    return 0;
  } catch (error) {
    // The code only: a wrapped driver error's message may quote SQL parameters.
    const code = (error as { code?: unknown }).code;
    process.stderr.write(
      `migrations ${command} failed: ${typeof code === 'string' ? code : 'ERROR'}\n`,
    );
    return 1;
  } finally {
    await sequelize.close();
  }
}

void main(process.argv.slice(2), process.env).then((code) => process.exit(code));
