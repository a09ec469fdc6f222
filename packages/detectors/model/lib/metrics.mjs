// Threshold-free and operating-point metrics.

/** Best recall with false-positive rate ≤ maxFpr (a threshold strictly above the k-th highest benign score). */
export function recallAtFpr(scores, y, maxFpr) {
  const neg = [];
  const pos = [];
  for (let i = 0; i < scores.length; i++) (y[i] ? pos : neg).push(scores[i]);
  neg.sort((a, b) => b - a);
  const k = Math.floor(maxFpr * neg.length);
  const bar = k < neg.length ? neg[k] : Number.NEGATIVE_INFINITY;
  const t = Math.max(bar, 0);
  const hit = pos.filter((s) => s > t).length;
  const fp = neg.filter((s) => s > t).length;
  return {
    recall: pos.length ? hit / pos.length : NaN,
    fpr: neg.length ? fp / neg.length : NaN,
    threshold: t,
  };
}

/** Share of `values` that satisfy `pred`. */
export function share(values, pred) {
  if (values.length === 0) return NaN;
  return values.filter(pred).length / values.length;
}

/** ROC AUC by ranks (ties counted half). */
export function auc(scores, y) {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  let np = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]] === scores[idx[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++)
      if (y[idx[k]]) {
        rankSum += r;
        np++;
      }
    i = j + 1;
  }
  const nn = idx.length - np;
  return np && nn ? (rankSum - (np * (np + 1)) / 2) / (np * nn) : NaN;
}

export const pct = (v) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : 'n/a');
