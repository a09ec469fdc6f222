// Unit tests of the load bench's /proc reader (no timing asserted), in the `unit` project.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, test } from 'vitest';
import { cpuOfTree, parseStat, partOf, perRequest, readProcesses, treeOf } from './process-cpu.mjs';

/** A stat line as proc(5) writes it: utime and stime are fields 14 and 15, starttime 22. */
const stat = (pid, comm, ppid, utime, stime, started = 5) =>
  `${pid} (${comm}) S ${ppid} 1 1 0 -1 4194560 100 0 0 0 ${utime} ${stime} 0 0 20 0 1 0 ${started} 0 0\n`;

const snapshot = (...lines) => new Map(lines.map((l) => [parseStat(l).pid, parseStat(l)]));

const dirs = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

test('parseStat reads pid, parent, command and user + system ticks', () => {
  assert.deepEqual(parseStat(stat(42, 'node', 7, 120, 30)), {
    pid: 42,
    ppid: 7,
    comm: 'node',
    ticks: 150,
    started: 5,
  });
});

test('parseStat takes the command up to the last parenthesis (names may hold ") ")', () => {
  const p = parseStat(stat(9, 'odd) name (x', 1, 5, 6));
  assert.equal(p.comm, 'odd) name (x');
  assert.equal(p.ppid, 1);
  assert.equal(p.ticks, 11);
});

test('parseStat refuses what is not a stat line', () => {
  assert.equal(parseStat(''), undefined);
  assert.equal(parseStat('no parentheses here'), undefined);
  assert.equal(parseStat('(node) S 1'), undefined, 'no pid');
  assert.equal(parseStat('12 (node) S x 1 1'), undefined, 'no parent pid, no ticks');
});

test('treeOf follows children in either snapshot and nothing outside the tree', () => {
  const before = snapshot(stat(10, 'node', 1, 0, 0), stat(11, 'postgres', 10, 0, 0));
  const after = snapshot(
    stat(10, 'node', 1, 0, 0),
    stat(11, 'postgres', 10, 0, 0),
    stat(12, 'postgres', 11, 0, 0),
    stat(20, 'node', 1, 0, 0),
  );
  assert.deepEqual([...treeOf(10, before, after)].sort(), [10, 11, 12]);
  assert.deepEqual([...treeOf(20, before, after)], [20]);
});

test('partOf names the services by command', () => {
  assert.equal(partOf('postgres'), 'postgres');
  assert.equal(partOf('redis-server'), 'redis');
  assert.equal(partOf('sh'), 'other');
});

test('cpuOfTree splits the time used between snapshots into the server and its services', () => {
  const before = snapshot(
    stat(10, 'node', 1, 100, 20),
    stat(11, 'postgres', 10, 50, 0),
    stat(13, 'redis-server', 10, 5, 5),
    stat(99, 'node', 1, 0, 0),
  );
  const after = snapshot(
    stat(10, 'node', 1, 300, 40),
    stat(11, 'postgres', 10, 80, 0),
    stat(12, 'postgres', 11, 10, 10), // a backend that started in between
    stat(13, 'redis-server', 10, 10, 10),
    stat(99, 'node', 1, 500, 0), // another process: not counted
  );
  assert.deepEqual(cpuOfTree(before, after, 10, 100), {
    app: 2200,
    postgres: 500,
    redis: 100,
  });
});

test('cpuOfTree counts a reused pid from zero, not from the ticks of the process that had it', () => {
  const before = snapshot(stat(10, 'node', 1, 100, 0), stat(11, 'sh', 10, 5000, 0, 7));
  const after = snapshot(stat(10, 'node', 1, 150, 0), stat(11, 'postgres', 10, 30, 0, 900));
  assert.deepEqual(cpuOfTree(before, after, 10, 100), { app: 500, postgres: 300 });
});

test('perRequest divides by the answered requests, zeros for none', () => {
  assert.deepEqual(perRequest({ app: 2200, postgres: 500 }, 1000), { app: 2.2, postgres: 0.5 });
  assert.deepEqual(perRequest({ app: 2200 }, 0), { app: 0 });
});

test('readProcesses reads every numeric entry, skips the rest, and is empty without /proc', () => {
  const dir = mkdtempSync(join(tmpdir(), 'proc-'));
  dirs.push(dir);
  for (const [pid, line] of [
    [5, stat(5, 'node', 1, 3, 4)],
    [6, 'garbage'],
  ]) {
    mkdirSync(join(dir, String(pid)));
    writeFileSync(join(dir, String(pid), 'stat'), line);
  }
  mkdirSync(join(dir, 'self'));
  mkdirSync(join(dir, '7')); // exited before its stat was read
  const processes = readProcesses(dir);
  assert.deepEqual([...processes.keys()], [5]);
  assert.equal(processes.get(5).ticks, 7);
  assert.equal(readProcesses(join(dir, 'missing')).size, 0);
});

test.runIf(existsSync('/proc/self/stat'))('readProcesses finds this process on Linux', () => {
  const me = readProcesses().get(process.pid);
  assert.ok(me, 'this process is listed');
  assert.equal(me.ppid, process.ppid);
});
