#!/usr/bin/env node
/**
 * `clawexchange-audit verify|head|anchor|export`: checks the chain (against
 * the latest anchored checkpoint when an anchor bucket is configured),
 * prints a signed checkpoint, publishes one to the anchor bucket (once, or
 * every N seconds as a worker), or exports rows as JSONL, against DATABASE_URL.
 *
 * Exit codes: 0 ok, 1 chain broken (also: the chain no longer continues the
 * anchored checkpoint), 2 usage or configuration error, 3 database or anchor store error.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Sequelize } from 'sequelize';
import { type AuditCheckpointKey, verifyAuditCheckpoint } from './checkpoint.js';
import { createAuditLogger } from './create-audit-logger.js';
import { AuditError, AuditErrorCode, isAuditError } from './errors.js';
import { AnchorEnvError, anchorFromEnv } from './internal/cli-anchor.js';
import type { AuditCheckpoint, AuditLogger } from './types.js';
import { type ExportedAuditRecord, verifyAuditRecords } from './verify-records.js';

const USAGE = `usage: clawexchange-audit <command> [options]

commands:
  verify [--from N] [--to N] [--checkpoint FILE]   walk the hash chain; exit 1 if broken
  head                                            print a signed checkpoint (JSON)
  anchor [--every SECONDS]                        publish a signed checkpoint to the anchor
                                                  bucket (once, or as a worker until SIGTERM)
  export [--from N] [--to N]                      write rows as JSON lines to stdout
  verify-file FILE [--checkpoint FILE]            check an exported JSONL file (no database)

environment:
  DATABASE_URL                                  PostgreSQL connection string (not for verify-file)
  DATABASE_REPLICA_URL                          a read replica of it: verify and export read there
                                                (verify checks up to the replica's head and
                                                reports it in "replica"); head and anchor never do
  AUDIT_CHECKPOINT_HMAC_KEY                     base64 HMAC-SHA256 key (>= 32 bytes), or
  AUDIT_CHECKPOINT_ED25519_PRIVATE_KEY_FILE     PEM file (head, verify), or
  AUDIT_CHECKPOINT_ED25519_PUBLIC_KEY_FILE      PEM file (verify only)
  AUDIT_CHECKPOINT_KEY_ID                       key id stored in checkpoints
  AUDIT_ANCHOR_BUCKET, AUDIT_ANCHOR_CHAIN_ID    anchor bucket and chain id (anchor; verify uses
                                                the latest anchored checkpoint when set)
  AUDIT_ANCHOR_PREFIX                           key prefix (default audit-anchors/)
  AUDIT_ANCHOR_OBJECT_LOCK                      auto | required | off (default auto)
  S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY,        S3 connection (default: AWS, SDK credential chain)
  S3_SECRET_KEY, S3_FORCE_PATH_STYLE
`;

class UsageError extends Error {}

/** Exit codes other than 2 (usage or configuration) for audit errors. */
const EXIT_BY_CODE: Partial<Record<string, number>> = {
  // The chain no longer continues the anchored checkpoint: a broken chain.
  AUDIT_ANCHOR_MISMATCH: 1,
  AUDIT_READ_FAILED: 3,
  AUDIT_ANCHOR_FAILED: 3,
};

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

function parseArgs(argv: readonly string[]): {
  command: string;
  file: string | undefined;
  flags: Map<string, string>;
} {
  const [command = '', ...args] = argv;
  const file = command === 'verify-file' ? args[0] : undefined;
  if (command === 'verify-file' && (file === undefined || file.startsWith('--'))) {
    throw new UsageError('verify-file needs a FILE');
  }
  const rest = command === 'verify-file' ? args.slice(1) : args;
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i] ?? '';
    const value = rest[i + 1];
    if (!['--from', '--to', '--checkpoint', '--every'].includes(name) || value === undefined) {
      throw new UsageError(`unknown or incomplete option`);
    }
    flags.set(name.slice(2), value);
  }
  return { command, file, flags };
}

function intFlag(flags: Map<string, string>, name: string): number | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  if (!/^\d{1,15}$/.test(v)) throw new UsageError(`--${name} must be a positive integer`);
  return Number(v);
}

function keyFromEnv(env: NodeJS.ProcessEnv): AuditCheckpointKey | undefined {
  const keyId = env.AUDIT_CHECKPOINT_KEY_ID;
  const extra = keyId === undefined ? {} : { keyId };
  if (env.AUDIT_CHECKPOINT_HMAC_KEY) {
    return {
      algorithm: 'hmac-sha256',
      secret: Buffer.from(env.AUDIT_CHECKPOINT_HMAC_KEY, 'base64'),
      ...extra,
    };
  }
  const priv = env.AUDIT_CHECKPOINT_ED25519_PRIVATE_KEY_FILE;
  const pub = env.AUDIT_CHECKPOINT_ED25519_PUBLIC_KEY_FILE;
  if (priv || pub) {
    return {
      algorithm: 'ed25519',
      ...(priv ? { privateKey: readFileSync(priv, 'utf8') } : {}),
      ...(pub ? { publicKey: readFileSync(pub, 'utf8') } : {}),
      ...extra,
    };
  }
  return undefined;
}

function readCheckpoint(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AuditError(AuditErrorCode.INVALID_CHECKPOINT, 'the checkpoint file is not JSON', {
      field: 'checkpoint',
      cause,
    });
  }
}

