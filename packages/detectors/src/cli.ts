#!/usr/bin/env node
/**
 * `clawexchange-detect`: reads JSONL cases `{"id","text",...}` on stdin and
 * writes one line per case,
 * `{"id","findings":[{category,type,start,end,confidence,severity}]}`.
 * A case that cannot be parsed or scanned gets `"error"` (a code, never text).
 * Flags: `--categories secret,pii,injection`; `--semantic` turns the learned
 * injection stage on (`semantic: { enabled: true }`).
 */
import { createInterface } from 'node:readline';
import { isDetectorError } from './errors.js';
import { createDetector } from './scan.js';
import type { Category } from './types.js';

function parseCategories(argv: readonly string[]): Category[] | undefined {
  const i = argv.indexOf('--categories');
  if (i < 0) return undefined;
  return (argv[i + 1] ?? '').split(',').filter(Boolean) as Category[];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const categories = parseCategories(argv);
  const detector = createDetector({
    ...(categories ? { categories } : {}),
    ...(argv.includes('--semantic') ? { semantic: { enabled: true } } : {}),
  });
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const out: string[] = [];
  const flush = (): void => {
    if (out.length) process.stdout.write(`${out.join('\n')}\n`);
    out.length = 0;
  };
  for await (const line of rl) {
    if (!line.trim()) continue;
    let id: unknown = null;
    try {
      const c = JSON.parse(line) as { id?: unknown; text?: unknown };
      id = c.id ?? null;
      const findings = detector.scan(typeof c.text === 'string' ? c.text : '');
      out.push(
        JSON.stringify({
          id,
          findings: findings.map((f) => ({
            category: f.category,
            type: f.type,
            start: f.start,
            end: f.end,
            confidence: f.confidence,
            severity: f.severity,
          })),
        }),
      );
    } catch (e) {
      out.push(
        JSON.stringify({ id, findings: [], error: isDetectorError(e) ? e.code : 'PARSE_ERROR' }),
      );
    }
    if (out.length >= 256) flush();
  }
  flush();
}

void main();
