import type {
  ContentEnvelope,
  DetectionMatch,
  DetectionPlugin,
  DetectionResult,
} from '@clawexchange/ssg';
import { DetectorError, DetectorErrorCode } from './errors.js';
import type { Resolved } from './internal/engine.js';
import { resolveOptions, scanReportResolved, scanResolved } from './internal/engine.js';
import {
  checkDetectorOptions,
  DEFAULT_PLUGINS_SPEC,
  pluginSpec,
  SEVERITY_SCORES_KEYS,
} from './internal/option-keys.js';
import type { ScanShape } from './internal/shared-scan.js';
import { createSharedScan } from './internal/shared-scan.js';
import type { Category, Finding, ScanOptions, ScanReport, Severity } from './types.js';

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
  /**
   * What the plugin does when its `budget` runs out before the end of the
   * text. `'error'`: it fails with `DETECTORS_BUDGET_EXCEEDED`, so the gate
   * labels it `PLUGIN_ERROR:<id>`, lists it in `degraded` and applies its
   * `onPluginError` policy (by default the post is held). `'label'`: it
   * returns what it found in the part it read, labelled
   * `<CATEGORY>_SCAN_TRUNCATED` (e.g. `INJECTION_SCAN_TRUNCATED`) and scored
   * at least the `medium` severity score. Only used with a `budget`.
   * @default 'error'
   */
  readonly onTruncated?: 'error' | 'label';
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

/** A plugin's options, validated and resolved for its category alone. */
type Prepared = {
  readonly category: Category;
  readonly id: string;
  readonly priority: number;
  readonly enabled: boolean;
  readonly scores: SeverityScores;
  readonly perExtra: number;
  readonly onTruncated: 'error' | 'label';
  /** The options the raw scan depends on (see {@link sameScanShape}). */
  readonly shape: ScanShape;
  readonly alone: Resolved;
};

function checkScores(scores: SeverityScores): void {
  for (const [k, v] of Object.entries(scores)) {
    if (typeof v !== 'number' || !(v >= 0 && v <= 100)) {
      throw new DetectorError(
        DetectorErrorCode.INVALID_OPTIONS,
        `invalid option \`severityScores.${k}\`: expected a number in [0, 100]`,
        { field: `severityScores.${k}` },
      );
    }
  }
}

function prepare(
  category: Category,
  defaults: { id: string; priority: number },
  options: PluginOptions | undefined,
): Prepared {
  const { id, priority, enabled, severityScores, perExtraFinding, onTruncated, ...scanOptions } =
    options ?? {};
  if (onTruncated !== undefined && onTruncated !== 'error' && onTruncated !== 'label') {
    throw new DetectorError(
      DetectorErrorCode.INVALID_OPTIONS,
      "invalid option `onTruncated`: expected 'error' or 'label'",
      { field: 'onTruncated' },
    );
  }
  if (typeof severityScores === 'object' && severityScores !== null) {
    checkDetectorOptions(severityScores, {
      name: 'plugin options',
      keys: SEVERITY_SCORES_KEYS,
      path: 'severityScores',
    });
  }
  const scores: SeverityScores = { ...DEFAULT_SEVERITY_SCORES, ...severityScores };
  checkScores(scores);
  const perExtra = perExtraFinding ?? 5;
  if (!(perExtra >= 0 && perExtra <= 50)) {
    throw new DetectorError(
      DetectorErrorCode.INVALID_OPTIONS,
      'invalid option `perExtraFinding`: expected a number in [0, 50]',
      { field: 'perExtraFinding' },
    );
  }
  const { customRules, maxInputChars, oversize, maxDecodeDepth, semantic } = scanOptions;
  return {
    category,
    id: id ?? defaults.id,
    priority: priority ?? defaults.priority,
    enabled: enabled ?? true,
    scores,
    perExtra,
    onTruncated: onTruncated ?? 'error',
    shape: { customRules, maxInputChars, oversize, maxDecodeDepth, semantic },
    alone: resolveOptions({ ...scanOptions, categories: [category] }),
  };
}

