import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));
const DRIVER = fileURLToPath(new URL('./pg-driver.ts', import.meta.url));

function message(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from(type), length, body]);
}

const cstrings = (...parts: string[]) => Buffer.from(parts.map((p) => `${p}\0`).join(''));
const int32s = (...values: number[]) => {
  const b = Buffer.alloc(values.length * 4);
  for (const [i, v] of values.entries()) b.writeInt32BE(v, i * 4);
  return b;
};

/**
 * A PostgreSQL server that accepts one start-up and is stopped right then:
 * its "terminating connection due to administrator command" arrives in the
 * same write as the connection's first ReadyForQuery.
 */
const DYING_AT_STARTUP = Buffer.concat([
  message('R', int32s(0)), // AuthenticationOk
  message('S', cstrings('server_version', '15.0')),
  message('K', int32s(4242, 1)), // BackendKeyData
  message('Z', Buffer.from('I')), // ReadyForQuery, idle
  message(
    'E',
    Buffer.concat([
      cstrings(
        'SFATAL',
        'VFATAL',
        'C57P01',
        'Mterminating connection due to administrator command',
      ),
      Buffer.from([0]),
    ]),
  ),
]);

/** Connects Sequelize (in a child process, where an uncaught error can end it) to `port`. */
function connectInChild(port: number, driver: 'pg' | 'pgDriver') {
  const script = `
    import { Sequelize } from 'sequelize';
    const options = { logging: false, dialect: 'postgres', pool: { max: 1 } };
    if (${JSON.stringify(driver)} === 'pgDriver') options.dialectModule = (await import(${JSON.stringify(DRIVER)})).pgDriver;
    const db = new Sequelize('postgres://app:pw@127.0.0.1:${port}/app', options);
    await db.authenticate().then(() => console.log('connected'), (e) => console.log('failed:', e.message));
    await db.close().catch(() => {});
    process.exit(0);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: APP_DIR,
  });
  const run = { status: null as number | null, stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => {
    run.stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    run.stderr += d.toString();
  });
  return new Promise<typeof run>((resolve) =>
    child.once('close', (status) => resolve({ ...run, status })),
  );
}

describe('pgDriver (Sequelize dialectModule)', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((socket) => {
      socket.on('error', () => {});
      socket.once('data', () => socket.end(DYING_AT_STARTUP));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** regression: issue 16 (the demo's Ctrl-C ended with status 1 now and then) */
  it('plain pg: the server stopping at start-up ends the whole process (the race it closes)', async () => {
    const run = await connectInChild(port, 'pg');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('57P01');
    expect(run.stdout).not.toContain('failed:');
  }, 60_000);

  it('with pgDriver the same connection fails as a rejected query and the process lives on', async () => {
    const run = await connectInChild(port, 'pgDriver');
    expect(run.stderr).not.toContain('57P01');
    expect(run.stdout.trim()).toMatch(/^failed: .*connection/i);
    expect(run.status).toBe(0);
  }, 60_000);
});
