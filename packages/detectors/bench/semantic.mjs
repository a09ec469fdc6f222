// The learned injection stage alone (not part of `pnpm test`):
//   node packages/detectors/bench/semantic.mjs
// 1. ms per 4 KB post: the whole model call (normalise + features + windows), the model on
//    the rules' normalised view (what scan() pays: the view is shared), and the
//    normalisation alone (the rules compute the same view), on posts built from our own
//    honest training texts (model/data/train), median of many passes
// 2. growth from 4 KB to 64 KB and 1 MB (linear means ~16x and ~256x)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFeatureCode } from '../model/lib/bundle.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DATA = join(HERE, '../model/data/train');
const code = await loadFeatureCode();
const now = () => performance.now();
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const honest = [];
for (const f of readdirSync(DATA)
  .filter((x) => x.endsWith('.jsonl'))
  .sort()) {
  for (const l of readFileSync(join(DATA, f), 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const r = JSON.parse(l);
    if (r.label === 'benign') honest.push(r.text);
  }
}

/** Posts of `chars` characters, honest texts joined in a fixed order. */
function posts(chars, count) {
  const out = [];
  let k = 0;
  for (let i = 0; i < count; i++) {
    let s = '';
    while (s.length < chars) s += `${honest[k++ % honest.length]}\n\n`;
    out.push(s.slice(0, chars));
  }
  return out;
}

/** Median wall ms per doc over passes, and process CPU ms per doc over all of them (the machine is shared). */
function msPer(docs, fn, minMs = 1500) {
  for (const d of docs) fn(d);
  const passes = [];
  const t0 = now();
  const c0 = process.cpuUsage();
  while (now() - t0 < minMs) {
    const t = now();
    for (const d of docs) fn(d);
    passes.push((now() - t) / docs.length);
  }
  const c = process.cpuUsage(c0);
  return { wall: median(passes), cpu: (c.user + c.system) / 1000 / (passes.length * docs.length) };
}
const f = (x) => `${x.wall.toFixed(4)} ms wall / ${x.cpu.toFixed(4)} ms CPU`;

const p4 = posts(4096, 200);
const model = msPer(p4, (d) => code.semanticVerdict(d));
const norm = msPer(p4, (d) => code.normalize(d));
// In a scan the rules' normalised view is handed to the model: its own cost is this.
const ofView = msPer(
  p4.map((d) => code.normalize(d)),
  (n) => code.semanticVerdictOf(n),
);
process.stdout.write(
  `# semantic model bench — node ${process.version}, ${new Date().toISOString()}\n`,
);
process.stdout.write(`4 KB post: model call ${f(model)} (of which normalisation ${f(norm)})\n`);
process.stdout.write(
  `4 KB post: model on the rules' normalised view (as in scan()) ${f(ofView)}\n`,
);
const t64 = msPer(posts(65_536, 12), (d) => code.semanticVerdict(d));
const t1m = msPer(posts(1_048_576, 1), (d) => code.semanticVerdict(d), 3000);
const n1m = msPer(posts(1_048_576, 1), (d) => code.normalize(d), 3000);
process.stdout.write(
  `64 KB: ${f(t64)} (CPU ${(t64.cpu / model.cpu).toFixed(1)}x of 4 KB); 1 MB: ${f(t1m)} (CPU ${(t1m.cpu / model.cpu).toFixed(0)}x; normalisation alone ${f(n1m)})\n`,
);
// English-only ASCII posts (normalisation's fast path), as the mixed corpus of bench/run.mjs.
const ascii = posts(4096, 400)
  .map((p) => p.replace(/[^\x20-\x7e\n]/g, ''))
  .filter((p) => p.length > 3000)
  .slice(0, 100);
process.stdout.write(
  `ASCII-only posts of 3–4 KB (${ascii.length}): model call ${f(msPer(ascii, (d) => code.semanticVerdict(d)))}; on the rules' view ${f(
    msPer(
      ascii.map((d) => code.normalize(d)),
      (n) => code.semanticVerdictOf(n),
    ),
  )}\n`,
);