const CATEGORY_LABEL: Readonly<Record<Category, string>> = {
  secret: 'SECRET',
  pii: 'PII',
  injection: 'INJECTION',
};

/**
 * The result of a scan whose budget ran out: an error for the gate's policy,
 * or the findings of the part read, labelled and scored at least `medium`.
 */
function truncatedResult(p: Prepared, report: ScanReport): DetectionResult {
  if (p.onTruncated === 'error') {
    throw new DetectorError(
      DetectorErrorCode.BUDGET_EXCEEDED,
      'scan budget ran out before the end of the text',
      { field: 'budget' },
    );
  }
  const found = scoreFindings(report.findings, p.scores, p.perExtra);
  const label = `${CATEGORY_LABEL[p.category]}_SCAN_TRUNCATED`;
  return {
    score: Math.max(found.score, p.scores.medium),
    labels: [...found.labels, label].sort(),
    matches: found.matches,
    summary: `scan truncated by its budget after ${report.coveredChars} characters; ${found.summary}`,
  };
}

function toPlugin(p: Prepared, findings: (text: string) => Finding[]): DetectionPlugin {
  const analyze =
    p.alone.budget === undefined
      ? (envelope: ContentEnvelope): DetectionResult =>
          scoreFindings(findings(envelope.text), p.scores, p.perExtra)
      : (envelope: ContentEnvelope): DetectionResult => {
          const report = scanReportResolved(envelope.text, p.alone);
          if (report.truncated) return truncatedResult(p, report);
          return scoreFindings(report.findings, p.scores, p.perExtra);
        };
  return { id: p.id, priority: p.priority, enabled: p.enabled, analyze };
}

const SECRETS = { id: 'secrets', priority: 100 };
const PII = { id: 'pii', priority: 60 };
const INJECTION = { id: 'injection', priority: 80 };

function makePlugin(
  category: Category,
  defaults: { id: string; priority: number },
  options: PluginOptions | undefined,
): DetectionPlugin {
  if (options !== undefined && options !== null) checkDetectorOptions(options, pluginSpec());
  const p = prepare(category, defaults, options);
  return toPlugin(p, (text) => scanResolved(text, p.alone));
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
  return makePlugin('secret', SECRETS, options);
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
  return makePlugin('pii', PII, options);
}

/**
 * SSG plugin for prompt injection and smuggling: clear attacks on reading agents score HIGH or more.
 * An injection finding's severity follows its calibrated confidence (the precision estimated
 * for its rule group at that strength; see the README): `high`, scored HIGH and so held, from
 * 0.8; `medium` (WARN) from 0.5; `low` below.
 * @param options - scan options, id, priority, severity scores
 * @returns a `DetectionPlugin`
 * @throws {DetectorError} DETECTORS_INVALID_OPTIONS / DETECTORS_UNSAFE_PATTERN
 * @example
 * ```ts
 * injectionPlugin({ maxDecodeDepth: 1 });
 * ```
 */
export function injectionPlugin(options?: PluginOptions): DetectionPlugin {
  return makePlugin('injection', INJECTION, options);
}

/** Options for {@link defaultPlugins}: shared ones, and each plugin's own on top. */
export type DefaultPluginsOptions = Omit<PluginOptions, 'id'> & {
  /** Options of the secrets plugin only, over the shared ones (may set `id`). */
  readonly secrets?: PluginOptions;
  /** Options of the PII plugin only, over the shared ones (may set `id`). */
  readonly pii?: PluginOptions;
  /** Options of the injection plugin only, over the shared ones (may set `id`). */
  readonly injection?: PluginOptions;
};

const PER_PLUGIN = ['secrets', 'pii', 'injection'] as const;

/**
 * Whether two plugins' raw scans are the same one: equal custom rules (the same
 * array), window size, oversize policy and decode depth (and the learned stage
 * when both scan for injection).
 */
