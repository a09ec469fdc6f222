/**
 * The worker behind the `clawexchange-quarantine` bin (not exported).
 */
import { Sequelize } from 'sequelize';
import { quarantineConfigFromEnv } from './config.js';
import { createQuarantineService } from './create-quarantine.js';
import { isQuarantineError } from './errors.js';
import type { Quarantine, QuarantineLogger } from './types.js';

/** Where the worker writes: JSON lines on `out`, diagnostics on `err`. */
export type WorkerIo = {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
};

const USAGE =
  'usage: clawexchange-quarantine <cleanup|rotate-keys|stats> [--batch-size N]\n' +
  'env: DATABASE_URL, S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY, S3_SECRET_KEY, S3_REGION,\n' +
  '     ENCRYPTION_MASTER_KEY, ENCRYPTION_MASTER_KEY_ID, ENCRYPTION_PREVIOUS_KEYS, QUARANTINE_EXPIRY_HOURS,\n' +
  '     DATABASE_REPLICA_URL (optional: stats reads its counts there; keyUsage stays on DATABASE_URL)';

function jsonLogger(io: WorkerIo): QuarantineLogger {
  const write =
    (level: string) =>
    (fields: Readonly<Record<string, unknown>>, msg: string): void =>
      io.err(JSON.stringify({ level, msg, ...fields }));
  return {
    debug: () => undefined,
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
}

/** The worker's commands. */
type Command = 'cleanup' | 'rotate-keys' | 'stats';

/** Calls the service method behind one command. */
async function runCommand(
  quarantine: Quarantine,
  command: Command,
  batchSize: number | undefined,
): Promise<unknown> {
  if (command === 'cleanup') return quarantine.cleanup();
  if (command === 'rotate-keys') {
    return quarantine.rotateKeys(batchSize === undefined ? {} : { batchSize });
  }
  return { ...(await quarantine.storageStats()), keyUsage: await quarantine.keyUsage() };
}

/** A command line the worker understands. */
type WorkerArgs = { readonly command: Command; readonly batchSize: number | undefined };

/** `<command> [--batch-size N]` with N a positive integer; anything else is a usage error. */
function parseArgs(argv: readonly string[]): WorkerArgs | undefined {
  const [command, ...rest] = argv;
  if (command !== 'cleanup' && command !== 'rotate-keys' && command !== 'stats') return undefined;
  if (rest.length === 0) return { command, batchSize: undefined };
  if (rest.length !== 2 || rest[0] !== '--batch-size' || !/^[1-9]\d{0,8}$/.test(rest[1] ?? ''))
    return undefined;
  return { command, batchSize: Number(rest[1]) };
}

/**
 * Runs one worker command and resolves with the exit code: 0 done, 1
 * failed, 2 usage. Errors print their code only (never secrets).
 */
export async function runWorker(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: WorkerIo,
): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === undefined) {
    io.err(USAGE);
    return 2;
  }
  const { command, batchSize } = parsed;
  const databaseUrl = env.DATABASE_URL;
  if (databaseUrl === undefined || databaseUrl === '') {
    io.err(JSON.stringify({ level: 'error', msg: 'DATABASE_URL is not set' }));
    return 1;
  }
  let sequelize: Sequelize | undefined;
  let replica: Sequelize | undefined;
  try {
    sequelize = new Sequelize(databaseUrl, { logging: false, dialect: 'postgres' });
    const replicaUrl = env.DATABASE_REPLICA_URL;
    if (replicaUrl !== undefined && replicaUrl !== '') {
      replica = new Sequelize(replicaUrl, { logging: false, dialect: 'postgres' });
    }
    const quarantine = createQuarantineService({
      ...quarantineConfigFromEnv(env),
      database: sequelize,
      ...(replica === undefined ? {} : { readReplica: replica }),
      logger: jsonLogger(io),
    });
    const result = await runCommand(quarantine, command, batchSize);
    io.out(JSON.stringify({ command, result }));
    return 0;
  } catch (e) {
    const code = isQuarantineError(e) ? e.code : 'UNEXPECTED';
    const field = isQuarantineError(e) ? e.field : undefined;
    io.err(JSON.stringify({ level: 'error', msg: 'worker failed', code, field }));
    return 1;
  } finally {
    await Promise.all([sequelize?.close(), replica?.close()]);
  }
}
