/**
 * SQLSTATEs PostgreSQL sends to its sessions when the server itself stops
 * (admin_shutdown, crash_shutdown, cannot_connect_now).
 */
const SERVER_STOPPING_CODES: ReadonlySet<string> = new Set(['57P01', '57P02', '57P03']);

/** The part of `process` the stop handler uses (an EventEmitter in tests). */
export type StoppableProcess = {
  once(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  on(event: 'uncaughtException', listener: (error: unknown) => void): unknown;
  exit(code: number): void;
};

/**
 * Whether `error` is PostgreSQL telling a session that the server is
 * stopping.
 *
 * @param error - anything thrown or emitted
 */
export function isServerStopping(error: unknown): boolean {
  // Sequelize and the packages wrap the driver's error (`parent`, `original`, `cause`).
  for (let e = error as Wrapped | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && SERVER_STOPPING_CODES.has(e.code)) return true;
    e = e.parent ?? e.original ?? e.cause;
  }
  return false;
}

type Wrapped = { code?: unknown; parent?: Wrapped; original?: Wrapped; cause?: Wrapped } | null;

/**
 * Runs `stop` on the first Ctrl-C (SIGINT) or SIGTERM, then exits 0.
 *
 * A terminal's Ctrl-C reaches the embedded PostgreSQL too (and its npm
 * package's exit hook stops it on SIGINT), so the server goes away while
 * `stop` still closes the pool. pg reports that to a connection opened in
 * that moment before Sequelize listens for its errors (the server's
 * "terminating connection" arrives with the connection's first
 * ReadyForQuery), as an uncaught 'error' event that would end the demo with
 * status 1. While stopping, such an error (thrown, or failing `stop`) is
 * expected and ignored; any other is printed and ends the process with
 * status 1, as an uncaught error would without this handler.
 *
 * @param stop - closes the server, the pipeline and the services
 * @param write - where an unexpected error is reported
 * @param proc - the process (a stand-in in tests)
 */
export function stopOnSignal(
  stop: () => Promise<void>,
  write: (line: string) => void,
  proc: StoppableProcess = process,
): void {
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    const failed = (error: unknown): void => {
      write(`demo failed while stopping: ${error instanceof Error ? error.stack : String(error)}`);
      proc.exit(1);
    };
    proc.on('uncaughtException', (error) => {
      if (!isServerStopping(error)) failed(error);
    });
    stop().then(
      () => proc.exit(0),
      (error: unknown) => (isServerStopping(error) ? proc.exit(0) : failed(error)),
    );
  };
  proc.once('SIGINT', shutdown);
  proc.once('SIGTERM', shutdown);
}