function sameScanShape(a: Prepared, b: Prepared): boolean {
  const bothInjection = a.category === 'injection' && b.category === 'injection';
  return (
    a.shape.customRules === b.shape.customRules &&
    a.shape.maxInputChars === b.shape.maxInputChars &&
    a.shape.oversize === b.shape.oversize &&
    // Every engine decodes (the secret and PII scans read decoded views too).
    a.shape.maxDecodeDepth === b.shape.maxDecodeDepth &&
    (!bothInjection || a.shape.semantic === b.shape.semantic)
  );
}

/** Enabled plugins in groups that can share one raw scan; a disabled or budgeted one alone. */
function groupsOf(prepared: readonly Prepared[]): Prepared[][] {
  const shared: Prepared[][] = [];
  const alone: Prepared[][] = [];
  for (const p of prepared) {
    // A budgeted plugin meters its own scan: it shares none.
    if (!p.enabled || p.alone.budget !== undefined) {
      alone.push([p]);
      continue;
    }
    const g = shared.find((x) => sameScanShape(x[0] as Prepared, p));
    if (g) g.push(p);
    else shared.push([p]);
  }
  return [...shared, ...alone];
}

/** The plugins of one group: one shared scan between two or more. */
function pluginsOf(group: readonly Prepared[]): [Prepared, DetectionPlugin][] {
  const first = group[0] as Prepared;
  if (group.length === 1) return [[first, toPlugin(first, (t) => scanResolved(t, first.alone))]];
  const injection = group.find((p) => p.category === 'injection');
  const shared = createSharedScan(
    {
      ...first.shape,
      maxDecodeDepth: (injection ?? first).shape.maxDecodeDepth,
      semantic: injection?.shape.semantic,
    },
    group.map((p) => ({ category: p.category, alone: p.alone })),
  );
  return group.map((p) => [p, toPlugin(p, (t) => shared.findings(p.category, t))]);
}

/**
 * The three plugins, scanning each text once between them.
 *
 * The first of them the gate calls scans the text for the categories of all
 * enabled ones (one normalisation, one keyword pass) and keeps the others'
 * findings until they read them; each plugin keeps its own id, labels, score
 * and options, and its result is exactly what the plugin alone would return.
 * Plugins whose options change the scan itself (`customRules`,
 * `maxInputChars`, `oversize`, `maxDecodeDepth`) scan separately. The memo holds at most one text, released once
 * each enabled plugin has read it. Separately created plugins
 * ({@link secretsPlugin} etc.) each scan on their own.
 * @param options - shared options for the three, and `secrets`, `pii`,
 *   `injection` for one plugin's own (e.g. `{ pii: { enabled: false } }`)
 * @returns the secrets, PII and injection plugins, in that order
 * @throws {DetectorError} DETECTORS_INVALID_OPTIONS / DETECTORS_UNSAFE_PATTERN
 * @example
 * ```ts
 * createSSG({ plugins: defaultPlugins({ pii: { excludeTypes: ['ip-address'] } }) });
 * ```
 */
export function defaultPlugins(options?: DefaultPluginsOptions): DetectionPlugin[] {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new DetectorError(
      DetectorErrorCode.INVALID_OPTIONS,
      'invalid option `options`: expected an object',
      {
        field: 'options',
      },
    );
  }
  if (options !== undefined) checkDetectorOptions(options, DEFAULT_PLUGINS_SPEC);
  const { secrets, pii, injection, ...shared } = options ?? {};
  const own = { secrets, pii, injection };
  for (const k of PER_PLUGIN) {
    const v = own[k];
    if (v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v))) {
      throw new DetectorError(
        DetectorErrorCode.INVALID_OPTIONS,
        `invalid option \`${k}\`: expected an object`,
        { field: k },
      );
    }
    if (v !== undefined) checkDetectorOptions(v, pluginSpec(k));
  }
  const prepared = [
    prepare('secret', SECRETS, { ...shared, ...secrets }),
    prepare('pii', PII, { ...shared, ...pii }),
    prepare('injection', INJECTION, { ...shared, ...injection }),
  ];
  const plugins = new Map(groupsOf(prepared).flatMap(pluginsOf));
  return prepared.map((p) => plugins.get(p) as DetectionPlugin);
}
