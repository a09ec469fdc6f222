/**
 * Benchmark of @clawexchange/audit (built dist) on a durable embedded
 * PostgreSQL (fsync and synchronous_commit on: every commit is a real fsync).
 *
 *  1. Committed events/s with 1, 4, 16 and 64 concurrent callers, each
 *     awaiting one event at a time: `audit.log()` (validation, hash chain,
 *     group commit) vs a naive single-row autocommitted INSERT through the
 *     same Sequelize pool into an unchained table of the same shape (same
 *     columns, the same four query indexes, a bigserial key). Both sides run
 *     ROUNDS times, in alternating order, side by side on the same server;
 *     the figure is the median of the per-round ratios, with their spread.
 *     Beside wall-clock throughput, the CPU time each event cost: this
 *     process (`process.cpuUsage`) and the PostgreSQL server (every server
 *     process in `pg_stat_activity`, read from `/proc/<pid>/stat`), which the
 *     shared machine's load does not move as much.
 *  2. `verify()` rows/s over VERIFY_ROWS rows, VERIFY_ROUNDS runs (median and
 *     spread), with CPU per row on both sides.
 *
 * Environment: BENCH_SECONDS (per side per round, default 2), BENCH_ROUNDS
 * (default 5), BENCH_CONCURRENCY (default 1,4,16,64), BENCH_VERIFY_ROWS
 * (default 200000), BENCH_VERIFY_ROUNDS (default 5), BENCH_PARTITIONING
 * (`none`, the default, or `monthly`: the layout `audit_logs` is created
 * with), BENCH_JSON (write the results there as JSON).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createAuditLogger, createAuditMigrations } from '@clawexchange/audit';
import { queryOnce, startPostgres } from '@clawexchange/test-utils';
import { Sequelize } from 'sequelize';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,4,16,64').split(',').map(Number);
const VERIFY_ROWS = Number(process.env.BENCH_VERIFY_ROWS ?? 200_000);
const VERIFY_ROUNDS = Number(process.env.BENCH_VERIFY_ROUNDS ?? 5);
const PARTITIONING = partitioningFromEnv(process.env.BENCH_PARTITIONING);

function partitioningFromEnv(value: string | undefined): 'none' | 'monthly' {
  if (value === undefined || value === 'none' || value === 'monthly') return value ?? 'none';
  throw new Error('BENCH_PARTITIONING must be none or monthly');
}

/** One side of one round. */
type Run = {
  eventsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU µs per event in this process. */
  nodeCpuUs: number;
  /** CPU µs per event in the PostgreSQL server processes (null without /proc). */
  pgCpuUs: number | null;
};

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const pct = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** CPU time (µs) of the server's processes, by pid. */
async function serverCpu(db: Sequelize): Promise<Map<number, number> | null> {
  const [rows] = await db.query('SELECT pid FROM pg_stat_activity');
  const byPid = new Map<number, number>();
  try {
    for (const { pid } of rows as { pid: number }[]) {
      // Fields 14 and 15 (utime, stime) in clock ticks; the name field may hold spaces.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      byPid.set(pid, (Number(fields[11]) + Number(fields[12])) * 10_000);
    }
  } catch {
    return null; // no /proc (not Linux) or another host: report wall clock only
  }
  return byPid;
}

/** Server CPU spent between two readings; a process that started in between counts whole. */
function cpuBetween(a: Map<number, number> | null, b: Map<number, number> | null): number | null {
  if (a === null || b === null) return null;
  let total = 0;
  for (const [pid, us] of b) total += us - (a.get(pid) ?? 0);
  return total;
}

async function sustain(
  db: Sequelize,
  concurrency: number,
  op: (i: number) => Promise<unknown>,
): Promise<Run> {
  const latencies: number[] = [];
  let n = 0;
  const cpu0 = await serverCpu(db);
  const node0 = process.cpuUsage();
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
  const node = process.cpuUsage(node0);
  const server = cpuBetween(cpu0, await serverCpu(db));
  latencies.sort((a, b) => a - b);
  return {
    eventsPerSec: latencies.length / elapsed,
    p50Ms: pct(latencies, 0.5),
    p99Ms: pct(latencies, 0.99),
    nodeCpuUs: (node.user + node.system) / latencies.length,
    pgCpuUs: server === null ? null : server / latencies.length,
  };
}

