/**
 * The injected logger port (STYLE.md §4). The gate never calls `console`.
 */

/** Structured fields of a log line: ids, codes, counts, durations; never content. */
export type LogFields = Readonly<Record<string, unknown>>;

/** A minimal structured logger, compatible with pino-style `(fields, msg)` calls. */
export type Logger = {
  /** Per-inspection detail (verdict, tier, duration). */
  readonly debug: (fields: LogFields, msg: string) => void;
  /** Not used by the gate today; part of the shared logger shape. */
  readonly info: (fields: LogFields, msg: string) => void;
  /** A plugin failed or timed out; a DRY_RUN request would have been answered. */
  readonly warn: (fields: LogFields, msg: string) => void;
  /** A quarantine or audit sink failed; a DRY_RUN inspection failed. */
  readonly error: (fields: LogFields, msg: string) => void;
};

const noop = (): void => {};

/** A logger that drops everything; the default. */
export const noopLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };
