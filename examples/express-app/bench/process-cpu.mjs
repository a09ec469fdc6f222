// CPU time of the load bench's processes, read from Linux /proc: how much of the
// machine each part of the pipeline takes per request (the app itself, its PostgreSQL,
// redis-server and s3rver, the load generator). On a machine without /proc nothing is
// measured and the report says so. Pure helpers beside the two that read /proc, tested in
// process-cpu.test.mjs.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * One line of `/proc/<pid>/stat`: its pid, parent pid, command name, CPU ticks (user +
 * system) and start time (ticks after boot, which tells a reused pid from the process that
 * had it). The command name sits between the first `(` and the last `)` and may itself hold
 * spaces and parentheses; undefined for a line that is not a stat line.
 * @param {string} line
 */
export function parseStat(line) {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 1 || close < open) return undefined;
  const pid = Number(line.slice(0, open));
  // After ") ": state, ppid, pgrp, session, tty_nr, tpgid, flags, minflt, cminflt, majflt,
  // cmajflt, utime, stime (fields 3–15 of proc(5)), …, starttime (field 22).
  const fields = line.slice(close + 2).split(' ');
  const ppid = Number(fields[1]);
  const ticks = Number(fields[11]) + Number(fields[12]);
  const started = Number(fields[19]);
  if (
    !Number.isInteger(pid) ||
    !Number.isInteger(ppid) ||
    !Number.isFinite(ticks) ||
    !Number.isFinite(started)
  ) {
    return undefined;
  }
  return { pid, ppid, comm: line.slice(open + 1, close), ticks, started };
}

/**
 * Every process on the machine now, by pid (empty where there is no /proc). A process
 * that exits while it is read is skipped.
 * @param {string} [procDir]
 * @returns {Map<number, { pid: number, ppid: number, comm: string, ticks: number, started: number }>}
 */
export function readProcesses(procDir = '/proc') {
  const processes = new Map();
  let entries;
  try {
    entries = readdirSync(procDir);
  } catch {
    return processes;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    let line;
    try {
      line = readFileSync(`${procDir}/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const p = parseStat(line);
    if (p) processes.set(p.pid, p);
  }
  return processes;
}

/** Clock ticks per second of /proc's CPU counters (`getconf CLK_TCK`; 100 if unknown). */
export function ticksPerSecond() {
  try {
    const hz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return hz > 0 ? hz : 100;
  } catch {
    return 100;
  }
}

/**
 * `root` and every process below it, in either snapshot (a PostgreSQL backend may start or
 * end between them).
 * @param {number} root
 * @param {...Map<number, { ppid: number }>} snapshots
 * @returns {Set<number>}
 */
export function treeOf(root, ...snapshots) {
  const children = new Map();
  for (const snapshot of snapshots) {
    for (const p of snapshot.values()) {
      if (!children.has(p.ppid)) children.set(p.ppid, new Set());
      children.get(p.ppid).add(p.pid);
    }
  }
  const tree = new Set([root]);
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()) ?? []) {
      if (!tree.has(child)) {
        tree.add(child);
        queue.push(child);
      }
    }
  }
  return tree;
}

/** Which part of the bench a process below a server is, by its command name. */
export function partOf(comm) {
  if (comm.startsWith('postgres')) return 'postgres';
  if (comm.startsWith('redis')) return 'redis';
  return 'other';
}

/**
 * Milliseconds of CPU each part used between two snapshots: `app` is the server process
 * itself, the rest its descendants by {@link partOf}. A process absent from `before`, or
 * whose pid another process held then (a different start time), started in between and is
 * counted from zero; one absent from `after` ended in between, and its time is lost (the
 * bench's services live for the whole run).
 * @param {Map<number, { pid: number, ppid: number, comm: string, ticks: number, started: number }>} before
 * @param {Map<number, { pid: number, ppid: number, comm: string, ticks: number, started: number }>} after
 * @param {number} root - the server's pid
 * @param {number} hz - ticks per second
 * @returns {Record<string, number>}
 */
export function cpuOfTree(before, after, root, hz) {
  const parts = { app: 0 };
  for (const pid of treeOf(root, before, after)) {
    const now = after.get(pid);
    if (!now) continue;
    const was = before.get(pid);
    const since = was !== undefined && was.started === now.started ? was.ticks : 0;
    const used = ((now.ticks - since) * 1000) / hz;
    const part = pid === root ? 'app' : partOf(now.comm);
    parts[part] = (parts[part] ?? 0) + used;
  }
  return parts;
}

/**
 * CPU milliseconds per answered request of each part, rounded to the microsecond;
 * `requests` 0 gives zeros.
 * @param {Record<string, number>} cpuMs
 * @param {number} requests
 */
export function perRequest(cpuMs, requests) {
  const out = {};
  for (const [part, ms] of Object.entries(cpuMs)) {
    out[part] = requests > 0 ? Math.round((ms / requests) * 1000) / 1000 : 0;
  }
  return out;
}
