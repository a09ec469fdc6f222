// Benchmarks of @clawexchange/llm-guard, run against the built dist (pnpm build first).
//   1. Guard overhead per call(): minimise + redact + build request + hash run id +
//      parse + validate (ajv) + restore, on 3 × 512-character snippets, network
//      excluded: `fetch` is an in-process function answering a canned Response.
//      Beside it, the same canned fetch called alone (the floor any client pays).
//   2. Streaming: added time to first token. The same in-memory SSE body is read
//      (a) raw: fetch + read until the first delta is parsed, and (b) through
//      guard.stream() until the first chunk. Interleaved, medians.
import os from 'node:os';
import { createLLMGuard } from '../dist/index.js';

const CALLS = 3000;
const WARMUP = 300;
const STREAMS = 3000;

const WORDS =
  'agent offers listing price delivery escrow contact support payment review token market'.split(
    ' ',
  );
function words(seed, chars) {
  let s = '';
  let i = seed;
  while (s.length < chars + 40) {
    i = (i * 7 + 3) % WORDS.length;
    s += `${WORDS[i]} `;
  }
  return s;
}
// Each snippet carries an email and an AWS-style key so redaction does real work.
const page = {
  title: `${words(1, 200)} mail seller.one@example.org ${words(2, 300)}`,
  body: `${words(3, 150)} key AKIAQ7X3KZ2M4N5P6R8T ${words(4, 350)}`,
  extra: `${words(5, 250)} call buyer.two@example.net ${words(6, 250)}`,
};
const selectors = [{ name: 'title' }, { name: 'body' }, { name: 'extra' }];
const schema = {
  type: 'object',
  properties: { scam: { type: 'boolean' }, reason: { type: 'string' } },
  required: ['scam'],
  additionalProperties: false,
};
const answer = JSON.stringify({
  id: 'x',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: '{"scam":false,"reason":"asks to mail [EMAIL#1]"}' },
    },
  ],
});
const cannedFetch = async () =>
  new Response(answer, { status: 200, headers: { 'content-type': 'application/json' } });

function sse(deltas) {
  const text = `${deltas.map((d) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: d } }] })}\n\n`).join('')}data: [DONE]\n\n`;
  return new TextEncoder().encode(text);
}
const STREAM_BYTES = sse(['The ', 'post ', 'asks ', 'to mail [EMAIL#1] ', 'and ', 'pay.']);
const streamFetch = async () =>
  new Response(
    new ReadableStream({
      start(c) {
        c.enqueue(STREAM_BYTES);
        c.close();
      },
    }),
    { status: 200, headers: { 'content-type': 'text/event-stream' } },
  );

function median(samples) {
  const s = Float64Array.from(samples).sort();
  return {
    median: s[Math.floor(s.length / 2)],
    p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))],
  };
}
const ms = (ns) => (ns / 1e6).toFixed(3);

const config = (fetch) => ({
  provider: {
    kind: 'openai',
    url: 'https://api.openai.com/v1/chat/completions',
    apiKey: 'sk-bench',
    model: 'bench',
  },
  dataUsage: 'none',
  redaction: { runIdKey: 'b'.repeat(32) },
  fetch,
});

async function benchCall() {
  const guard = createLLMGuard(config(cannedFetch));
  const input = (i) => ({ task: 'Is this a scam?', schema, page, selectors, runId: `run-${i}` });
  for (let i = 0; i < WARMUP; i++) await guard.call(input(i));
  const guardNs = [];
  const floorNs = [];
  for (let i = 0; i < CALLS; i++) {
    let t = process.hrtime.bigint();
    const r = await guard.call(input(i));
    guardNs.push(Number(process.hrtime.bigint() - t));
    if (r.snippetCount !== 3 || r.redactionCount !== 3)
      throw new Error('bench input not as intended');
    t = process.hrtime.bigint();
    JSON.parse(await (await cannedFetch()).text());
    floorNs.push(Number(process.hrtime.bigint() - t));
  }
  return { guard: median(guardNs), floor: median(floorNs) };
}

async function firstRawDelta() {
  const res = await streamFetch();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('no delta');
    buf += decoder.decode(value, { stream: true });
    const end = buf.indexOf('\n\n');
    if (end >= 0) {
      const text = JSON.parse(buf.slice(6, end)).choices[0].delta.content;
      await reader.cancel();
      return text;
    }
  }
}

async function benchStream() {
  const guard = createLLMGuard(config(streamFetch));
  const input = (i) => ({ task: 'Summarise', page, selectors, runId: `run-${i}` });
  const first = async (i) => {
    for await (const c of guard.stream(input(i))) return c.text;
  };
  for (let i = 0; i < WARMUP; i++) {
    await first(i);
    await firstRawDelta();
  }
  const raw = [];
  const guarded = [];
  for (let i = 0; i < STREAMS; i++) {
    let t = process.hrtime.bigint();
    await firstRawDelta();
    raw.push(Number(process.hrtime.bigint() - t));
    t = process.hrtime.bigint();
    await first(i);
    guarded.push(Number(process.hrtime.bigint() - t));
  }
  return { raw: median(raw), guarded: median(guarded) };
}

const call = await benchCall();
const stream = await benchStream();
const load = os.loadavg()[0].toFixed(2);
console.log(
  `llm-guard bench — ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, load ${load}`,
);
console.log(
  `call() overhead, 3 × 512-char snippets, network excluded: median ${ms(call.guard.median)} ms (p99 ${ms(call.guard.p99)} ms); canned fetch alone ${ms(call.floor.median)} ms; target ≤ 0.5 ms median`,
);
console.log(
  `stream() time to first chunk: ${ms(stream.guarded.median)} ms (p99 ${ms(stream.guarded.p99)}) vs raw first delta ${ms(stream.raw.median)} ms (p99 ${ms(stream.raw.p99)}); added ${ms(stream.guarded.median - stream.raw.median)} ms; target ≤ 1 ms`,
);
