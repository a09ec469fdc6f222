/**
 * Nothing silently ignored: every options object of the package (scan,
 * redact, detectors, plugins, custom rules) goes through the family's one
 * check (`@clawexchange/ssg/common`), raising `DETECTORS_INVALID_OPTIONS`
 * naming the unknown key, with a hint for known foreign names.
 */
import {
  type CheckOptionsMode,
  checkOptions,
  type KeySet,
  type OptionsSpec,
  optionKeys,
} from '@clawexchange/ssg/common';
import { DetectorError, DetectorErrorCode } from '../errors.js';
import type { DefaultPluginsOptions, PluginOptions, SeverityScores } from '../plugins.js';
import type { CustomRule, RedactOptions, ScanOptions, SemanticOptions } from '../types.js';

function optionsError(field: string, message: string): DetectorError {
  return new DetectorError(DetectorErrorCode.INVALID_OPTIONS, message, { field });
}

/** What one options object may hold. */
export type DetectorOptionsSpec = {
  readonly name: string;
  readonly keys: readonly string[];
  readonly hints?: Readonly<Record<string, string>>;
  readonly path?: string;
};

/**
 * Checks one options object against its spec.
 *
 * @param value - what the caller passed
 * @param spec - the allowed keys and hints
 * @param mode - `optional: true` when the argument may be omitted
 * @returns the options as a record
 * @throws {DetectorError} DETECTORS_INVALID_OPTIONS naming the unknown key or argument
 */
export function checkDetectorOptions(
  value: unknown,
  spec: DetectorOptionsSpec,
  mode: CheckOptionsMode = NO_MODE,
): Readonly<Record<string, unknown>> {
  return checkOptions(value, withError(spec), mode);
}

const NO_MODE: CheckOptionsMode = {};

// `scan(text, options)` checks its options on every call: the spec with the package's error
// is built once per spec, not spread into a new object each time.
const specsWithError = new WeakMap<DetectorOptionsSpec, OptionsSpec>();
function withError(spec: DetectorOptionsSpec): OptionsSpec {
  let full = specsWithError.get(spec);
  if (full === undefined) {
    full = { ...spec, error: optionsError };
    specsWithError.set(spec, full);
  }
  return full;
}

const SCAN_KEY_SET = {
  categories: true,
  types: true,
  excludeTypes: true,
  customRules: true,
  allowlist: true,
  minConfidence: true,
  maxInputChars: true,
  oversize: true,
  maxDecodeDepth: true,
  semantic: true,
  budget: true,
} as const satisfies KeySet<ScanOptions>;
const SCAN_KEYS = optionKeys<ScanOptions>(SCAN_KEY_SET);

const SCAN_HINTS: Readonly<Record<string, string>> = {
  category: 'the categories are `categories` (an array)',
  rules: 'your own rules are `customRules`',
  patterns: 'your own rules are `customRules`',
  ignore: 'values to ignore are `allowlist`; rule types to skip are `excludeTypes`',
  threshold: 'the confidence floor is `minConfidence`',
};

/** `scan`, `scanSecrets`, `scanPii`, `scanInjection`, `createDetector`. */
export const SCAN_SPEC: DetectorOptionsSpec = {
  name: 'scan options',
  keys: SCAN_KEYS,
  hints: SCAN_HINTS,
};

// A redaction reads the whole text: a budget would leave values in the clear.
const { budget: _budget, ...REDACT_SCAN_KEY_SET } = SCAN_KEY_SET;

/** `semantic` of the scan options. */
export const SEMANTIC_SPEC: DetectorOptionsSpec = {
  name: 'scan options',
  path: 'semantic',
  keys: optionKeys<SemanticOptions>({ enabled: true, threshold: true }),
  hints: { operatingPoint: 'the operating point is `threshold`', enable: 'use `enabled`' },
};

/** `redact(text, options)`. */
export const REDACT_SPEC: DetectorOptionsSpec = {
  name: 'redact options',
  keys: optionKeys<RedactOptions>({ ...REDACT_SCAN_KEY_SET, previous: true }),
  hints: { replacements: 'earlier replacements to reuse are `previous`', ...SCAN_HINTS },
};

const PLUGIN_ONLY_SET = {
  id: true,
  priority: true,
  enabled: true,
  severityScores: true,
  perExtraFinding: true,
  onTruncated: true,
} as const satisfies KeySet<Omit<PluginOptions, keyof ScanOptions>>;
const { id: _id, ...PLUGIN_SHARED_SET } = PLUGIN_ONLY_SET;
const PLUGIN_KEYS = optionKeys<PluginOptions>({ ...SCAN_KEY_SET, ...PLUGIN_ONLY_SET });

const PLUGIN_HINTS: Readonly<Record<string, string>> = {
  scores: 'scores per severity are `severityScores`',
  timeout: 'timeouts are set on the gate: `createSSG({ pluginTimeoutMs, pluginTimeouts })`',
  ...SCAN_HINTS,
};

/**
 * `secretsPlugin` / `piiPlugin` / `injectionPlugin` options, or one of
 * `defaultPlugins`' per-plugin objects.
 *
 * @param path - `secrets`, `pii` or `injection` for `defaultPlugins`' nested objects
 * @returns the spec
 */
export function pluginSpec(path?: string): DetectorOptionsSpec {
  return {
    name: 'plugin options',
    keys: PLUGIN_KEYS,
    hints: PLUGIN_HINTS,
    ...(path === undefined ? {} : { path }),
  };
}

/** `defaultPlugins(options)`. */
export const DEFAULT_PLUGINS_SPEC: DetectorOptionsSpec = {
  name: 'defaultPlugins options',
  keys: optionKeys<DefaultPluginsOptions>({
    ...SCAN_KEY_SET,
    ...PLUGIN_SHARED_SET,
    secrets: true,
    pii: true,
    injection: true,
  }),
  hints: { id: 'ids are per plugin: `{ secrets: { id } }`', ...PLUGIN_HINTS },
};

/** `severityScores` of the plugin options. */
export const SEVERITY_SCORES_KEYS: readonly string[] = optionKeys<SeverityScores>({
  low: true,
  medium: true,
  high: true,
  critical: true,
});

/**
 * One custom rule, `customRules[i]`.
 *
 * @param index - the rule's index
 * @returns the spec
 */
export function customRuleSpec(index: number): DetectorOptionsSpec {
  return {
    name: 'scan options',
    path: `customRules[${index}]`,
    keys: optionKeys<CustomRule>({
      type: true,
      category: true,
      pattern: true,
      keywords: true,
      severity: true,
      confidence: true,
    }),
    hints: { regex: 'the pattern is `pattern`', id: 'the rule name is `type`' },
  };
}
