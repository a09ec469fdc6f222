/**
 * In-memory implementations of the gate's ports, for this package's tests
 * and benchmarks: quarantine and audit sinks (optionally failing), a
 * recording logger and a recording meter. Not exported by the package.
 */
import { keywordPlugin } from '../keyword-plugin.js';
import type { Logger } from '../logger.js';
import type { SSGMeter } from '../metrics.js';
import type {
  AuditEventInput,
  AuditSink,
  DetectionPlugin,
  DetectionResult,
  QuarantineSink,
  QuarantineStoreMetadata,
} from '../types.js';

/** A quarantine sink that keeps records in a Map, or fails on demand. */
export type MemoryQuarantine = QuarantineSink & {
  readonly records: Map<string, { content: string; metadata: QuarantineStoreMetadata }>;
  fail: boolean;
};

/**
 * Creates a memory quarantine sink.
 *
 * @param opts - `fail: true` makes `store` reject
 * @returns the sink
 */
export function memoryQuarantine(opts: { fail?: boolean } = {}): MemoryQuarantine {
  const records = new Map<string, { content: string; metadata: QuarantineStoreMetadata }>();
  const sink: MemoryQuarantine = {
    records,
    fail: opts.fail ?? false,
    async store(content, metadata) {
      if (sink.fail) throw new Error('storage offline');
      const id = `q-${records.size + 1}`;
      records.set(id, { content, metadata });
      return id;
    },
  };
  return sink;
}

/**
 * An audit sink that records each event as the gate handed it over
 * (`events`, unmasked, for the gate's tests) and as it stores it (`stored`:
 * without the client IP, which the port requires masked), or fails on demand.
 */
export type MemoryAudit = AuditSink & {
  readonly events: AuditEventInput[];
  readonly stored: AuditEventInput[];
  fail: boolean;
};

/**
 * Creates a memory audit sink.
 *
 * @param opts - `fail: true` makes `log` reject
 * @returns the sink
 */
export function memoryAudit(opts: { fail?: boolean } = {}): MemoryAudit {
  const events: AuditEventInput[] = [];
  const stored: AuditEventInput[] = [];
  const sink: MemoryAudit = {
    events,
    stored,
    fail: opts.fail ?? false,
    async log(event) {
      if (sink.fail) throw new Error('database offline');
      events.push(event);
      // Dropping the address is the strictest mask there is.
      const { ipAddress: _unmasked, ...kept } = event;
      stored.push(kept);
      return { id: events.length };
    },
  };
  return sink;
}

/** A logger that records every call. */
export type RecordingLogger = Logger & {
  readonly lines: { level: string; fields: unknown; msg: string }[];
};

/**
 * Creates a recording logger.
 *
 * @returns the logger
 */
export function recordingLogger(): RecordingLogger {
  const lines: { level: string; fields: unknown; msg: string }[] = [];
  const at =
    (level: string) =>
    (fields: unknown, msg: string): void => {
      lines.push({ level, fields, msg });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A meter that records every measurement by instrument name. */
export type RecordingMeter = SSGMeter & {
  readonly points: { name: string; value: number; attributes: Record<string, unknown> }[];
};

/**
 * Creates a recording meter (histograms and counters only).
 *
 * @returns the meter
 */
export function recordingMeter(): RecordingMeter {
  const points: { name: string; value: number; attributes: Record<string, unknown> }[] = [];
  const instrument = (name: string) => {
    const record = (value: number, attributes: Record<string, unknown> = {}): void => {
      points.push({ name, value, attributes });
    };
    return { record, add: record };
  };
  return {
    points,
    createHistogram: ((name: string) => instrument(name)) as unknown as SSGMeter['createHistogram'],
    createCounter: ((name: string) => instrument(name)) as unknown as SSGMeter['createCounter'],
  };
}

/**
 * A plugin that answers `result` (or the result of calling it).
 *
 * @param id - plugin id
 * @param result - fixed result or function of the text
 * @returns the plugin
 */
export function fixedPlugin(
  id: string,
  result: Partial<DetectionResult> | ((text: string) => Partial<DetectionResult>),
): DetectionPlugin {
  return {
    id,
    priority: 0,
    enabled: true,
    analyze(envelope) {
      const r = typeof result === 'function' ? result(envelope.text) : result;
      return { score: 0, labels: [], matches: [], summary: 'test', ...r };
    },
  };
}

/** The tests' example plugin: scores 45 (WARN), 70 (QUARANTINE) and 95 (BLOCK) by keyword. */
export const testPlugin: DetectionPlugin = keywordPlugin({
  rules: [
    { term: 'cheap pills', label: 'SPAM', score: 45 },
    { term: 'hold me', label: 'SUSPICIOUS', score: 70 },
    { term: 'drop table', label: 'ATTACK', score: 95 },
  ],
});

/** What `promise` rejects with; throws if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
