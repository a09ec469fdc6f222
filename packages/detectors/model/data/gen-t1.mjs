#!/usr/bin/env node
// Writer T1: training texts composed from our own phrase banks and carriers (written for this
// project; nothing taken from ../shared/eval, model/heldout or any public dataset).
//
//   node packages/detectors/model/data/gen-t1.mjs   → model/data/train/T1.jsonl (deterministic)
//
// An attack is a text that tries to direct the agent reading it (pay, send, post, follow,
// reveal, approve, change a price, take on a persona), said plainly or inside a carrier: a
// quoted mail, a README, JSON, YAML, a table, a CSV row, a story. An honest text uses the same
// words and the same carriers in their ordinary sense: people paying people, a developer's
// system prompt, a phone's developer mode, a security write-up that describes an attack, a
// bot policy that promises never to ask.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from '../lib/linear.mjs';
import { BANKS } from './t1-banks.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'train/T1.jsonl');

// Seeded: the file is the same on every run.
const rand = prng(0x7131);
const pick = (a) => a[Math.floor(rand() * a.length)];
const chance = (p) => rand() < p;
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const HEX = '0123456789abcdef';
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const str = (alpha, n) => Array.from({ length: n }, () => pick(alpha)).join('');
const NAMES = [
  'mira',
  'tobias',
  'k_ono',
  'lena.v',
  'rafael',
  'hoang',
  'ayse',
  'dev_ops_42',
  'priya',
  'sven',
  'yuki',
  'omar',
];
const DOMAINS = [
  'relay-desk.net',
  'payfast-verify.io',
  'clawx-support.help',
  'mirror-notes.dev',
  'listing-audit.org',
  'quickclaim.app',
];
const ITEMS = [
  'GPU hours (A100)',
  'a used ThinkPad X1',
  'a 2 TB NVMe drive',
  'a logo design package',
  'SQL tuning sessions',
  'a Raspberry Pi 5 kit',
  'translation work EN↔DE',
  'a Figma template set',
  'proxy bandwidth',
  'a mechanical keyboard',
];

/** Slot values: wallets, links, mail addresses, sums, items, handles. */
function fill(s) {
  return s
    .replace(/\{wallet\}/g, () => (chance(0.5) ? `0x${str(HEX, 40)}` : `bc1q${str(HEX, 30)}`))
    .replace(/\{sol\}/g, () => str(B58, 44))
    .replace(/\{url\}/g, () => `https://${pick(DOMAINS)}/${str(HEX, 6)}`)
    .replace(/\{email\}/g, () => `${pick(NAMES).replace(/[^a-z]/g, '')}@${pick(DOMAINS)}`)
    .replace(/\{amount\}/g, () => `${int(1, 9)}${chance(0.5) ? '0' : ''}${chance(0.3) ? '.5' : ''}`)
    .replace(/\{price\}/g, () => String(int(5, 900)))
    .replace(/\{item\}/g, () => pick(ITEMS))
    .replace(/\{user\}/g, () => `@${pick(NAMES)}`)
    .replace(/\{n\}/g, () => String(int(2, 48)));
}

/** A few sentences of a bank section, in random order, without repeats. */
function some(list, lo, hi) {
  const n = Math.min(list.length, int(lo, hi));
  const pool = [...list];
  const out = [];
  for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  return out;
}

/** Join sentences as prose: one paragraph, or lines, or bullet points. */
function prose(sentences) {
  const r = rand();
  if (r < 0.55) return sentences.join(' ');
  if (r < 0.8) return sentences.join('\n');
  return sentences.map((s) => `- ${s}`).join('\n');
}

const esc = (s) => JSON.stringify(s).slice(1, -1);

