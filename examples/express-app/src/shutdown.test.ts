import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { isServerStopping, type StoppableProcess, stopOnSignal } from './shutdown.js';

function fakeProcess(): StoppableProcess & EventEmitter & { codes: number[] } {
  const proc = new EventEmitter() as EventEmitter & StoppableProcess & { codes: number[] };
  proc.codes = [];
  proc.exit = (code: number) => {
    proc.codes.push(code);
  };
  return proc;
}

const adminShutdown = Object.assign(
  new Error('terminating connection due to administrator command'),
  {
    code: '57P01',
  },
);
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('stopOnSignal', () => {
  it('stops once on the first signal and exits 0', async () => {
    const proc = fakeProcess();
    let stops = 0;
    stopOnSignal(
      async () => void stops++,
      () => {},
      proc,
    );
    proc.emit('SIGINT');
    proc.emit('SIGTERM');
    await settle();
    expect(stops).toBe(1);
    expect(proc.codes).toEqual([0]);
  });

  it('ignores the server telling a connection it stops, while stopping', async () => {
    const proc = fakeProcess();
    const lines: string[] = [];
    stopOnSignal(
      () => new Promise(() => {}),
      (l) => lines.push(l),
      proc,
    );
    proc.emit('SIGINT');
    proc.emit('uncaughtException', adminShutdown);
    await settle();
    expect(proc.codes).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('reports any other uncaught error while stopping and exits 1', async () => {
    const proc = fakeProcess();
    const lines: string[] = [];
    stopOnSignal(
      () => new Promise(() => {}),
      (l) => lines.push(l),
      proc,
    );
    proc.emit('SIGINT');
    proc.emit('uncaughtException', new TypeError('a bug'));
    expect(proc.codes).toEqual([1]);
    expect(lines[0]).toMatch(/demo failed while stopping: TypeError: a bug/);
  });

  it('exits 1 when stopping fails for another reason, 0 when the server was stopping', async () => {
    const failing = fakeProcess();
    const lines: string[] = [];
    stopOnSignal(
      () => Promise.reject(new Error('bucket gone')),
      (l) => lines.push(l),
      failing,
    );
    failing.emit('SIGTERM');
    await settle();
    expect(failing.codes).toEqual([1]);
    expect(lines[0]).toContain('bucket gone');

    const racing = fakeProcess();
    const wrapped = Object.assign(new Error('ConnectionError'), { parent: adminShutdown });
    stopOnSignal(
      () => Promise.reject(wrapped),
      () => {},
      racing,
    );
    racing.emit('SIGINT');
    await settle();
    expect(racing.codes).toEqual([0]);
  });
});

describe('isServerStopping', () => {
  it('finds the SQLSTATE through wrapping errors, and nothing else', () => {
    expect(isServerStopping({ original: { cause: { code: '57P03' } } })).toBe(true);
    expect(isServerStopping({ code: '23505' })).toBe(false);
    expect(isServerStopping(null)).toBe(false);
    expect(isServerStopping('57P01')).toBe(false);
  });
});
