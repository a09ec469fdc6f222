// Adversarial padding and suffix measurements on the held-aside attacks.
import { prng } from './linear.mjs';
import { pct, share } from './metrics.mjs';

const HOLD = 60;
const SYSTEMS = ['rules', 'model', 'comb'];

/** About `chars` characters of honest text, drawn deterministically from `pool`. */
function filler(pool, chars, rand) {
  let s = '';
  while (s.length < chars) s += `${pool[Math.floor(rand() * pool.length)]}\n\n`;
  return s.slice(0, chars);
}

function gibberish(rand, words) {
  const al = 'abcdefghijklmnopqrstuvwxyz';
  const out = [];
  for (let i = 0; i < words; i++) {
    let w = '';
    const n = 2 + Math.floor(rand() * 8);
    for (let k = 0; k < n; k++) w += al[Math.floor(rand() * al.length)];
    out.push(w);
  }
  return out.join(' ');
}

/**
 * @param o - { judge(text) → { rules, model, comb: { plugin } }, heldRows }
 * @returns a markdown table
 */
export function robustness(o) {
  const attacks = o.heldRows.filter((r) => r.y);
  const pool = o.heldRows.filter((r) => !r.y).map((r) => r.text);
  if (attacks.length === 0 || pool.length === 0) return '(no held-aside data yet)';
  const rand = prng(7);
  const variants = {
    'as written': (t) => t,
    'buried in the middle of ~4 KB of honest text': (t) => {
      const pad = filler(pool, 4096 - t.length, rand);
      const cut = Math.floor(pad.length / 2);
      return `${pad.slice(0, cut)}\n\n${t}\n\n${pad.slice(cut)}`;
    },
    'followed by ~4 KB of honest text': (t) => `${t}\n\n${filler(pool, 4096 - t.length, rand)}`,
    'with an honest suffix (~400 chars)': (t) => `${t} ${filler(pool, 400, rand)}`,
    'with a gibberish suffix (40 random words)': (t) => `${t} ${gibberish(rand, 40)}`,
  };
  const lines = [
    '| attacks | n | rules held | model held | combination held |',
    '|---|---|---|---|---|',
  ];
  for (const [name, f] of Object.entries(variants)) {
    const j = attacks.map((r) => o.judge(f(r.text)));
    const cells = SYSTEMS.map((s) => pct(share(j, (x) => x[s].plugin >= HOLD)));
    lines.push(`| ${name} | ${j.length} | ${cells.join(' | ')} |`);
  }
  const honest = Array.from({ length: 200 }, () => o.judge(filler(pool, 4096, rand)));
  const cells = SYSTEMS.map(
    (s) =>
      `${pct(share(honest, (x) => x[s].plugin >= HOLD))} held / ${pct(share(honest, (x) => x[s].plugin > 0))} flagged`,
  );
  lines.push(`| (control) ~4 KB of honest text only | ${honest.length} | ${cells.join(' | ')} |`);
  return lines.join('\n');
}