// The same columns and query indexes as audit_logs (migration step 0001), a bigserial key.
const NAIVE_TABLE = [
  `CREATE TABLE audit_naive (
  id bigserial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(), event_type text NOT NULL,
  actor_id text NOT NULL, actor_type text NOT NULL, target_id text, target_type text,
  ip_address text, metadata json)`,
  'CREATE INDEX ON audit_naive (created_at, id)',
  'CREATE INDEX ON audit_naive (event_type, created_at, id)',
  'CREATE INDEX ON audit_naive (actor_id, created_at, id)',
  'CREATE INDEX ON audit_naive (target_id, created_at, id) WHERE target_id IS NOT NULL',
];

const event = (i: number) => ({
  eventType: 'SSG_PASS',
  actorId: `agent-${i % 100}`,
  actorType: 'agent' as const,
  targetId: `post-${i}`,
  targetType: 'POST',
  ipAddress: '203.0.113.77',
  metadata: { tier: 'CLEAR', labels: [], durationMs: 3 },
});

const NAIVE_INSERT = `INSERT INTO audit_naive (event_type, actor_id, actor_type, target_id,
  target_type, ip_address, metadata) VALUES ($1, $2, $3, $4, $5, $6, $7::json)`;

type Side = 'audit' | 'naive';
type ConcurrencyResult = { concurrency: number; rounds: { audit: Run; naive: Run }[] };

