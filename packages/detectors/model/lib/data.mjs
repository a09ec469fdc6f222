// Reads the model's JSONL data: one {"text","label","family","lang","writer"} object a line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LABELS = new Set(['attack', 'benign']);

/** FNV-1a over UTF-16 units: the split and de-duplication key. */
export function fnv(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Every row of every `*.jsonl` in `dir` (sorted by file name, then line), with
 * rows that are malformed counted and skipped, and exact duplicate texts dropped.
 */
export function loadDir(dir) {
  let files = [];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
  } catch {
    return { rows: [], bad: 0, dupes: 0, files: [] };
  }
  const rows = [];
  const seen = new Set();
  let bad = 0;
  let dupes = 0;
  for (const f of files) {
    const lines = readFileSync(join(dir, f), 'utf8').split('\n');
    for (const line of lines) {
      if (!line.trim()) continue;
      let r;
      try {
        r = JSON.parse(line);
      } catch {
        bad++;
        continue;
      }
      if (!r || typeof r.text !== 'string' || !r.text.trim() || !LABELS.has(r.label)) {
        bad++;
        continue;
      }
      const key = r.text.trim();
      if (seen.has(key)) {
        dupes++;
        continue;
      }
      seen.add(key);
      rows.push({
        text: r.text,
        y: r.label === 'attack' ? 1 : 0,
        family: String(r.family ?? 'unknown'),
        lang: String(r.lang ?? 'unknown'),
        writer: String(r.writer ?? f.replace(/\.jsonl$/, '')),
        file: f,
      });
    }
  }
  return { rows, bad, dupes, files };
}
