// Benchmarks of @clawexchange/ssg, run against the built dist (pnpm build first).
//   1. inspect() overhead with 5 no-op plugins (median, p99 per call), beside
//      a baseline that calls the same 5 plugins directly with Promise.all.
//   2. Express middleware round trip over loopback (median, p99, req/s),
//      beside the same app without the middleware.
import { once } from 'node:events';
import http from 'node:http';
import os from 'node:os';
import express from 'express';
import { createSSG } from '../dist/index.js';

const INSPECT_CALLS = 200_000;
const HTTP_SEQUENTIAL = 4_000;
const HTTP_CONCURRENCY = 16;
const HTTP_LOAD_MS = 4_000;

const noopResult = Object.freeze({ score: 0, labels: [], matches: [], summary: 'nothing' });
const plugins = Array.from({ length: 5 }, (_, i) => ({
  id: `noop-${i}`,
  priority: i,
  enabled: true,
  analyze: () => noopResult,
}));

function stats(samplesNs) {
  const sorted = Float64Array.from(samplesNs).sort();
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { medianUs: at(0.5) / 1000, p99Us: at(0.99) / 1000 };
}

async function timeCalls(n, fn) {
  const samples = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    samples[i] = Number(process.hrtime.bigint() - t0);
  }
  return stats(samples);
}

async function benchInspect() {
  const ssg = createSSG({ plugins });
  const envelope = { text: 'a perfectly ordinary post about apples', contentType: 'POST' };
  const baseline = () => Promise.all(plugins.map((p) => p.analyze(envelope)));
  const inspect = () => ssg.inspect(envelope);
  await timeCalls(20_000, inspect); // warm-up (JIT)
  await timeCalls(20_000, baseline);
  const base = await timeCalls(INSPECT_CALLS, baseline);
  const gate = await timeCalls(INSPECT_CALLS, inspect);
  return { base, gate };
}

function post(agent, port, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/v1/posts',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function serve(variant) {
  const app = express();
  const ssg = createSSG({ plugins });
  const handler = (_req, res) => res.status(201).json({ ok: true });
  if (variant === 'gate') app.use('/v1/posts', ssg.middleware(), handler);
  else if (variant === 'json+gate') app.use('/v1/posts', express.json(), ssg.middleware(), handler);
  else app.use('/v1/posts', express.json(), handler);
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

async function benchHttp(variant) {
  const server = await serve(variant);
  const { port } = server.address();
  const agent = new http.Agent({ keepAlive: true, maxSockets: HTTP_CONCURRENCY });
  const body = JSON.stringify({ text: 'a perfectly ordinary post about apples' });
  await timeCalls(1_000, () => post(agent, port, body));
  const latency = await timeCalls(HTTP_SEQUENTIAL, () => post(agent, port, body));
  let done = 0;
  const end = Date.now() + HTTP_LOAD_MS;
  const worker = async () => {
    while (Date.now() < end) {
      if ((await post(agent, port, body)) !== 201) throw new Error('unexpected status');
      done++;
    }
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: HTTP_CONCURRENCY }, worker));
  const rps = done / ((Date.now() - t0) / 1000);
  agent.destroy();
  server.close();
  return { ...latency, rps };
}

const fmt = (n) => n.toFixed(2);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`# @clawexchange/ssg benchmark — ${new Date().toISOString()}`);
console.log(
  `Node ${process.version}, ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`,
);
const { base, gate } = await benchInspect();
console.log(`\ninspect(), 5 no-op plugins, ${INSPECT_CALLS} sequential calls`);
console.log(
  `  baseline Promise.all(5 plugins): median ${fmt(base.medianUs)} µs, p99 ${fmt(base.p99Us)} µs`,
);
console.log(
  `  ssg.inspect():                   median ${fmt(gate.medianUs)} µs, p99 ${fmt(gate.p99Us)} µs`,
);
console.log(
  `  overhead vs baseline: median +${fmt(gate.medianUs - base.medianUs)} µs; target <= 20 µs median: ${gate.medianUs <= 20 ? 'MET' : 'MISSED'}`,
);
const plain = await benchHttp('json');
const gated = await benchHttp('gate');
const both = await benchHttp('json+gate');
console.log(
  `\nExpress 5 POST /v1/posts over loopback (keep-alive), ${HTTP_SEQUENTIAL} sequential + ${HTTP_LOAD_MS / 1000} s at concurrency ${HTTP_CONCURRENCY}`,
);
console.log(
  `  express.json() only (no gate):            median ${fmt(plain.medianUs)} µs, p99 ${fmt(plain.p99Us)} µs, ${Math.round(plain.rps)} req/s`,
);
console.log(
  `  ssg.middleware() (reads the body itself): median ${fmt(gated.medianUs)} µs, p99 ${fmt(gated.p99Us)} µs, ${Math.round(gated.rps)} req/s`,
);
console.log(
  `  express.json() + ssg.middleware():         median ${fmt(both.medianUs)} µs, p99 ${fmt(both.p99Us)} µs, ${Math.round(both.rps)} req/s`,
);
