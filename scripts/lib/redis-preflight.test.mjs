import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ensureRedis, installInstruction, osIdsFrom, planRedis } from './redis-preflight.mjs';

const debianRoot = {
  redisUrl: undefined,
  hasRedisServer: false,
  platform: 'linux',
  osIds: ['debian'],
  hasAptGet: true,
  isRoot: true,
  hasPasswordlessSudo: false,
};

describe('planRedis', () => {
  it('needs nothing when REDIS_URL is set or redis-server is on PATH', () => {
    expect(planRedis({ ...debianRoot, redisUrl: 'redis://127.0.0.1:6379' })).toEqual({
      kind: 'ready',
      why: 'REDIS_URL is set',
    });
    expect(planRedis({ ...debianRoot, hasRedisServer: true, isRoot: false })).toEqual({
      kind: 'ready',
      why: 'redis-server is on PATH',
    });
  });

  /** regression: issue 11 */
  it('installs with apt-get as root on Debian, saying so', () => {
    const plan = planRedis(debianRoot);
    expect(plan).toMatchObject({ kind: 'install', sudo: false });
    expect(plan.commands).toEqual([
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'redis-server'],
    ]);
    expect(plan.say).toMatch(/installing it \(as root\): apt-get update -qq && apt-get install/);
  });

  it('installs through `sudo -n` for a user with passwordless sudo on Ubuntu', () => {
    const plan = planRedis({
      ...debianRoot,
      osIds: ['ubuntu', 'debian'],
      isRoot: false,
      hasPasswordlessSudo: true,
    });
    expect(plan).toMatchObject({ kind: 'install', sudo: true });
    expect(plan.commands.every((c) => c[0] === 'sudo' && c[1] === '-n')).toBe(true);
    expect(plan.say).toMatch(/with passwordless sudo/);
  });

  /** regression: issue 11 */
  it('stops with one line everywhere else', () => {
    const cases = [
      { ...debianRoot, isRoot: false },
      { ...debianRoot, hasAptGet: false },
      { ...debianRoot, osIds: ['fedora'] },
      { ...debianRoot, platform: 'darwin', osIds: [] },
    ];
    for (const facts of cases) {
      const plan = planRedis(facts);
      expect(plan.kind).toBe('stop');
      expect(plan.message).not.toContain('\n');
      expect(plan.message).toMatch(/^redis-server is not on PATH and REDIS_URL is not set: /);
    }
    expect(planRedis(cases[0]).message).toContain('`sudo apt-get update && sudo apt-get install');
    expect(planRedis(cases[3]).message).toContain('`brew install redis`');
  });

  it('installs only on Debian-like Linux with apt-get and root or passwordless sudo', () => {
    fc.assert(
      fc.property(
        fc.record({
          redisUrl: fc.constantFrom(undefined, '', 'redis://h:1'),
          hasRedisServer: fc.boolean(),
          platform: fc.constantFrom('linux', 'darwin', 'win32'),
          osIds: fc.subarray(['debian', 'ubuntu', 'fedora', 'alpine']),
          hasAptGet: fc.boolean(),
          isRoot: fc.boolean(),
          hasPasswordlessSudo: fc.boolean(),
        }),
        (facts) => {
          const plan = planRedis(facts);
          const ready = (facts.redisUrl ?? '') !== '' || facts.hasRedisServer;
          const canInstall =
            facts.platform === 'linux' &&
            facts.hasAptGet &&
            facts.osIds.some((id) => id === 'debian' || id === 'ubuntu') &&
            (facts.isRoot || facts.hasPasswordlessSudo);
          expect(plan.kind).toBe(ready ? 'ready' : canInstall ? 'install' : 'stop');
        },
      ),
    );
  });
});

describe('ensureRedis', () => {
  it('runs the plan’s commands in order, logs what it does, and checks the result', () => {
    const ran = [];
    const logged = [];
    const result = ensureRedis({
      facts: debianRoot,
      log: (line) => logged.push(line),
      run: (cmd, args) => {
        ran.push([cmd, ...args]);
        return { status: 0 };
      },
      recheck: () => true,
    });
    expect(result).toEqual({ ok: true, installed: true });
    expect(ran).toEqual(planRedis(debianRoot).commands);
    expect(logged[0]).toMatch(/^\[run-tests\] redis-server is not on PATH .*installing it/);
    expect(logged.at(-1)).toBe('[run-tests] redis-server installed.');
  });

  it('stops at the first failing command with the instruction', () => {
    const ran = [];
    const result = ensureRedis({
      facts: debianRoot,
      log: () => undefined,
      run: (cmd, args) => {
        ran.push([cmd, ...args]);
        return { status: 100 };
      },
      recheck: () => true,
    });
    expect(ran).toHaveLength(1);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^`apt-get update -qq` failed \(status 100\); redis-server is/);
  });

  it('refuses when the installed server is still not found', () => {
    const result = ensureRedis({
      facts: debianRoot,
      log: () => undefined,
      run: () => ({ status: 0 }),
      recheck: () => false,
    });
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toMatch(/installed but is still not on PATH/);
  });

  /** regression: issue 11 */
  it('runs nothing and returns the one-line instruction when it may not install', () => {
    const facts = { ...debianRoot, isRoot: false };
    const result = ensureRedis({
      facts,
      log: () => expect.unreachable('nothing to say before refusing'),
      run: () => expect.unreachable('must not run anything'),
    });
    expect(result).toEqual({ ok: false, message: installInstruction(facts) });
  });
});

describe('osIdsFrom', () => {
  it('reads ID and ID_LIKE, quoted or not', () => {
    expect(osIdsFrom('NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n')).toEqual(['ubuntu', 'debian']);
    expect(osIdsFrom('ID="rocky"\nID_LIKE="rhel centos fedora"\n')).toEqual([
      'rocky',
      'rhel',
      'centos',
      'fedora',
    ]);
    expect(osIdsFrom('')).toEqual([]);
  });
});
