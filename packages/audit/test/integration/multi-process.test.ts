import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestDatabase } from '@clawexchange/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditLogger } from '../../src/index.js';
import { migratedDatabase } from './helpers.js';

const WRITER = fileURLToPath(new URL('./fixtures/writer.mjs', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

type Writer = {
  child: ChildProcess;
  acks: string[];
  ready: Promise<void>;
  exited: Promise<number | null>;
};

function startWriter(
  url: string,
  prefix: string,
  count: number,
  concurrency: number,
  durationMs = 0,
): Writer {
  const args = [WRITER, url, prefix, String(count), String(concurrency), String(durationMs)];
  const child = spawn(process.execPath, args, {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const acks: string[] = [];
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('ack ')) acks.push(line.slice(4));
      else if (line === 'ready') markReady();
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, acks, ready, exited };
}

async function storedTargets(db: TestDatabase): Promise<Set<string>> {
  const [rows] = await db.sequelize.query('SELECT target_id FROM audit_logs');
  return new Set((rows as { target_id: string }[]).map((r) => r.target_id));
}

describe('writers in several processes (built dist)', () => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  it('needs the built package', () => {
    expect(existsSync(DIST), 'run `pnpm --filter @clawexchange/audit build` first').toBe(true);
  });

  it('two concurrent writer processes append to one valid chain', async () => {
    db = await migratedDatabase();
    const a = startWriter(db.url, 'pa', 1_000_000, 16, 1500);
    const b = startWriter(db.url, 'pb', 1_000_000, 16, 1500);
    await Promise.all([a.ready, b.ready]);
    a.child.stdin?.end('go\n');
    b.child.stdin?.end('go\n');
    expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
    expect(a.acks.length).toBeGreaterThan(100);
    expect(b.acks.length).toBeGreaterThan(100);
    const total = a.acks.length + b.acks.length;
    const audit = createAuditLogger({ database: db.sequelize });
    expect(await audit.verify()).toMatchObject({ ok: true, checked: total, lastSeq: total });
    const stored = await storedTargets(db);
    expect([...a.acks, ...b.acks].every((id) => stored.has(id))).toBe(true);
    const [interleaved] = await db.sequelize.query(
      `SELECT count(*)::int AS switches FROM (
         SELECT actor_id <> lag(actor_id) OVER (ORDER BY seq) AS s FROM audit_logs) x WHERE s`,
    );
    // Both processes really wrote concurrently (their batches interleave).
    expect((interleaved as { switches: number }[])[0]?.switches).toBeGreaterThan(1);
  });

  it('two loggers sharing a database whose default isolation is SERIALIZABLE keep one chain', async () => {
    db = await migratedDatabase();
    await db.sequelize.query(
      `ALTER DATABASE ${db.name} SET default_transaction_isolation = 'serializable'`,
    );
    const { Sequelize } = await import('sequelize');
    const strict = new Sequelize(db.url, { logging: false, dialect: 'postgres' });
    try {
      const [iso] = await strict.query(
        "SELECT current_setting('default_transaction_isolation') AS iso",
      );
      expect(iso).toEqual([{ iso: 'serializable' }]);
      const one = createAuditLogger({ database: strict, batch: { maxSize: 7 } });
      const two = createAuditLogger({ database: strict, batch: { maxSize: 5 } });
      await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          (i % 2 === 0 ? one : two).log({
            eventType: 'SSG_PASS',
            actorId: `s-${i}`,
            actorType: 'bot',
          }),
        ),
      );
      expect(await one.verify()).toMatchObject({ ok: true, checked: 300 });
    } finally {
      await strict.close();
    }
  });

  it('every acknowledged event survives a SIGKILL of its writer mid-load', async () => {
    db = await migratedDatabase();
    const w = startWriter(db.url, 'crash', 1_000_000, 32);
    await w.ready;
    w.child.stdin?.end('go\n');
    const deadline = Date.now() + 20_000;
    while (w.acks.length < 1500 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    w.child.kill('SIGKILL');
    await w.exited;
    const acked = [...w.acks];
    expect(acked.length).toBeGreaterThanOrEqual(1500);
    const stored = await storedTargets(db);
    const lost = acked.filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    // The batch in flight at the kill was rolled back whole: the chain is intact.
    const audit = createAuditLogger({ database: db.sequelize });
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.checked).toBeGreaterThanOrEqual(acked.length);
  });
});
