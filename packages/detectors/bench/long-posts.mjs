// Long posts built from our own training writers' texts (model/data/train, never the
// evaluation corpora): how often the injection rules, and the rules with the learned stage,
// flag or hold ~4 KB of honest posts pasted together, and hold an attack buried in them.
//   node bench/long-posts.mjs [--texts N]       (run after the build; default N = 400)
// Held = `scoreFindings` >= 60 (QUARANTINE with the default tiers); flagged = any finding.
// Deterministic: fixed seeds; a text is cut at 4,096 characters as a post's size limit would.
// The attacks are training texts: the learned stage has seen them, so its column is in-sample
// (model/REPORT.md reports the held-aside figures).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan, scoreFindings } from '../dist/index.js';
import { loadDir } from '../model/lib/data.mjs';
import { prng } from '../model/lib/linear.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const N = argv.includes('--texts') ? Number(argv[argv.indexOf('--texts') + 1]) : 400;
const CHARS = 4096;
const HOLD = 60;

const { rows } = loadDir(path.join(HERE, '../model/data/train'));
const honest = rows.filter((r) => !r.y).map((r) => r.text);
const attacks = rows.filter((r) => r.y).map((r) => r.text);

function padding(rand, chars) {
  let s = '';
  while (s.length < chars) s += `${honest[Math.floor(rand() * honest.length)]}\n\n`;
  return s.slice(0, chars);
}

function judge(text) {
  const out = {};
  for (const [name, enabled] of [
    ['rules', false],
    ['combination', true],
  ]) {
    const score = scoreFindings(
      scan(text, { categories: ['injection'], semantic: { enabled } }),
    ).score;
    out[name] = { flagged: score > 0, held: score >= HOLD };
  }
  return out;
}

const pct = (k) => `${((100 * k) / N).toFixed(1)}% (${k})`;
const count = (js, sys, key) => js.filter((j) => j[sys][key]).length;

const honestRand = prng(11);
const honestTexts = Array.from({ length: N }, () => judge(padding(honestRand, CHARS)));
const attackRand = prng(5);
const buried = Array.from({ length: N }, () => {
  const a = attacks[Math.floor(attackRand() * attacks.length)];
  const pad = padding(attackRand, Math.max(0, CHARS - a.length));
  const cut = Math.floor(pad.length / 2);
  return judge(`${pad.slice(0, cut)}\n\n${a}\n\n${pad.slice(cut)}`);
});

console.log(
  `${N} texts of ~${CHARS} characters from ${honest.length} honest and ${attacks.length} attack training texts`,
);
console.log('| | rules alone | rules + learned stage |');
console.log('|---|---|---|');
for (const [label, js, key] of [
  ['honest posts pasted together, flagged', honestTexts, 'flagged'],
  ['honest posts pasted together, held', honestTexts, 'held'],
  ['an attack buried mid-way in them, held', buried, 'held'],
])
  console.log(
    `| ${label} | ${pct(count(js, 'rules', key))} | ${pct(count(js, 'combination', key))} |`,
  );
