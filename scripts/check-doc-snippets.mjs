#!/usr/bin/env node
/**
 * Type-checks every code block the docs mark as runnable, so documentation
 * cannot drift from the packages' types.
 *
 * A block counts when its fence's info string is `ts runnable` (or
 * `typescript runnable`); `ts runnable file=<name>.ts` also names the
 * block's file so later blocks can import it as `./<name>.js`. Each one is written, as its own module, under
 * examples/express-app/.doc-snippets/ (where every @clawexchange package
 * resolves through the example's workspace dependencies) and checked with
 * `tsc` against the built packages' declarations (`pnpm run build` first).
 * Blocks may use the host objects a deployment already has, declared once in
 * PRELUDE below (`sequelize`, `redis`, `app`, …); everything else, imports
 * included, must be in the block. Exits 1 naming the file and line of every
 * block that does not type-check, and also when no runnable block is found at
 * all (a check of nothing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'examples/express-app/.doc-snippets');
const FENCE = /^```(?:ts|typescript)\s+runnable(?:\s+file=([\w.-]+\.ts))?\s*$/;

/** @returns {string[]} the Markdown files whose runnable blocks are checked */
function markdownFiles() {
  const files = [join(root, 'README.md'), join(root, 'examples/express-app/README.md')];
  for (const dir of ['docs', ...packageDirs()]) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    for (const entry of readdirSync(abs, { withFileTypes: true, recursive: dir === 'docs' })) {
      if (entry.isFile() && entry.name.endsWith('.md')) {
        const path = join(entry.parentPath ?? entry.path, entry.name);
        // The generated API reference is prose from TSDoc; its examples are checked where they live.
        if (!relative(root, path).startsWith('docs/api/')) files.push(path);
      }
    }
  }
  return files.filter((f) => existsSync(f));
}

/** @returns {string[]} each package directory (its README is included) */
function packageDirs() {
  return readdirSync(join(root, 'packages')).map((p) => `packages/${p}`);
}

/**
 * @param {string} file
 * @returns {{ line: number, code: string, file: string | undefined }[]} the runnable blocks of one file
 */
function runnableBlocks(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = FENCE.exec(lines[i] ?? '');
    if (fence === null) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !(lines[end] ?? '').startsWith('```')) end++;
    blocks.push({ line: start + 1, code: lines.slice(start, end).join('\n'), file: fence[1] });
    i = end;
  }
  return blocks;
}

/** The host's own objects, which the docs' blocks take as given. */
const PRELUDE = `import type { Express, Router } from 'express';
import type { Redis } from 'ioredis';
import type { QueryInterface, Sequelize } from 'sequelize';
declare global {
  /** The host's Sequelize instance (PostgreSQL). */
  const sequelize: Sequelize;
  /** Its query interface, as migrations receive it. */
  const qi: QueryInterface;
  /** The host's ioredis client. */
  const redis: Redis;
  /** The host's Express app. */
  const app: Express;
  /** The host's own route handlers behind the gate. */
  const postRouter: Router;
}
export {};
`;

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
/** @type {Map<string, string>} snippet file name -> "source.md:line" */
const origins = new Map();
for (const file of markdownFiles()) {
  runnableBlocks(file).forEach((block, n) => {
    // `file=<name>.ts` names a block so later blocks can import it (`./<name>.js`).
    const name =
      block.file ?? `${relative(root, file).replaceAll(/[^A-Za-z0-9]+/g, '_')}_${n + 1}.ts`;
    if (origins.has(name)) {
      console.error(`doc snippets: two blocks are named ${name}`);
      process.exit(1);
    }
    origins.set(name, `${relative(root, file)}:${block.line}`);
    writeFileSync(join(outDir, name), `${block.code}\nexport {};\n`);
  });
}
writeFileSync(join(outDir, 'prelude.d.ts'), PRELUDE);
if (origins.size === 0) {
  console.error('doc snippets: no ```ts runnable block found — nothing was checked');
  process.exit(1);
}
writeFileSync(
  join(outDir, 'tsconfig.json'),
  JSON.stringify(
    {
      extends: '../../../tsconfig.base.json',
      compilerOptions: {
        noEmit: true,
        declaration: false,
        isolatedDeclarations: false,
        noUnusedLocals: false,
        types: ['node'],
      },
      include: ['*.ts', 'prelude.d.ts'],
    },
    null,
    2,
  ),
);
const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(outDir, 'tsconfig.json')],
  { encoding: 'utf8' },
);
const report = `${tsc.stdout}${tsc.stderr}`.replaceAll(
  /^(\S+?\.ts)\((\d+),(\d+)\)/gm,
  (_m, path, line, col) => {
    const name = path.split('/').at(-1);
    return `${origins.get(name) ?? path} (snippet line ${line}, col ${col})`;
  },
);
if (tsc.status !== 0) {
  console.error(report);
  console.error(`doc snippets: type errors in runnable blocks (${origins.size} checked)`);
  process.exit(1);
}
console.log(`doc snippets: ${origins.size} runnable blocks type-check`);