async function* jsonLines(file: string): AsyncGenerator<ExportedAuditRecord> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let record: ExportedAuditRecord;
    try {
      record = JSON.parse(line) as ExportedAuditRecord;
    } catch (cause) {
      throw new AuditError(AuditErrorCode.INVALID_RECORD, 'a line of the file is not JSON', {
        field: 'file',
        cause,
      });
    }
    yield record;
  }
}

async function verifyFile(
  file: string,
  flags: Map<string, string>,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const cpFile = flags.get('checkpoint');
  let checkpoint: AuditCheckpoint | undefined;
  if (cpFile !== undefined) {
    const key = keyFromEnv(env);
    if (key === undefined) throw new UsageError('--checkpoint needs an AUDIT_CHECKPOINT_* key');
    checkpoint = verifyAuditCheckpoint(readCheckpoint(cpFile), key);
  }
  const result = await verifyAuditRecords(
    jsonLines(file),
    checkpoint === undefined ? {} : { checkpoint },
  );
  out(JSON.stringify(result));
  return result.ok ? 0 : 1;
}

/** One anchor, or a worker loop that anchors every N seconds until SIGTERM/SIGINT. */
async function anchorCommand(
  audit: AuditLogger,
  everySeconds: number | undefined,
): Promise<number> {
  const once = async (): Promise<void> => {
    const r = await audit.anchorCheckpoint();
    out(
      JSON.stringify({ key: r.key, created: r.created, locked: r.locked, seq: r.checkpoint.seq }),
    );
  };
  if (everySeconds === undefined) {
    await once();
    return 0;
  }
  if (everySeconds < 1) throw new UsageError('--every must be at least 1');
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  process.once('SIGTERM', () => stop());
  process.once('SIGINT', () => stop());
  let failures = 0;
  for (;;) {
    try {
      await once();
    } catch (error) {
      // A worker keeps going (the store or database may come back); the code says what failed.
      failures += 1;
      const code = isAuditError(error) ? error.code : 'UNEXPECTED';
      process.stderr.write(`error: ${code}\n`);
    }
    let timer: NodeJS.Timeout | undefined;
    const tick = new Promise<'tick'>((resolve) => {
      timer = setTimeout(() => resolve('tick'), everySeconds * 1000);
    });
    const next = await Promise.race([tick, stopped.then(() => 'stop' as const)]);
    clearTimeout(timer);
    if (next === 'stop') break;
  }
  return failures === 0 ? 0 : 1;
}

async function run(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { command, file, flags } = parseArgs(argv);
  if (!['verify', 'head', 'anchor', 'export', 'verify-file'].includes(command)) {
    throw new UsageError('unknown command');
  }
  if (command === 'verify-file') return verifyFile(file as string, flags, env);
  const url = env.DATABASE_URL;
  if (!url) throw new UsageError('DATABASE_URL is not set');
  const checkpointKey = keyFromEnv(env);
  const anchor = await anchorFromEnv(env).catch((error: unknown) => {
    throw error instanceof AnchorEnvError ? new UsageError(error.message) : error;
  });
  if (command === 'anchor' && anchor === undefined) {
    throw new UsageError('anchor needs AUDIT_ANCHOR_BUCKET and AUDIT_ANCHOR_CHAIN_ID');
  }
  const { Sequelize: SequelizeCtor } = await import('sequelize');
  const db: Sequelize = new SequelizeCtor(url, { logging: false, dialect: 'postgres' });
  const replicaUrl = env.DATABASE_REPLICA_URL;
  const replica: Sequelize | undefined = replicaUrl
    ? new SequelizeCtor(replicaUrl, { logging: false, dialect: 'postgres' })
    : undefined;
  try {
    const audit = createAuditLogger({
      database: db,
      ...(replica === undefined ? {} : { readReplica: replica }),
      ...(checkpointKey === undefined ? {} : { checkpointKey }),
      ...(anchor === undefined ? {} : { anchor }),
    });
    const range = {
      ...(intFlag(flags, 'from') === undefined ? {} : { from: intFlag(flags, 'from') as number }),
      ...(intFlag(flags, 'to') === undefined ? {} : { to: intFlag(flags, 'to') as number }),
    };
    if (command === 'head') {
      out(JSON.stringify(await audit.head()));
      return 0;
    }
    // Awaited here: the `finally` below closes the database.
    if (command === 'anchor') return await anchorCommand(audit, intFlag(flags, 'every'));
    if (command === 'export') {
      for await (const r of audit.exportRecords(range)) out(JSON.stringify(r));
      return 0;
    }
    const file = flags.get('checkpoint');
    // Whatever the file holds (even `null`) goes to verify(), which checks it.
    const result = await audit.verify({
      ...range,
      ...(file === undefined ? {} : { checkpoint: readCheckpoint(file) as AuditCheckpoint }),
    });
    out(JSON.stringify(result));
    return result.ok ? 0 : 1;
  } finally {
    await Promise.all([db.close(), replica?.close()]);
  }
}

run(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only our constant messages and codes: never a cause, which may carry SQL or a URL.
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (isAuditError(error)) {
      process.stderr.write(`error: ${error.code}: ${error.message}\n`);
      process.exitCode = EXIT_BY_CODE[error.code] ?? 2;
    } else {
      process.stderr.write('error: unexpected failure (database or file not reachable?)\n');
      process.exitCode = 3;
    }
  },
);
