/**
 * Starts several services together for the global setup. When one cannot
 * start, the ones that did are stopped again (a `redis-server` child would
 * otherwise outlive the run, and temporary directories would stay behind),
 * and every failure is reported at once, so a newcomer learns in one run
 * everything there is to install.
 */

/** Anything the harness starts: it can be stopped. */
export type Stoppable = { stop(): Promise<void> };

/**
 * Runs every starter in parallel and resolves with all services, in order;
 * or stops the started ones and rejects.
 *
 * @param starters - one function per service
 * @returns the started services, in the order of `starters`
 * @throws the one failure as it is; several as an AggregateError whose
 *   message joins theirs
 */
export async function startAll<T extends readonly Stoppable[]>(
  starters: {
    readonly [K in keyof T]: () => Promise<T[K]>;
  },
): Promise<T> {
  const settled = await Promise.allSettled(starters.map((start) => start()));
  const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (failures.length === 0) {
    return settled.map((s) => (s as PromiseFulfilledResult<Stoppable>).value) as unknown as T;
  }
  await Promise.allSettled(
    settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.stop()] : [])),
  );
  if (failures.length === 1) throw failures[0];
  const messages = failures.map((f) => (f instanceof Error ? f.message : String(f)));
  throw new AggregateError(failures, messages.join('\n'));
}
