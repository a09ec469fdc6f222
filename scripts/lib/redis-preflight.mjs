// Makes sure the integration tests will have Redis before vitest starts. No npm package ships
// Redis, so: REDIS_URL set, or `redis-server` on PATH, is enough; otherwise, on Debian or
// Ubuntu as root or with passwordless sudo, `redis-server` is installed with apt-get (saying
// so); anywhere else the run stops with a one-line instruction. `planRedis` is the decision
// as a pure function of the facts; `ensureRedis` gathers them and acts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * @typedef {{
 *   redisUrl: string | undefined,
 *   hasRedisServer: boolean,
 *   platform: string,
 *   osIds: readonly string[],
 *   hasAptGet: boolean,
 *   isRoot: boolean,
 *   hasPasswordlessSudo: boolean,
 * }} RedisFacts
 * @typedef {{kind: 'ready', why: string}
 *   | {kind: 'install', sudo: boolean, commands: string[][], say: string}
 *   | {kind: 'stop', message: string}} RedisPlan
 */

const APT_COMMANDS = [
  ['apt-get', 'update', '-qq'],
  ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'redis-server'],
];

const DEBIAN_LIKE = new Set(['debian', 'ubuntu']);

/**
 * The one-line instruction printed when Redis is missing and cannot be installed here.
 *
 * @param {RedisFacts} facts
 * @returns {string}
 */
export function installInstruction(facts) {
  const how =
    facts.platform === 'darwin'
      ? '`brew install redis`'
      : facts.osIds.some((id) => DEBIAN_LIKE.has(id))
        ? '`sudo apt-get update && sudo apt-get install -y redis-server`'
        : 'your package manager (Debian/Ubuntu: `sudo apt-get install -y redis-server`; macOS: `brew install redis`)';
  return `redis-server is not on PATH and REDIS_URL is not set: install Redis 7+ with ${how}, or set REDIS_URL to a running Redis 7+ server, then run the tests again.`;
}

/**
 * What to do about Redis, given the facts of this machine.
 *
 * @param {RedisFacts} facts
 * @returns {RedisPlan}
 */
export function planRedis(facts) {
  if (facts.redisUrl !== undefined && facts.redisUrl !== '') {
    return { kind: 'ready', why: 'REDIS_URL is set' };
  }
  if (facts.hasRedisServer) return { kind: 'ready', why: 'redis-server is on PATH' };
  const debianLike =
    facts.platform === 'linux' && facts.osIds.some((id) => DEBIAN_LIKE.has(id)) && facts.hasAptGet;
  if (debianLike && (facts.isRoot || facts.hasPasswordlessSudo)) {
    const sudo = !facts.isRoot;
    const commands = APT_COMMANDS.map((c) => (sudo ? ['sudo', '-n', ...c] : [...c]));
    const say = `redis-server is not on PATH and REDIS_URL is not set: installing it (${
      sudo ? 'with passwordless sudo' : 'as root'
    }): ${commands.map((c) => c.join(' ')).join(' && ')}`;
    return { kind: 'install', sudo, commands, say };
  }
  return { kind: 'stop', message: installInstruction(facts) };
}

/**
 * `ID` and `ID_LIKE` of /etc/os-release, lower-case (empty when there is none).
 *
 * @param {string} text - the file's content
 * @returns {string[]}
 */
export function osIdsFrom(text) {
  const ids = [];
  for (const line of text.split('\n')) {
    const m = /^(ID|ID_LIKE)=(.*)$/.exec(line.trim());
    if (m)
      ids.push(
        ...m[2]
          .replace(/^["']|["']$/g, '')
          .toLowerCase()
          .split(/\s+/),
      );
  }
  return ids.filter((id) => id !== '');
}

/** @param {string} cmd @param {string[]} args @returns {boolean} */
function runs(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.error === undefined && r.status === 0;
}

/**
 * The facts of this machine.
 *
 * @param {NodeJS.ProcessEnv} env
 * @returns {RedisFacts}
 */
export function gatherRedisFacts(env = process.env) {
  let osRelease = '';
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8');
  } catch {
    // Not Linux, or a minimal image without it: no apt path then.
  }
  const isRoot = process.getuid?.() === 0;
  const hasAptGet = process.platform === 'linux' && runs('apt-get', ['--version']);
  return {
    redisUrl: env.REDIS_URL,
    hasRedisServer: runs('redis-server', ['--version']),
    platform: process.platform,
    osIds: osIdsFrom(osRelease),
    hasAptGet,
    isRoot,
    hasPasswordlessSudo: !isRoot && hasAptGet && runs('sudo', ['-n', 'true']),
  };
}

/**
 * Follows the plan: nothing, install (saying so), or refuse.
 *
 * @param {{facts?: RedisFacts, log?: (line: string) => void,
 *   run?: (cmd: string, args: string[]) => {status: number | null, error?: Error},
 *   recheck?: () => boolean}} [deps] - injectable for tests
 * @returns {{ok: true, installed: boolean} | {ok: false, message: string}}
 */
export function ensureRedis(deps = {}) {
  const facts = deps.facts ?? gatherRedisFacts();
  const log = deps.log ?? ((line) => process.stderr.write(`${line}\n`));
  const run =
    deps.run ??
    ((cmd, args) =>
      spawnSync(cmd, args, {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      }));
  const plan = planRedis(facts);
  if (plan.kind === 'ready') return { ok: true, installed: false };
  if (plan.kind === 'stop') return { ok: false, message: plan.message };
  log(`[run-tests] ${plan.say}`);
  for (const [cmd, ...args] of plan.commands) {
    const r = run(cmd, args);
    if (r.error !== undefined || r.status !== 0) {
      return {
        ok: false,
        message: `\`${[cmd, ...args].join(' ')}\` failed (${r.error?.message ?? `status ${r.status}`}); ${installInstruction(facts)}`,
      };
    }
  }
  const found = deps.recheck ?? (() => runs('redis-server', ['--version']));
  if (!found()) {
    return {
      ok: false,
      message: `redis-server was installed but is still not on PATH; ${installInstruction(facts)}`,
    };
  }
  log('[run-tests] redis-server installed.');
  return { ok: true, installed: true };
}