const f0 = (x: number | null): string => (x === null ? '—' : x.toFixed(0));
const spread = (xs: readonly number[], digits: number): string =>
  `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

function summarise(r: ConcurrencyResult): string {
  const a = r.rounds.map((x) => x.audit);
  const b = r.rounds.map((x) => x.naive);
  const ratios = r.rounds.map((x) => x.audit.eventsPerSec / x.naive.eventsPerSec);
  const cpu = (runs: Run[]): number | null =>
    runs.some((x) => x.pgCpuUs === null)
      ? null
      : median(runs.map((x) => x.nodeCpuUs + (x.pgCpuUs as number)));
  const cpuA = cpu(a);
  const cpuB = cpu(b);
  const side = (runs: Run[]): string =>
    `${median(runs.map((x) => x.eventsPerSec)).toFixed(0)} (${median(runs.map((x) => x.p50Ms)).toFixed(1)} / ` +
    `${median(runs.map((x) => x.p99Ms)).toFixed(1)})`;
  const cpuCell = (runs: Run[]): string =>
    `${f0(median(runs.map((x) => x.nodeCpuUs)))} + ${runs.some((x) => x.pgCpuUs === null) ? '—' : f0(median(runs.map((x) => x.pgCpuUs as number)))}`;
  return (
    `| ${r.concurrency} | ${side(a)} | ${side(b)} | **${median(ratios).toFixed(2)}×** (${spread(ratios, 2)}) | ` +
    `${cpuCell(a)} | ${cpuCell(b)} | ${cpuA === null || cpuB === null ? '—' : `${(cpuB / cpuA).toFixed(2)}×`} |\n`
  );
}

async function fill(db: Sequelize, rows: number): Promise<void> {
  const [cnt] = await db.query('SELECT count(*)::int AS n FROM audit_logs');
  let have = (cnt as { n: number }[])[0]?.n ?? 0;
  const filler = createAuditLogger({ database: db, batch: { maxSize: 5000 } });
  while (have < rows) {
    const k = Math.min(5000, rows - have);
    await Promise.all(Array.from({ length: k }, (_, i) => filler.log(event(have + i))));
    have += k;
  }
  await filler.close();
  await db.query('VACUUM ANALYZE audit_logs');
}

async function main(): Promise<void> {
  const pg = await startPostgres({ durable: true });
  const out: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadavgStart: loadavg(),
    seconds: SECONDS,
    partitioning: PARTITIONING,
    rounds: ROUNDS,
  };
  try {
    await queryOnce(pg.url, 'CREATE DATABASE audit_bench');
    const url = pg.url.replace(/\/postgres$/, '/audit_bench');
    // One pool for both sides, big enough that every naive caller has its own connection.
    const db = new Sequelize(url, {
      logging: false,
      dialect: 'postgres',
      pool: { max: 64, idle: 600_000 },
    });
    for (const m of createAuditMigrations({ partitioning: PARTITIONING })) {
      await m.up(db.getQueryInterface(), db);
    }
    for (const sql of NAIVE_TABLE) await db.query(sql);
    const [settings] = await db.query(
      "SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync, version() AS v",
    );
    const s = (settings as { fsync: string; sync: string; v: string }[])[0];
    process.stdout.write(
      `PostgreSQL: ${s?.v.split(' ').slice(0, 2).join(' ')}, fsync=${s?.fsync}, synchronous_commit=${s?.sync}\n` +
        `Node ${process.version}, ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
        `load average ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}; ` +
        `${ROUNDS} rounds × ${SECONDS}s per side, alternating order\n\n`,
    );
    const audit = createAuditLogger({ database: db });
    const sides: Record<Side, (i: number) => Promise<unknown>> = {
      audit: (i) => audit.log(event(i)),
      naive: (i) =>
        db.query(NAIVE_INSERT, {
          bind: [
            'SSG_PASS',
            `agent-${i % 100}`,
            'agent',
            `post-${i}`,
            'POST',
            '203.0.113.0',
            '{"durationMs":3,"labels":[],"tier":"CLEAR"}',
          ],
        }),
    };
    // Warm both sides (connections, prepared statements, plans) before measuring.
    await Promise.all(Array.from({ length: 64 }, (_, i) => sides.audit(i)));
    await Promise.all(Array.from({ length: 64 }, (_, i) => sides.naive(i)));
    const results: ConcurrencyResult[] = CONCURRENCY.map((c) => ({ concurrency: c, rounds: [] }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const r of results) {
        const order: Side[] =
          (round + r.concurrency) % 2 === 0 ? ['audit', 'naive'] : ['naive', 'audit'];
        const runs: Partial<Record<Side, Run>> = {};
        for (const side of order) runs[side] = await sustain(db, r.concurrency, sides[side]);
        r.rounds.push(runs as { audit: Run; naive: Run });
      }
      process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
    }
    process.stdout.write(
      '| callers | `audit.log()` events/s (p50 / p99 ms) | naive INSERT events/s (p50 / p99 ms) | ratio, median (min–max) | audit CPU µs/event, Node + PostgreSQL | naive CPU µs/event | naive/audit CPU |\n' +
        '|---:|---:|---:|---:|---:|---:|---:|\n',
    );
    for (const r of results) process.stdout.write(summarise(r));
    out.write = results;
    out.verifyRows = VERIFY_ROWS;
    await fill(db, VERIFY_ROWS);
    const verifyRuns: {
      rowsPerSec: number;
      nodeCpuUsPerRow: number;
      pgCpuUsPerRow: number | null;
    }[] = [];
    for (let round = 0; round < VERIFY_ROUNDS; round++) {
      const cpu0 = await serverCpu(db);
      const node0 = process.cpuUsage();
      const t0 = performance.now();
      const result = await audit.verify();
      const secs = (performance.now() - t0) / 1000;
      const node = process.cpuUsage(node0);
      const server = cpuBetween(cpu0, await serverCpu(db));
      if (!result.ok) throw new Error(`chain broken: ${JSON.stringify(result.break)}`);
      verifyRuns.push({
        rowsPerSec: result.checked / secs,
        nodeCpuUsPerRow: (node.user + node.system) / result.checked,
        pgCpuUsPerRow: server === null ? null : server / result.checked,
      });
    }
    out.verify = verifyRuns;
    const rates = verifyRuns.map((v) => v.rowsPerSec);
    const pgPerRow = verifyRuns.map((v) => v.pgCpuUsPerRow);
    process.stdout.write(
      `\nverify(): ${VERIFY_ROWS} rows, ${VERIFY_ROUNDS} runs: median **${median(rates).toFixed(0)} rows/s** ` +
        `(${spread(rates, 0)}); CPU per row ${median(verifyRuns.map((v) => v.nodeCpuUsPerRow)).toFixed(2)} µs Node + ` +
        `${pgPerRow.some((x) => x === null) ? '—' : median(pgPerRow as number[]).toFixed(2)} µs PostgreSQL\n` +
        `load average at the end ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}\n`,
    );
    out.loadavgEnd = loadavg();
    if (process.env.BENCH_JSON)
      writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(out, null, 2)}\n`);
    await audit.close();
    await db.close();
  } finally {
    await pg.stop();
  }
}

await main();
