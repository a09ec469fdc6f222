/**
 * @packageDocumentation
 * Secret, PII and prompt-injection detection over text, with reversible
 * redaction and SSG plugins. Pure functions, no I/O, linear time.
 *
 * @module @clawexchange/detectors
 */
export { DetectorError, DetectorErrorCode, isDetectorError } from './errors.js';
export type { DefaultPluginsOptions, PluginOptions, SeverityScores } from './plugins.js';
export {
  DEFAULT_SEVERITY_SCORES,
  defaultPlugins,
  injectionPlugin,
  piiPlugin,
  scoreFindings,
  secretsPlugin,
} from './plugins.js';
export { redact, restore } from './redact.js';
export {
  createDetector,
  scan,
  scanInjection,
  scanPii,
  scanReport,
  scanSecrets,
} from './scan.js';
export type {
  Category,
  CustomRule,
  Detector,
  Finding,
  RedactOptions,
  RedactResult,
  Replacement,
  ScanBudget,
  ScanOptions,
  ScanReport,
  SemanticOptions,
  Severity,
} from './types.js';
