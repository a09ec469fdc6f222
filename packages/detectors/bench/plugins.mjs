// One scan per post (issue 11, item 5), run after `pnpm build`; part of `pnpm bench`.
//   node bench/plugins.mjs [rounds] [post size in characters, default 4096]
// Side by side, interleaved in one process, on the same 4 KB post:
//   A  ssg.inspect() through createSSG({ plugins: defaultPlugins() })   (the shared scan)
//   B  scan(text), all categories                                      (the baseline)
//   C  ssg.inspect() with secretsPlugin(), piiPlugin(), injectionPlugin() created apart
//      (three scans per post: what defaultPlugins() did before)
//   D  the three defaultPlugins() called directly, no gate (A − D is the gate's own time)
//   E  ssg.inspect() with three plugins that return at once (the gate alone, same envelope)
//   F  the three defaultPlugins() through Promise.all of async calls (what any runner pays)
//   G  F plus one AbortController and one setTimeout/clearTimeout per call (what the ssg
//      runner creates per inspection and timeout group); A − G is the rest of the gate
// Each round times a batch of calls of every variant (the order rotates per round);
// a variant's figure is the median over rounds of its per-call mean in a batch, and
// the ratios are medians of the per-round ratios, with their min–max spread.
import os from 'node:os';
import { createSSG } from '@clawexchange/ssg';
import { defaultPlugins, injectionPlugin, piiPlugin, scan, secretsPlugin } from '../dist/index.js';

const ROUNDS = Number(process.argv[2] ?? 61);
const BATCH = 50;
const SIZE = Number(process.argv[3] ?? 4096);

// A marketplace post of SIZE (4,096) characters: sentences of offer words, one email
// address, one price table, paragraphs; the same text every run.
let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 2 ** 32;
};
const WORDS = (
  'gpu hours storage deal escrow price credits region offer buyer seller batch delivery ' +
  'contract review the and for with we can per month latency uptime support refund ' +
  'inference fine-tuning dataset shipping invoice quote minimum order available now'
).split(' ');
const sentence = () => {
  const n = 8 + Math.floor(rnd() * 14);
  const s = Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}${rnd() < 0.2 ? '?' : '.'}`;
};
function post4k() {
  const parts = ['Offer: A100 GPU hours in eu-west, escrow only.\n\n'];
  let n = parts[0].length;
  while (n < SIZE - 350) {
    const p = `${Array.from({ length: 3 + Math.floor(rnd() * 4) }, sentence).join(' ')}\n\n`;
    parts.push(p);
    n += p.length;
  }
  const tail =
    '| tier | price |\n|---|---|\n| 100 h | 240 credits |\n| 1000 h | 2100 credits |\n\n' +
    'Questions: write to ops.desk@example.org and mention batch 42.\n';
  return `${parts.join('').slice(0, SIZE - tail.length)}${tail}`;
}
const text = post4k();
const envelope = { text, contentType: 'POST' };

const shared = createSSG({ plugins: defaultPlugins() });
const apart = createSSG({ plugins: [secretsPlugin(), piiPlugin(), injectionPlugin()] });
const direct = defaultPlugins();
const ctx = { signal: new AbortController().signal };
const nothing = Object.freeze({ score: 0, labels: [], matches: [], summary: 'nothing found' });
const noops = ['secrets', 'pii', 'injection'].map((id, i) => ({
  id,
  priority: 3 - i,
  enabled: true,
  analyze: () => nothing,
}));
const gateOnly = createSSG({ plugins: noops });

const variants = {
  A: () => shared.inspect(envelope),
  B: () => scan(text),
  C: () => apart.inspect(envelope),
  D: () => {
    for (const p of direct) void p.analyze(envelope, ctx); // synchronous here: nothing to await
  },
  E: () => gateOnly.inspect(envelope),
  F: () => Promise.all(direct.map(async (p) => p.analyze(envelope, ctx))),
  G: async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 1000);
    const signal = { signal: controller.signal };
    const results = await Promise.all(direct.map(async (p) => p.analyze(envelope, signal)));
    clearTimeout(timer);
    return results;
  },
};

/**
 * Mean µs per call over one batch: process CPU time (user + system), which a
 * neighbour's load on a shared machine barely moves, and wall time.
 */
async function batch(fn) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < BATCH; i++) await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1000 / BATCH;
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / BATCH, wall };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Same verdict material either way (the unit tests check this exhaustively).
const [a, c] = [await shared.inspect(envelope), await apart.inspect(envelope)];
if (JSON.stringify(a) !== JSON.stringify(c)) throw new Error('shared and separate plugins differ');

const names = Object.keys(variants);
for (const n of names) await batch(variants[n]); // warm-up
for (const n of names) await batch(variants[n]);
const samples = Object.fromEntries(names.map((n) => [n, []]));
for (let r = 0; r < ROUNDS; r++) {
  for (let k = 0; k < names.length; k++) {
    const n = names[(r + k) % names.length];
    samples[n].push(await batch(variants[n]));
  }
}
const of = (n, k) => samples[n].map((x) => x[k]);
const ratios = (x, y, k) => of(x, k).map((v, i) => v / of(y, k)[i]);
const spread = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `IQR ${q(0.25).toFixed(3)}–${q(0.75).toFixed(3)}, min–max ${s[0].toFixed(3)}–${s.at(-1).toFixed(3)}`;
};

const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`# detectors: one scan per post — ${new Date().toISOString()}`);
console.log(
  `Node ${process.version}, ${os.cpus().length} cores (${cpuModel}), load ${os.loadavg()[0].toFixed(2)} at the end`,
);
console.log(
  `${text.length.toLocaleString('en')}-character post (${scan(text).length} finding), ${ROUNDS} interleaved rounds of ${BATCH} calls per variant`,
);
const LABELS = {
  A: 'A inspect(), defaultPlugins() (shared scan)',
  B: 'B scan(), all categories',
  C: 'C inspect(), three plugins created apart',
  D: 'D defaultPlugins() called directly, no gate',
  E: 'E inspect(), three plugins that return at once',
  F: 'F defaultPlugins() via Promise.all(async)',
  G: 'G F + AbortController + setTimeout',
};
for (const n of names) {
  console.log(
    `  ${LABELS[n].padEnd(46)} median ${median(of(n, 'cpu')).toFixed(1)} µs CPU, ${median(of(n, 'wall')).toFixed(1)} µs wall`,
  );
}
for (const k of ['cpu', 'wall']) {
  const ab = ratios('A', 'B', k);
  console.log(
    `  ${k.padEnd(4)} A/B ${median(ab).toFixed(3)}× (${spread(ab)}); target ≤ 1.05×: ${median(ab) <= 1.05 ? 'MET' : 'MISSED'}`,
  );
  console.log(
    `  ${k.padEnd(4)} C/B ${median(ratios('C', 'B', k)).toFixed(3)}× — three scans, as before`,
  );
  console.log(
    `  ${k.padEnd(4)} D/B ${median(ratios('D', 'B', k)).toFixed(3)}× — the plugins without the gate; gate A−D ${(median(of('A', k)) - median(of('D', k))).toFixed(1)} µs`,
  );
  console.log(
    `  ${k.padEnd(4)} E/B ${median(ratios('E', 'B', k)).toFixed(3)}× — the gate alone with three instant plugins`,
  );
  console.log(
    `  ${k.padEnd(4)} F/B ${median(ratios('F', 'B', k)).toFixed(3)}×, G/B ${median(ratios('G', 'B', k)).toFixed(3)}× — async calls; plus abort signal and timer`,
  );
}
