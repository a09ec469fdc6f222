/**
 * Benchmark of @clawexchange/audit (built dist) on a durable embedded
 * PostgreSQL (fsync and synchronous_commit on: every commit is a real fsync).
 *
 *  1. sustained committed events/s with 1, 8 and 64 concurrent callers:
 *     audit.log() (group commit, hash chain) vs one plain autocommitted
 *     INSERT per event into an unchained table of the same shape (naive);
 *  2. verify() rows/s over a chain of VERIFY_ROWS rows.
 */
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createAuditLogger, createAuditMigrations } from '@clawexchange/audit';
import { queryOnce, startPostgres } from '@clawexchange/test-utils';
import { Sequelize } from 'sequelize';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const VERIFY_ROWS = Number(process.env.BENCH_VERIFY_ROWS ?? 300_000);
const CONCURRENCY = [1, 8, 64];

type Run = { eventsPerSec: number; p50Ms: number; p99Ms: number };

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

async function sustain(concurrency: number, op: (i: number) => Promise<unknown>): Promise<Run> {
  const latencies: number[] = [];
  let n = 0;
  const start = performance.now();
  const end = start + SECONDS * 1000;
  async function caller(): Promise<void> {
    while (performance.now() < end) {
      const t0 = performance.now();
      await op(n++);
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, caller));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    eventsPerSec: latencies.length / elapsed,
    p50Ms: pct(latencies, 0.5),
    p99Ms: pct(latencies, 0.99),
  };
}

const NAIVE_TABLE = `CREATE TABLE audit_naive (
  id bigserial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(), event_type text NOT NULL,
  actor_id text NOT NULL, actor_type text NOT NULL, target_id text, target_type text,
  ip_address text, metadata json)`;

async function main(): Promise<void> {
  const pg = await startPostgres({ durable: true });
  try {
    await queryOnce(pg.url, 'CREATE DATABASE audit_bench');
    const url = pg.url.replace(/\/postgres$/, '/audit_bench');
    const sequelize = new Sequelize(url, {
      logging: false,
      dialect: 'postgres',
      pool: { max: 16 },
    });
    for (const m of createAuditMigrations()) await m.up(sequelize.getQueryInterface(), sequelize);
    await sequelize.query(NAIVE_TABLE);
    const [settings] = await sequelize.query(
      "SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync, version() AS v",
    );
    const s = (settings as { fsync: string; sync: string; v: string }[])[0];
    process.stdout.write(
      `PostgreSQL: ${s?.v.split(' ').slice(0, 2).join(' ')}, fsync=${s?.fsync}, synchronous_commit=${s?.sync}\n` +
        `Node ${process.version}, ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, ${SECONDS}s per run\n\n`,
    );
    const audit = createAuditLogger({ database: sequelize });
    const event = (i: number) => ({
      eventType: 'SSG_PASS',
      actorId: `agent-${i % 100}`,
      actorType: 'agent' as const,
      targetId: `post-${i}`,
      targetType: 'POST',
      ipAddress: '203.0.113.77',
      metadata: { tier: 'CLEAR', labels: [], durationMs: 3 },
    });
    const naive = (i: number) =>
      sequelize.query(
        `INSERT INTO audit_naive (event_type, actor_id, actor_type, target_id, target_type, ip_address, metadata)
         VALUES ($1, $2, $3, $4, $5, $6, $7::json)`,
        {
          bind: [
            'SSG_PASS',
            `agent-${i % 100}`,
            'agent',
            `post-${i}`,
            'POST',
            '203.0.113.0',
            '{"durationMs":3,"labels":[],"tier":"CLEAR"}',
          ],
        },
      );
    process.stdout.write(
      '| callers | audit.log() events/s | p50 / p99 ms | naive INSERT events/s | p50 / p99 ms | ratio |\n',
    );
    process.stdout.write('|---:|---:|---:|---:|---:|---:|\n');
    for (const c of CONCURRENCY) {
      const a = await sustain(c, (i) => audit.log(event(i)));
      const b = await sustain(c, naive);
      process.stdout.write(
        `| ${c} | ${a.eventsPerSec.toFixed(0)} | ${a.p50Ms.toFixed(1)} / ${a.p99Ms.toFixed(1)} | ` +
          `${b.eventsPerSec.toFixed(0)} | ${b.p50Ms.toFixed(1)} / ${b.p99Ms.toFixed(1)} | ` +
          `${(a.eventsPerSec / b.eventsPerSec).toFixed(1)}x |\n`,
      );
    }
    // Fill the chain to VERIFY_ROWS with large batches, then time verify().
    const [cnt] = await sequelize.query('SELECT count(*)::int AS n FROM audit_logs');
    let have = (cnt as { n: number }[])[0]?.n ?? 0;
    const filler = createAuditLogger({ database: sequelize, batch: { maxSize: 5000 } });
    while (have < VERIFY_ROWS) {
      const k = Math.min(5000, VERIFY_ROWS - have);
      await Promise.all(Array.from({ length: k }, (_, i) => filler.log(event(have + i))));
      have += k;
    }
    await sequelize.query('VACUUM ANALYZE audit_logs');
    let best = 0;
    let checked = 0;
    for (let round = 0; round < 3; round++) {
      const t0 = performance.now();
      const result = await audit.verify();
      const secs = (performance.now() - t0) / 1000;
      if (!result.ok) throw new Error(`chain broken: ${JSON.stringify(result.break)}`);
      checked = result.checked;
      best = Math.max(best, result.checked / secs);
    }
    process.stdout.write(`\nverify(): ${checked} rows, best of 3: ${best.toFixed(0)} rows/s\n`);
    await audit.close();
    await sequelize.close();
  } finally {
    await pg.stop();
  }
}

await main();