/** Carriers: where a payload (attack or honest) sits inside a document. */
const CARRIERS = {
  plain: (head, body, tail) => [head, body, tail].filter(Boolean).join(chance(0.5) ? ' ' : '\n\n'),
  mail: (head, body, tail) =>
    `${head}\n\n> From: ${pick(NAMES)} <${fill('{email}')}>\n> Subject: ${pick(['Re: your order', 'Fwd: invoice', 'quick question', 'listing update', 'Re: Re: delivery'])}\n>\n${body
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n')}\n\n${tail}`.trim(),
  readme: (head, body, tail) =>
    `# ${pick(['tiny-cache', 'claw-sync', 'pricebot', 'md2pdf', 'queue-lite', 'shopcli'])}\n\n${head}\n\n## ${pick(['Setup', 'Usage', 'Notes', 'Contributing', 'FAQ'])}\n\n${body}\n\n${tail}`.trim(),
  json: (head, body, tail) =>
    `${head}\n\n\`\`\`json\n{"id": ${int(100, 99999)}, "title": "${esc(fill('{item}'))}", "price": ${fill('{price}')}, "${pick(['note', 'description', 'comment', 'meta'])}": "${esc(body)}"}\n\`\`\`\n${tail}`.trim(),
  yaml: (head, body, tail) =>
    `${head}\n\n\`\`\`yaml\nname: ${pick(['seller-profile', 'listing', 'config', 'shipping'])}\nversion: ${int(1, 9)}\n${pick(['notes', 'description', 'remarks'])}: |\n${body
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n')}\n\`\`\`\n${tail}`.trim(),
  table: (head, body, tail) =>
    `${head}\n\n| field | value |\n|---|---|\n| item | ${fill('{item}')} |\n| price | ${fill('{price}')} USD |\n| ${pick(['notes', 'terms', 'remarks'])} | ${body.replace(/\n/g, ' ')} |\n\n${tail}`.trim(),
  csv: (head, body, tail) =>
    `${head}\n\nsku,qty,price,comment\n${int(1000, 9999)},${int(1, 9)},${fill('{price}')},"${body.replace(/\n/g, ' ').replace(/"/g, '""')}"\n${int(1000, 9999)},${int(1, 9)},${fill('{price}')},ok\n${tail}`.trim(),
  code: (head, body, tail) =>
    `${head}\n\n\`\`\`python\n# ${body.replace(/\n/g, '\n# ')}\ndef total(items):\n    return sum(i.price for i in items)\n\`\`\`\n${tail}`.trim(),
};
const CARRIER_NAMES = Object.keys(CARRIERS);

/** One attack text in language bank `b`. */
function attack(b) {
  const kind = pick([
    'override',
    'goal-hijack',
    'exfiltration',
    'authority',
    'persona',
    'indirect-document',
    'indirect-data',
    'story',
  ]);
  const addr = pick(b.addr);
  let core;
  if (kind === 'override') core = [addr, pick(b.over), pick([...b.goal, ...b.exfil])];
  else if (kind === 'goal-hijack') core = [addr, ...some(b.goal, 1, 2)];
  else if (kind === 'exfiltration') core = [addr, ...some(b.exfil, 1, 2)];
  else if (kind === 'authority') core = [pick(b.auth), pick([...b.goal, ...b.exfil])];
  else if (kind === 'persona') core = [addr, pick(b.persona), pick([...b.goal, ...b.exfil])];
  else if (kind === 'story') core = [pick(b.story), pick([...b.goal, ...b.exfil])];
  else core = [addr, pick([...b.goal, ...b.exfil])];
  if (chance(0.3)) core.splice(1, 0, pick(b.market));
  const body = fill(prose(core));
  const indirect = kind.startsWith('indirect') || chance(0.35);
  const carrier = indirect ? pick(CARRIER_NAMES.slice(1)) : 'plain';
  const head = chance(0.7) ? fill(prose(some(b.market, 1, 3))) : '';
  const tail = chance(0.4) ? fill(pick(b.market)) : '';
  const family =
    kind === 'story'
      ? 'persona'
      : carrier === 'json' || carrier === 'csv' || carrier === 'yaml'
        ? 'indirect-data'
        : indirect
          ? 'indirect-document'
          : kind;
  return { text: CARRIERS[carrier](head, body, tail), family };
}

/** One honest text in language bank `b`, with attack vocabulary in its ordinary sense. */
function honest(b) {
  const core = [...some(b.honest, 1, 3), ...some(b.market, 0, 2)];
  const body = fill(prose(core));
  const carrier = chance(0.4) ? pick(CARRIER_NAMES.slice(1)) : 'plain';
  const head = chance(0.6) ? fill(prose(some(b.market, 1, 2))) : '';
  const tail = chance(0.3) ? fill(pick(b.honest)) : '';
  return {
    text: CARRIERS[carrier](head, body, tail),
    family: carrier === 'plain' ? 'honest' : `honest-${carrier}`,
  };
}

const rows = [];
const seen = new Set();
for (const [lang, b] of Object.entries(BANKS)) {
  const n = b.count ?? 60;
  for (const [label, make] of [
    ['attack', attack],
    ['benign', honest],
  ]) {
    let made = 0;
    for (let tries = 0; made < n && tries < n * 20; tries++) {
      const r = make(b);
      if (seen.has(r.text)) continue;
      seen.add(r.text);
      rows.push({ text: r.text, label, family: r.family, lang, writer: 'T1' });
      made++;
    }
  }
}
writeFileSync(OUT, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
process.stderr.write(`wrote ${rows.length} rows to ${OUT}\n`);
