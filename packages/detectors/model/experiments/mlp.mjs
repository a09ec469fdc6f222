// Experiment (not shipped): a fastText-style embedding-bag MLP (hashed features → D-dim mean
// embedding per window → tanh layer of H → logit), trained on the same windows with the same
// multiple-instance rule as the shipped linear model, scored on the validation split and
// leave-one-writer-out. It lost to the linear model (numbers in ../REPORT.md); kept so the
// comparison can be rerun:  D=16 H=16 node packages/detectors/model/experiments/mlp.mjs
import { loadFeatureCode } from '../lib/bundle.mjs';
import { fnv, loadDir } from '../lib/data.mjs';
import { prng, shuffled } from '../lib/linear.mjs';
import { auc, recallAtFpr } from '../lib/metrics.mjs';

const code = await loadFeatureCode();
const data = loadDir(new URL('../data/train', import.meta.url).pathname);
const BITS = 18,
  D = Number(process.env.D ?? 16),
  H = Number(process.env.H ?? 16);
const feat = (rows) =>
  rows.map((r) => {
    const f = code.featurize(code.normalize(r.text).text, BITS);
    return { f, y: r.y, windows: code.windowsOf(f.tokens, { window: 64, stride: 16 }) };
  });
const fs_ = (f, t) => (t === 0 ? 0 : f.featEnd[t - 1]);
function train(docs, o) {
  const rand = prng(1);
  const E = new Float32Array((1 << BITS) * D);
  for (let i = 0; i < E.length; i++) E[i] = (rand() - 0.5) * 0.1;
  const W = new Float64Array(H * D);
  for (let i = 0; i < W.length; i++) W[i] = (rand() - 0.5) * 0.5;
  const b1 = new Float64Array(H),
    v = new Float64Array(H);
  for (let i = 0; i < H; i++) v[i] = (rand() - 0.5) * 0.5;
  let c = 0;
  const h = new Float64Array(D),
    a = new Float64Array(H),
    gh = new Float64Array(D);
  const fwd = (d, lo, hi) => {
    h.fill(0);
    const n = hi - lo;
    const s = 1 / Math.sqrt(n);
    for (let k = lo; k < hi; k++) {
      const base = d.f.feats[k] * D;
      for (let j = 0; j < D; j++) h[j] += E[base + j] * s;
    }
    let z = c;
    for (let i = 0; i < H; i++) {
      let t = b1[i];
      for (let j = 0; j < D; j++) t += W[i * D + j] * h[j];
      a[i] = Math.tanh(t);
      z += v[i] * a[i];
    }
    return z;
  };
  for (let e = 0; e < o.epochs; e++) {
    const lr = o.lr * (1 - e / o.epochs);
    for (const di of shuffled(docs.length, rand)) {
      const d = docs[di];
      const ws = d.windows;
      const picks = [];
      for (let i = 0; i < ws.length; i += 2) {
        const lo = fs_(d.f, ws[i]),
          hi = d.f.featEnd[ws[i + 1] - 1];
        if (hi > lo) picks.push([lo, hi, fwd(d, lo, hi)]);
      }
      let use = picks;
      if (d.y === 1 && picks.length) use = [picks.reduce((x, y) => (y[2] > x[2] ? y : x))];
      for (const [lo, hi] of use) {
        const z = fwd(d, lo, hi);
        const p = 1 / (1 + Math.exp(-z));
        const g = p - d.y;
        gh.fill(0);
        for (let i = 0; i < H; i++) {
          const ga = g * v[i] * (1 - a[i] * a[i]);
          v[i] -= lr * (g * a[i] + o.l2 * v[i]);
          b1[i] -= lr * ga;
          for (let j = 0; j < D; j++) {
            gh[j] += ga * W[i * D + j];
            W[i * D + j] -= lr * (ga * h[j] + o.l2 * W[i * D + j]);
          }
        }
        c -= lr * g;
        const s = 1 / Math.sqrt(hi - lo);
        for (let k = lo; k < hi; k++) {
          const base = d.f.feats[k] * D;
          for (let j = 0; j < D; j++) E[base + j] -= lr * gh[j] * s;
        }
      }
    }
  }
  return (d) => {
    let best = -Infinity;
    const ws = d.windows;
    for (let i = 0; i < ws.length; i += 2) {
      const lo = fs_(d.f, ws[i]),
        hi = d.f.featEnd[ws[i + 1] - 1];
      if (hi > lo) best = Math.max(best, fwd(d, lo, hi));
    }
    return best;
  };
}
const o = { epochs: 8, lr: 0.1, l2: 1e-6, ...JSON.parse(process.argv[2] ?? '{}') };
const res = [];
const splits = [
  ['val', (r) => fnv(r.text) % 5 === 0],
  ['W1', (r) => r.writer === 'W1'],
  ['W2', (r) => r.writer === 'W2'],
];
for (const [name, isTest] of splits) {
  const t0 = Date.now();
  const score = train(feat(data.rows.filter((r) => !isTest(r))), o);
  const va = feat(data.rows.filter(isTest));
  const z = va.map(score);
  const y = va.map((x) => x.y);
  res.push(
    `${name}: auc ${auc(z, y).toFixed(3)} r@1 ${recallAtFpr(z, y, 0.01).recall.toFixed(3)} r@5 ${recallAtFpr(z, y, 0.05).recall.toFixed(3)} (${Date.now() - t0} ms)`,
  );
}
console.log(JSON.stringify(o), `D${D} H${H}`, res.join(' | '));
