// Logistic regression over hashed features, trained on each text's windows
// exactly as inference scores them (src/internal/semantic/window.ts):
// a benign text teaches every window down, an attack text its strongest
// window up (multiple-instance learning: the attack may sit anywhere).
// AdaGrad, fixed seed, fixed order: the same data gives the same weights.

/** mulberry32: a small seeded PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the given PRNG. */
export function shuffled(n, rand) {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const featStart = (f, t) => (t === 0 ? 0 : f.featEnd[t - 1]);

function windowLogit(f, a, b, w, bias) {
  const lo = featStart(f, a);
  const hi = f.featEnd[b - 1];
  const n = hi - lo;
  if (n <= 0) return { z: bias, lo, hi, n: 0 };
  let s = 0;
  for (let k = lo; k < hi; k++) s += w[f.feats[k]];
  return { z: bias + s / Math.sqrt(n), lo, hi, n };
}

/**
 * Trains one model.
 * @param docs - [{ f: Featurized, y: 0|1, windows: number[] }]
 * @param o - { bits, epochs, lr, l2, posWeight, seed, subwords }
 * @returns { w: Float64Array, bias }
 */
export function trainLinear(docs, o) {
  const size = 1 << o.bits;
  const w = new Float64Array(size);
  const g2 = new Float64Array(size);
  let bias = 0;
  let gb2 = 1e-8;
  const rand = prng(o.seed);
  for (let e = 0; e < o.epochs; e++) {
    for (const di of shuffled(docs.length, rand)) {
      const d = docs[di];
      const ws = d.windows;
      const picks = [];
      if (d.y === 1) {
        let best;
        for (let i = 0; i < ws.length; i += 2) {
          const r = windowLogit(d.f, ws[i], ws[i + 1], w, bias);
          if (r.n > 0 && (best === undefined || r.z > best.z)) best = r;
        }
        if (best) picks.push(best);
      } else {
        for (let i = 0; i < ws.length; i += 2) {
          const r = windowLogit(d.f, ws[i], ws[i + 1], w, bias);
          if (r.n > 0) picks.push(r);
        }
      }
      const cw = d.y === 1 ? o.posWeight : 1;
      for (const r of picks) {
        const p = 1 / (1 + Math.exp(-r.z));
        const g = cw * (p - d.y);
        const x = 1 / Math.sqrt(r.n);
        for (let k = r.lo; k < r.hi; k++) {
          const fi = d.f.feats[k];
          const gr = g * x + o.l2 * w[fi];
          g2[fi] += gr * gr;
          w[fi] -= (o.lr * gr) / Math.sqrt(g2[fi] + 1e-8);
        }
        gb2 += g * g;
        bias -= (o.lr * g) / Math.sqrt(gb2);
      }
    }
  }
  return { w, bias };
}

/**
 * int8 quantisation: weights clipped at the 99.99th percentile of |w| over the
 * non-zero ones, then rounded to the nearest multiple of clip/127.
 */
export function quantise(w) {
  const abs = [];
  for (const v of w) if (v !== 0) abs.push(Math.abs(v));
  abs.sort((a, b) => a - b);
  const clip = abs.length ? abs[Math.min(abs.length - 1, Math.floor(abs.length * 0.9999))] : 1;
  const scale = clip / 127;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const v = Math.round(w[i] / scale);
    q[i] = Math.max(-127, Math.min(127, v));
  }
  return { q, scale };
}

/**
 * Platt scaling: a, b minimising log loss of σ(a·z + b) with Platt's smoothed
 * targets; Newton's method, fixed 100 steps.
 */
export function fitPlatt(z, y) {
  const np = y.reduce((s, v) => s + v, 0);
  const nn = y.length - np;
  const hi = (np + 1) / (np + 2);
  const lo = 1 / (nn + 2);
  let a = 1;
  let b = 0;
  for (let it = 0; it < 100; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < z.length; i++) {
      const t = y[i] ? hi : lo;
      const p = 1 / (1 + Math.exp(-(a * z[i] + b)));
      const d = p - t;
      const v = p * (1 - p);
      ga += d * z[i];
      gb += d;
      haa += v * z[i] * z[i];
      hab += v * z[i];
      hbb += v;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    a -= (hbb * ga - hab * gb) / det;
    b -= (haa * gb - hab * ga) / det;
  }
  return { a, b };
}
