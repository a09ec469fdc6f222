/**
 * The family's metric naming scheme: `clawexchange.<package>.<name>`, with
 * units from the OpenTelemetry semantic conventions (durations in seconds,
 * sizes in bytes, counts as `{thing}` annotations).
 */

/** The packages that emit metrics; the second segment of every metric name. */
export type MetricPackage =
  | 'ssg'
  | 'detectors'
  | 'quarantine'
  | 'audit'
  | 'rate_limiter'
  | 'llm_guard'
  | 'moderation';

/** Units used by the family, as the OpenTelemetry semantic conventions spell them. */
export const MetricUnit = {
  /** Durations: seconds (never milliseconds). */
  SECONDS: 's',
  /** Sizes: bytes. */
  BYTES: 'By',
  /** Counts of requests or decisions. */
  REQUESTS: '{request}',
  /** Counts of inspections. */
  INSPECTIONS: '{inspection}',
  /** Counts of failures. */
  FAILURES: '{failure}',
  /** Counts of stored records or objects. */
  RECORDS: '{record}',
  /** Counts of audit events. */
  EVENTS: '{event}',
  /** Counts of state changes. */
  CHANGES: '{change}',
} as const;
/** One of the {@link MetricUnit} values. */
export type MetricUnit = (typeof MetricUnit)[keyof typeof MetricUnit];

const NAME_PART = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/;

/**
 * Builds a metric name of the family scheme.
 *
 * @param pkg - the emitting package, e.g. `'rate_limiter'`
 * @param name - lower-case, dot-separated, e.g. `'inspection.duration'`
 * @returns `clawexchange.<pkg>.<name>`
 * @throws {TypeError} when `name` is not lower-case dot-separated words (a programming error)
 */
export function metricName<P extends MetricPackage, N extends string>(
  pkg: P,
  name: N,
): `clawexchange.${P}.${N}` {
  if (!NAME_PART.test(name)) throw new TypeError('metric name: expected lower-case dotted words');
  return `clawexchange.${pkg}.${name}`;
}

/**
 * Converts a duration in milliseconds to the seconds OpenTelemetry expects.
 *
 * @param durationMs - milliseconds
 * @returns seconds
 */
export function msToSeconds(durationMs: number): number {
  return durationMs / 1000;
}

/** The scheme every family metric name matches. */
export const METRIC_NAME_PATTERN: RegExp =
  /^clawexchange\.(?:ssg|detectors|quarantine|audit|rate_limiter|llm_guard|moderation)\.[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/;
