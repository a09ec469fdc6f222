/** What a finding is about. */
export type Category = 'secret' | 'pii' | 'injection';

/** How bad a finding is on its own; plugins turn this into a score. */
export type Severity = 'low' | 'medium' | 'high' | 'critical';

/** One thing found in a text. Never carries the raw matched value. */
export type Finding = {
  /** `secret`, `pii` or `injection`. */
  readonly category: Category;
  /** Rule type, e.g. `aws-access-key`, `email`, `instruction-override`. */
  readonly type: string;
  /** Start offset in the ORIGINAL string, UTF-16 code units. */
  readonly start: number;
  /** End offset (exclusive) in the original string. */
  readonly end: number;
  /** 0–1: how sure the rule is (checksums and context raise it). */
  readonly confidence: number;
  /** Severity of this finding alone. */
  readonly severity: Severity;
  /** A redacted rendering (`[SECRET:aws-access-key]`, `j***@***.com`); never the raw value. */
  readonly redacted: string;
};

/** A user-supplied rule, checked for ReDoS safety when the detector is created. */
export type CustomRule = {
  /** Type name reported in findings (`[a-z0-9-]{1,64}`). */
  readonly type: string;
  /** Category the finding belongs to. */
  readonly category: Category;
  /** Pattern source or RegExp (flags other than `i`, `u`, `m`, `s` are ignored). */
  readonly pattern: string | RegExp;
  /**
   * Lower-case literal keywords; the rule only runs when one of them occurs.
   * Leave empty to run it on every text.
   * @default []
   */
  readonly keywords?: readonly string[];
  /** @default 'high' */
  readonly severity?: Severity;
  /** @default 0.8 */
  readonly confidence?: number;
};

/** Options for {@link scan} and {@link createDetector}. */
export type ScanOptions = {
  /**
   * Categories to run.
   * @default ['secret', 'pii', 'injection']
   */
  readonly categories?: readonly Category[];
  /** Only report these types (all when omitted). */
  readonly types?: readonly string[];
  /** Never report these types. */
  readonly excludeTypes?: readonly string[];
  /** Extra rules, validated (ReDoS check) at creation. */
  readonly customRules?: readonly CustomRule[];
  /** Exact values that are never reported (e.g. a documented test key). */
  readonly allowlist?: readonly string[];
  /**
   * Drop findings below this confidence (0–1).
   * @default 0
   */
  readonly minConfidence?: number;
  /**
   * Largest input scanned at once, in UTF-16 code units.
   * @default 1_048_576
   */
  readonly maxInputChars?: number;
  /**
   * What to do with a larger input: `'window'` scans it in overlapping windows of
   * `maxInputChars`; `'reject'` throws `DETECTORS_INPUT_TOO_LARGE`.
   * @default 'window'
   */
  readonly oversize?: 'window' | 'reject';
  /**
   * How many nested encodings (base64, hex, URL, entities) the injection engine unwraps.
   * @default 2
   */
  readonly maxDecodeDepth?: number;
  /**
   * The learned injection stage (category `injection`): on by default; see
   * {@link SemanticOptions}.
   */
  readonly semantic?: SemanticOptions;
  /**
   * A work budget: the scan stops between two slices of the text once it is
   * spent, and {@link ScanReport} says how far it got. Without one, a scan
   * always reads the whole text. Not accepted by `redact` (a redaction that
   * stopped early would leave values in the clear).
   */
  readonly budget?: ScanBudget;
};

/**
 * How much work one scan may do. With a budget, a text longer than one slice
 * (65 536 characters, or `maxInputChars` / `maxWorkChars` when smaller) is
 * read slice by slice, in overlapping windows as `oversize: 'window'` reads
 * a text above `maxInputChars`; the budget is checked before each slice. A
 * text that fits in one slice is scanned exactly as without a budget.
 */
export type ScanBudget = {
  /**
   * Milliseconds the scan may run, measured from the call on `now`. Checked
   * between slices, so a scan can overrun it by the time of one slice.
   */
  readonly deadlineMs?: number;
  /**
   * Characters the scan may read, slices counted whole (window overlaps
   * included): a deterministic budget that does not depend on machine load.
   * An integer ≥ 1024.
   */
  readonly maxWorkChars?: number;
  /**
   * Monotonic clock in milliseconds for `deadlineMs` (tests move it).
   * @default performance.now
   */
  readonly now?: () => number;
};

/** Result of {@link scanReport}: the findings, and how much of the text they cover. */
export type ScanReport = {
  /** Findings in `text.slice(0, coveredChars)`, sorted by start offset. */
  readonly findings: readonly Finding[];
  /**
   * True when the scan stopped before the end of the text (its budget ran
   * out): the rest of the text was not scanned.
   */
  readonly truncated: boolean;
  /**
   * How many UTF-16 code units from the start were scanned; `text.length`
   * unless `truncated`. The findings are those of a scan of that prefix.
   */
  readonly coveredChars: number;
};

/**
 * The learned injection stage: a small model shipped in the package that
 * scores how strongly a text tries to direct the agent reading it, over the
 * same normalised view the rules see. It adds an `injection` finding of type
 * `semantic` when it fires without a rule, and raises or lowers the
 * confidence (and severity) of rule findings where it agrees or disagrees.
 */
export type SemanticOptions = {
  /**
   * Run the model. Off by default: measured on our held-aside data it holds more
   * honest posts than the rules alone and costs throughput (see the README).
   * @default false
   */
  readonly enabled?: boolean;
  /**
   * Operating point: the calibrated probability (0–1, exclusive) at or above
   * which the model fires. Lower catches more and flags more honest posts.
   * Only with `enabled: true` (otherwise refused, never ignored).
   * @default the shipped model's (see the package README)
   */
  readonly threshold?: number;
};

/** One placeholder put in by {@link redact}; keep it in memory only. */
export type Replacement = {
  /** The placeholder, e.g. `[SECRET:aws-access-key#1]`. */
  readonly placeholder: string;
  /** The raw value it stands for. Sensitive: never log or persist. */
  readonly value: string;
  readonly category: Category;
  readonly type: string;
};

/** Result of {@link redact}. */
export type RedactResult = {
  /** The text with every secret and PII finding replaced by a placeholder. */
  readonly text: string;
  /** Mapping for {@link restore}; in memory only. */
  readonly replacements: readonly Replacement[];
};

/** Options for {@link redact}: scan options without a budget. */
export type RedactOptions = Omit<ScanOptions, 'budget'> & {
  /**
   * Placeholders already issued (e.g. from an earlier message in the same
   * conversation); equal values reuse their placeholder.
   */
  readonly previous?: readonly Replacement[];
};

/** A compiled detector with validated options. */
export interface Detector {
  /** Scans text with the detector's options. */
  scan(text: string): readonly Finding[];
  /** Scans text with the detector's options and says how much of it was covered. */
  scanReport(text: string): ScanReport;
  /** Redacts secrets and PII; reads the whole text whatever the budget. */
  redact(text: string): RedactResult;
}
