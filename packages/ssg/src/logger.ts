/**
 * The injected logger port (STYLE.md §4). The gate never calls `console`.
 */

/** Structured fields of a log line: ids, codes, counts, durations; never content. */
export type LogFields = Readonly<Record<string, unknown>>;

/** A minimal structured logger, compatible with pino-style `(fields, msg)` calls. */
export type Logger = {
  readonly debug: (fields: LogFields, msg: string) => void;
  readonly info: (fields: LogFields, msg: string) => void;
  readonly warn: (fields: LogFields, msg: string) => void;
  readonly error: (fields: LogFields, msg: string) => void;
};

const noop = (): void => {};

/** A logger that drops everything; the default. */
export const noopLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };
