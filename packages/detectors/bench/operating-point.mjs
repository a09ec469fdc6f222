// Recall at a fixed false-positive rate, from the CLI's confidences (run after the build).
//   node bench/operating-point.mjs [--data a.jsonl,b.jsonl] [-- CMD ARGS...]
// Default data: ../shared/eval/injection/../injection-dev.jsonl beside the repository (read at
// bench time, never shipped); default command: node dist/cli.js --categories injection.
// Each case's score is its strongest injection finding's confidence (0 when none). Prints
// recall at FPR <= 0.5%, 1%, 2%, 5% (the threshold chosen on the same data: an upper bound of
// what a fixed threshold would give), and the default operating point: flagged (any finding)
// and held (a `high` or `critical` finding, which the plugin's default tiers quarantine).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const dd = argv.indexOf('--');
const opts = dd < 0 ? argv : argv.slice(0, dd);
const cmd =
  dd < 0
    ? ['node', path.join(HERE, '../dist/cli.js'), '--categories', 'injection']
    : argv.slice(dd + 1);
const di = opts.indexOf('--data');
const files =
  di < 0
    ? [path.resolve(HERE, '../../../../shared/eval/injection-dev.jsonl')]
    : opts[di + 1].split(',');

const cases = files.flatMap((f) =>
  fs
    .readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const c = JSON.parse(l);
      return {
        id: String(c.id ?? `${path.basename(f)}:${i}`),
        text: String(c.text),
        label: c.label === 1 || c.label === 'attack' || c.label === 'injection' ? 1 : 0,
      };
    }),
);
const input = `${cases.map((c) => JSON.stringify({ id: c.id, text: c.text })).join('\n')}\n`;
const run = spawnSync(cmd[0], cmd.slice(1), { input, maxBuffer: 1 << 30 });
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  process.exit(1);
}
const score = new Map();
const held = new Set();
for (const line of run.stdout.toString('utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  const inj = (r.findings ?? []).filter((f) => f.category === 'injection');
  score.set(
    r.id,
    inj.reduce((m, f) => Math.max(m, Number(f.confidence ?? 1)), 0),
  );
  if (inj.some((f) => f.severity === 'high' || f.severity === 'critical')) held.add(r.id);
}
const pos = cases.filter((c) => c.label === 1).map((c) => score.get(c.id) ?? 0);
const neg = cases.filter((c) => c.label === 0).map((c) => score.get(c.id) ?? 0);
const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log(
  `${files.map((f) => path.basename(f)).join(', ')}: ${pos.length} attacks, ${neg.length} honest`,
);
if (pos.length > 0 && neg.length > 0) {
  const thresholds = [...new Set([...pos, ...neg].filter((s) => s > 0))].sort((a, b) => a - b);
  for (const maxFpr of [0.005, 0.01, 0.02, 0.05]) {
    let best = { t: Number.POSITIVE_INFINITY, recall: 0, fpr: 0 };
    for (const t of thresholds) {
      const fpr = neg.filter((s) => s >= t).length / neg.length;
      if (fpr > maxFpr) continue;
      best = { t, recall: pos.filter((s) => s >= t).length / pos.length, fpr };
      break;
    }
    console.log(
      `  recall at FPR <= ${pct(maxFpr)}: ${pct(best.recall)} (threshold ${best.t}, FPR ${pct(best.fpr)})`,
    );
  }
}
const flaggedPos = pos.filter((s) => s > 0).length;
const flaggedNeg = neg.filter((s) => s > 0).length;
const heldPos = cases.filter((c) => c.label === 1 && held.has(c.id)).length;
const heldNeg = cases.filter((c) => c.label === 0 && held.has(c.id)).length;
if (pos.length > 0)
  console.log(
    `  attacks: flagged ${pct(flaggedPos / pos.length)}, held ${pct(heldPos / pos.length)}`,
  );
if (neg.length > 0)
  console.log(
    `  honest: flagged ${pct(flaggedNeg / neg.length)} (${flaggedNeg}), held ${pct(heldNeg / neg.length)} (${heldNeg})`,
  );
