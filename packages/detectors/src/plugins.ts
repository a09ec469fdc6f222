import type {
  ContentEnvelope,
  DetectionMatch,
  DetectionPlugin,
  DetectionResult,
} from '@clawexchange/ssg';
import { DetectorError, DetectorErrorCode } from './errors.js';
import { resolveOptions, scanResolved } from './internal/engine.js';
import type { Category, Finding, ScanOptions, Severity } from './types.js';

/**
 * Score (0–100) per severity. Defaults map onto the gate's default tiers:
 * LOW 1–29, MODERATE 30–59, HIGH 60–84, CRITICAL 85+.
 */
export type SeverityScores = Readonly<Record<Severity, number>>;

/** Options for the SSG plugins. */
export type PluginOptions = ScanOptions & {
  /** Plugin id. @default 'secrets' | 'pii' | 'injection' */
  readonly id?: string;
  /** @default 100 (secrets), 80 (injection), 60 (pii) */
  readonly priority?: number;
  /** @default true */
  readonly enabled?: boolean;
  /** Score per severity; see {@link DEFAULT_SEVERITY_SCORES}. */
  readonly severityScores?: Partial<SeverityScores>;
  /**
   * Added per extra finding beyond the first (capped at 100).
   * @default 5
   */
  readonly perExtraFinding?: number;
};

/**
 * Default scores: a lone low-severity finding (an email) is LOW, a private key
 * or live cloud credential (critical) is CRITICAL/BLOCK, a clear injection
 * aimed at reading agents (high) is HIGH/QUARANTINE.
 */
export const DEFAULT_SEVERITY_SCORES: SeverityScores = {
  low: 15,
  medium: 40,
  high: 70,
  critical: 95,
};

function labelOf(f: Finding): string {
  const cat = f.category === 'secret' ? 'SECRET' : f.category === 'pii' ? 'PII' : 'INJECTION';
  return `${cat}_${f.type.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * Turns findings into a plugin result: the highest severity score plus a
 * small increment per extra finding.
 */
export function scoreFindings(
  findings: readonly Finding[],
  scores: SeverityScores = DEFAULT_SEVERITY_SCORES,
  perExtra = 5,
): DetectionResult {
  if (findings.length === 0) return { score: 0, labels: [], matches: [], summary: 'nothing found' };
  let top = 0;
  for (const f of findings) top = Math.max(top, scores[f.severity]);
  const score = Math.min(100, top + perExtra * (findings.length - 1));
  const labels = [...new Set(findings.map(labelOf))].sort();
  const matches: DetectionMatch[] = findings
    .slice(0, 100)
    .map((f) => ({ label: labelOf(f), redacted: f.redacted, start: f.start, end: f.end }));
  const summary = `${findings.length} finding(s): ${labels.slice(0, 5).join(', ')}`;
  return { score, labels, matches, summary };
}

function makePlugin(
  category: Category,
  defaults: { id: string; priority: number },
  options: PluginOptions | undefined,
): DetectionPlugin {
  const { id, priority, enabled, severityScores, perExtraFinding, ...scanOptions } = options ?? {};
  const scores: SeverityScores = { ...DEFAULT_SEVERITY_SCORES, ...severityScores };
  for (const [k, v] of Object.entries(scores)) {
    if (typeof v !== 'number' || !(v >= 0 && v <= 100)) {
      throw new DetectorError(
        DetectorErrorCode.INVALID_OPTIONS,
        `invalid option \`severityScores.${k}\`: expected a number in [0, 100]`,
        { field: `severityScores.${k}` },
      );
    }
  }
  const perExtra = perExtraFinding ?? 5;
  if (!(perExtra >= 0 && perExtra <= 50)) {
    throw new DetectorError(
      DetectorErrorCode.INVALID_OPTIONS,
      'invalid option `perExtraFinding`: expected a number in [0, 50]',
      { field: 'perExtraFinding' },
    );
  }
  const resolved = resolveOptions({ ...scanOptions, categories: [category] });
  return {
    id: id ?? defaults.id,
    priority: priority ?? defaults.priority,
    enabled: enabled ?? true,
    analyze(envelope: ContentEnvelope): DetectionResult {
      return scoreFindings(scanResolved(envelope.text, resolved), scores, perExtra);
    },
  };
}

/**
 * SSG plugin for secrets: live cloud credentials and private keys score CRITICAL.
 * @param options - scan options, id, priority, severity scores
 * @returns a `DetectionPlugin`
 * @throws {DetectorError} DETECTORS_INVALID_OPTIONS / DETECTORS_UNSAFE_PATTERN
 * @example
 * ```ts
 * createSSG({ plugins: [secretsPlugin(), piiPlugin(), injectionPlugin()] });
 * ```
 */
export function secretsPlugin(options?: PluginOptions): DetectionPlugin {
  return makePlugin('secret', { id: 'secrets', priority: 100 }, options);
}

/**
 * SSG plugin for personal data: an email alone is LOW; cards and national ids score higher.
 * @param options - scan options, id, priority, severity scores
 * @returns a `DetectionPlugin`
 * @throws {DetectorError} DETECTORS_INVALID_OPTIONS / DETECTORS_UNSAFE_PATTERN
 * @example
 * ```ts
 * piiPlugin({ excludeTypes: ['ip-address'] });
 * ```
 */
export function piiPlugin(options?: PluginOptions): DetectionPlugin {
  return makePlugin('pii', { id: 'pii', priority: 60 }, options);
}

/**
 * SSG plugin for prompt injection and smuggling: clear attacks on reading agents score HIGH or more.
 * @param options - scan options, id, priority, severity scores
 * @returns a `DetectionPlugin`
 * @throws {DetectorError} DETECTORS_INVALID_OPTIONS / DETECTORS_UNSAFE_PATTERN
 * @example
 * ```ts
 * injectionPlugin({ maxDecodeDepth: 1 });
 * ```
 */
export function injectionPlugin(options?: PluginOptions): DetectionPlugin {
  return makePlugin('injection', { id: 'injection', priority: 80 }, options);
}

/**
 * The three plugins with default options.
 * @param options - shared options passed to each plugin (ids keep their defaults)
 * @returns `[secretsPlugin(), piiPlugin(), injectionPlugin()]`
 * @example
 * ```ts
 * createSSG({ plugins: defaultPlugins() });
 * ```
 */
export function defaultPlugins(options?: Omit<PluginOptions, 'id'>): DetectionPlugin[] {
  return [secretsPlugin(options), piiPlugin(options), injectionPlugin(options)];
}
