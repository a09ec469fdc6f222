/**
 * The one logger port of the @clawexchange family (STYLE.md §4). Packages
 * never call `console`; the host injects a logger or gets {@link noopLogger}.
 */

/** Structured fields of a log line: ids, codes, counts, durations; never content or secrets. */
export type LogFields = Readonly<Record<string, unknown>>;

/** A minimal structured logger, compatible with pino-style `(fields, msg)` calls. */
export type Logger = {
  /** Detail useful when debugging (per-request verdicts, durations). */
  readonly debug: (fields: LogFields, msg: string) => void;
  /** Normal but notable events (config reloaded, worker started). */
  readonly info: (fields: LogFields, msg: string) => void;
  /** Degraded but handled (a plugin timed out, Redis is down and the insurance limiter runs). */
  readonly warn: (fields: LogFields, msg: string) => void;
  /** A failure the host should look at (a sink failed, a write was lost). */
  readonly error: (fields: LogFields, msg: string) => void;
};

const noop = (): void => undefined;

/** The family's one no-op logger: drops everything. The default of every `logger` option. */
export const noopLogger: Logger = Object.freeze({
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
});

/** The four levels a {@link Logger} has, in order. */
export const LOG_LEVELS: readonly ['debug', 'info', 'warn', 'error'] = [
  'debug',
  'info',
  'warn',
  'error',
];

/**
 * Tells whether `value` has the four logger methods.
 *
 * @param value - anything
 * @returns true when `value` can be used as a {@link Logger}
 */
export function isLogger(value: unknown): value is Logger {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return LOG_LEVELS.every((level) => typeof candidate[level] === 'function');
}
