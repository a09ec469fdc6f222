import type { Resolved } from './internal/engine.js';
import { resolveOptions, scanReportResolved, scanResolved } from './internal/engine.js';
import { checkDetectorOptions, SCAN_SPEC } from './internal/option-keys.js';
import { OPTIONS_SLOTS, OptionsCache, optionsKey, optionsSlot } from './internal/options-cache.js';
import { redactWith } from './redact.js';
import type {
  Category,
  Detector,
  Finding,
  RedactResult,
  ScanOptions,
  ScanReport,
} from './types.js';

let defaultResolved: Resolved | undefined;
const cache = new OptionsCache<Resolved>();
// Options that only pick categories and switch the model, by slot (see optionsSlot).
const bySlot = new Array<Resolved | undefined>(OPTIONS_SLOTS);

function resolved(options: ScanOptions | undefined): Resolved {
  if (options === undefined) {
    defaultResolved ??= resolveOptions(undefined);
    return defaultResolved;
  }
  if (typeof options !== 'object' || options === null) return resolveOptions(options);
  // Before the caches: a cached entry must never stand in for options with an unknown key.
  checkDetectorOptions(options, SCAN_SPEC);
  // A budget (its clock is a function) is per call: never cached, never served from the caches.
  if (options.budget !== undefined) return resolveOptions(options);
  const slot = optionsSlot(options);
  if (slot !== undefined) {
    let r = bySlot[slot];
    if (r === undefined) {
      r = resolveOptions(options);
      bySlot[slot] = r;
    }
    return r;
  }
  const key = optionsKey(options);
  if (key === undefined) return resolveOptions(options);
  let r = cache.get(key);
  if (r === undefined) {
    r = resolveOptions(options);
    cache.set(key, r);
  }
  return r;
}

/**
 * Scans text for secrets, PII and prompt injection.
 *
 * Offsets are UTF-16 offsets into `text`; `redacted` never holds the raw value.
 * Runs in time linear in the input; inputs above `maxInputChars` are scanned
 * in overlapping windows (or rejected with `oversize: 'reject'`).
 * @param text - the text to scan
 * @param options - categories, types, custom rules, allowlist, limits
 * @returns findings sorted by start offset
 * @throws {DetectorError} DETECTORS_INVALID_OPTIONS / DETECTORS_UNSAFE_PATTERN for bad options,
 *   DETECTORS_INPUT_TOO_LARGE when the input is too large and `oversize` is `'reject'`,
 *   DETECTORS_INVALID_INPUT when `text` is not a string
 * @example
 * ```ts
 * scan('key AKIAIOSFODNN7REALKEY')[0]?.type; // 'aws-access-key'
 * ```
 */
export function scan(text: string, options?: ScanOptions): Finding[] {
  return scanResolved(text, resolved(options));
}

/**
 * Scans text like {@link scan} and says how much of it was covered: with a
 * `budget`, the scan stops between two slices of the text once the budget is
 * spent and reports `truncated: true` with the findings of the part it read.
 *
 * @param text - the text to scan
 * @param options - as for {@link scan}, usually with a `budget`
 * @returns the findings, `truncated`, and `coveredChars`
 * @throws {DetectorError} as {@link scan}; DETECTORS_INVALID_OPTIONS naming
 *   `budget.deadlineMs`, `budget.maxWorkChars` or `budget.now` for a bad budget
 * @example
 * ```ts
 * const report = scanReport(text, { budget: { deadlineMs: 20 } });
 * if (report.truncated) holdForReview(report.coveredChars);
 * ```
 */
export function scanReport(text: string, options?: ScanOptions): ScanReport {
  return scanReportResolved(text, resolved(options));
}

function only(category: Category, options: ScanOptions | undefined): ScanOptions {
  return { ...options, categories: [category] };
}

/**
 * Scans for secrets only (API keys, tokens, private keys, credentials).
 * @param text - the text to scan
 * @param options - as for {@link scan}; `categories` is ignored
 * @returns secret findings
 * @throws {DetectorError} as {@link scan}
 */
export function scanSecrets(text: string, options?: ScanOptions): Finding[] {
  return scan(text, only('secret', options));
}

/**
 * Scans for personal data only (email, phone, cards, IBAN, national ids, IPs, wallets).
 * @param text - the text to scan
 * @param options - as for {@link scan}; `categories` is ignored
 * @returns PII findings
 * @throws {DetectorError} as {@link scan}
 */
export function scanPii(text: string, options?: ScanOptions): Finding[] {
  return scan(text, only('pii', options));
}

/**
 * Scans for prompt injection and invisible-character smuggling only.
 * @param text - the text to scan
 * @param options - as for {@link scan}; `categories` is ignored
 * @returns injection findings
 * @throws {DetectorError} as {@link scan}
 */
export function scanInjection(text: string, options?: ScanOptions): Finding[] {
  return scan(text, only('injection', options));
}

/**
 * Validates options once (custom patterns are ReDoS-checked here) and returns
 * a detector that reuses them.
 * @param options - as for {@link scan}
 * @returns a {@link Detector}
 * @throws {DetectorError} DETECTORS_INVALID_OPTIONS or DETECTORS_UNSAFE_PATTERN
 * @example
 * ```ts
 * const detector = createDetector({ categories: ['secret'], allowlist: ['AKIAIOSFODNN7EXAMPLE'] });
 * detector.scan(text);
 * ```
 */
export function createDetector(options?: ScanOptions): Detector {
  const r = resolveOptions(options);
  // Redaction reads the whole text: a cut scan would leave values in the clear.
  const whole = r.budget === undefined ? r : { ...r, budget: undefined };
  return {
    scan: (text: string): readonly Finding[] => scanResolved(text, r),
    scanReport: (text: string): ScanReport => scanReportResolved(text, r),
    redact: (text: string): RedactResult => redactWith(text, scanResolved(text, whole), []),
  };
}
