import type { CounterLike, MeterLike, RateLimiterLogger } from '../../src/index.js';

/** A log line as the limiter wrote it. */
export type LogLine = { level: string; fields: Record<string, unknown>; msg: string };

/** A logger that keeps every line for assertions. */
export function recordingLogger(): { logger: RateLimiterLogger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: string) =>
    (fields: Readonly<Record<string, unknown>>, msg: string): void => {
      lines.push({ level, fields: { ...fields }, msg });
    };
  return {
    lines,
    logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
  };
}

/** A meter that keeps every counter increment. */
export function recordingMeter(): {
  meter: MeterLike;
  adds: { name: string; value: number; attributes: Record<string, unknown> }[];
} {
  const adds: { name: string; value: number; attributes: Record<string, unknown> }[] = [];
  return {
    adds,
    meter: {
      createCounter(name: string): CounterLike {
        return {
          add(value, attributes = {}) {
            adds.push({ name, value, attributes: { ...attributes } });
          },
        };
      },
    },
  };
}

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
