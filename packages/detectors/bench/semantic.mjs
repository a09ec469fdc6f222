// The learned injection stage alone (not part of `pnpm test`):
//   node packages/detectors/bench/semantic.mjs
// 1. ms per 4 KB post: the whole model call (normalise + features + windows), and the
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

function msPer(docs, fn, minMs = 1500) {
  for (const d of docs) fn(d);
  const passes = [];
  const t0 = now();
  while (now() - t0 < minMs) {
    const t = now();
    for (const d of docs) fn(d);
    passes.push((now() - t) / docs.length);
  }
  return median(passes);
}

const p4 = posts(4096, 200);
const model = msPer(p4, (d) => code.semanticVerdict(d));
const norm = msPer(p4, (d) => code.normalize(d));
process.stdout.write(
  `# semantic model bench — node ${process.version}, ${new Date().toISOString()}\n`,
);
process.stdout.write(
  `4 KB post: model call ${model.toFixed(4)} ms (of which normalisation ${norm.toFixed(4)} ms; model after normalisation ${(model - norm).toFixed(4)} ms)\n`,
);
const t64 = msPer(posts(65_536, 12), (d) => code.semanticVerdict(d));
const t1m = msPer(posts(1_048_576, 1), (d) => code.semanticVerdict(d), 3000);
process.stdout.write(
  `64 KB: ${t64.toFixed(3)} ms (${(t64 / model).toFixed(1)}x of 4 KB); 1 MB: ${t1m.toFixed(1)} ms (${(t1m / model).toFixed(0)}x)\n`,
);
