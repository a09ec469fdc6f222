#!/usr/bin/env node
// Fails when a publishable package changed without a pending changeset naming it.
//
// "Changed" means: its src/, package.json or README.md differ from the base,
// where the base is CHANGESET_BASE if set, else the last release commit (the
// newest commit that touched a CHANGELOG.md, as `changeset version` does), else
// the repository's first commit. A changeset that names an unknown or private
// package also fails, so a typo cannot pass as a release note.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

function publishablePackages() {
  const dirs = readdirSync(join(root, 'packages'), { withFileTypes: true }).filter((d) =>
    d.isDirectory(),
  );
  const found = new Map();
  for (const dir of dirs) {
    const manifest = JSON.parse(
      readFileSync(join(root, 'packages', dir.name, 'package.json'), 'utf8'),
    );
    if (manifest.private !== true) found.set(manifest.name, `packages/${dir.name}`);
  }
  return found;
}

function namedInChangesets() {
  const dir = join(root, '.changeset');
  const named = new Set();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
    const text = readFileSync(join(dir, file), 'utf8');
    const front = /^---\n([\s\S]*?)\n---/.exec(text);
    if (!front) throw new Error(`.changeset/${file}: no front matter`);
    for (const line of front[1].split('\n').filter((l) => l.trim() !== '')) {
      const entry = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
      if (!entry) throw new Error(`.changeset/${file}: cannot read line "${line}"`);
      named.add(entry[1]);
    }
  }
  return named;
}

function baseRevision() {
  if (process.env.CHANGESET_BASE) return process.env.CHANGESET_BASE;
  const release = git('log', '-1', '--format=%H', '--', ':(glob)**/CHANGELOG.md');
  return release || git('rev-list', '--max-parents=0', 'HEAD').split('\n').pop();
}

const packages = publishablePackages();
const named = namedInChangesets();
const problems = [];
for (const name of named) {
  if (!packages.has(name))
    problems.push(`a changeset names ${name}, which is not a publishable package`);
}
const base = baseRevision();
const changedFiles = git('diff', '--name-only', base, '--', 'packages').split('\n').filter(Boolean);
const untracked = git('ls-files', '--others', '--exclude-standard', '--', 'packages')
  .split('\n')
  .filter(Boolean);
for (const [name, dir] of packages) {
  const touched = [...changedFiles, ...untracked].some((f) =>
    [`${dir}/src/`, `${dir}/package.json`, `${dir}/README.md`].some(
      (p) => f === p || f.startsWith(p),
    ),
  );
  const isNew = git('log', '-1', '--format=%H', base, '--', `${dir}/package.json`) === '';
  if ((touched || isNew) && !named.has(name)) {
    problems.push(
      `${name} changed since ${base.slice(0, 10)} but no changeset names it (run \`pnpm changeset\`)`,
    );
  }
}
if (problems.length > 0) {
  for (const p of problems) console.error(`changeset check: ${p}`);
  process.exit(1);
}
console.log(
  `changeset check: ${packages.size} publishable packages, all changes covered by changesets`,
);
