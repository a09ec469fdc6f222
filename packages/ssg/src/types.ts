/**
 * Public types of the screening gate: the plugin contract, tiers and
 * verdicts, and the contracts that quarantine and audit implementations keep.
 */

/** Risk tiers, lowest to highest. */
export const RiskTier = {
  CLEAR: 'CLEAR',
  LOW: 'LOW',
  MODERATE: 'MODERATE',
  HIGH: 'HIGH',
  CRITICAL: 'CRITICAL',
} as const;
/** One of the five risk tiers. */
export type RiskTier = (typeof RiskTier)[keyof typeof RiskTier];

/** What the gate decides for a piece of content. */
export const Verdict = {
  PASS: 'PASS',
  WARN: 'WARN',
  QUARANTINE: 'QUARANTINE',
  BLOCK: 'BLOCK',
} as const;
/** One of the four verdicts. */
export type Verdict = (typeof Verdict)[keyof typeof Verdict];

/**
 * Facts the host attaches to an envelope. `agentId` and `sourceId` travel
 * on to quarantine and audit; other keys are the host's own.
 */
export type EnvelopeMetadata = {
  /** The agent (or user) that wrote the content; the audit actor. */
  readonly agentId?: string;
  /** The host's id for the content (post id, message id); the audit target. */
  readonly sourceId?: string;
  /** Client IP address, masked by the audit logger before it is stored. */
  readonly ipAddress?: string;
  /** The host's own facts; they are not copied into audit events or quarantine metadata. */
  readonly [key: string]: unknown;
};

/** The content a plugin analyses. */
export type ContentEnvelope = {
  /** The text to screen. */
  readonly text: string;
  /** What kind of content it is: `POST`, `COMMENT`, `MESSAGE`, or a host's own. */
  readonly contentType: string;
  /** An optional host category (e.g. marketplace section). */
  readonly category?: string;
  /** Host-supplied facts; see {@link EnvelopeMetadata}. */
  readonly metadata?: EnvelopeMetadata;
};

/** One thing a plugin found, without the raw matched text. */
export type DetectionMatch = {
  /** A label such as `SECRET_AWS_ACCESS_KEY`. */
  readonly label: string;
  /** A redacted rendering of the match; never the raw value. */
  readonly redacted: string;
  /** Offset of the match in `envelope.text` (UTF-16 code units), when known. */
  readonly start?: number;
  /** End offset (exclusive), when known. */
  readonly end?: number;
};

/** What a plugin returns for one envelope. */
export type DetectionResult = {
  /** Risk score, normally 0–100; the gate keeps it internal. */
  readonly score: number;
  /** Labels that explain the score. */
  readonly labels: readonly string[];
  /** Redacted matches. */
  readonly matches: readonly DetectionMatch[];
  /**
   * One human-readable sentence, free of raw content. The gate checks it and
   * does not keep it (it may quote what was found). Plugins written for
   * upstream `security-pipeline` 0.1.x return an object here instead; the
   * gate renders that to its own sentence (keys, booleans, small numbers;
   * never string values) for quarantine metadata.
   */
  readonly summary: string;
};

/** Context the runner gives each plugin call. */
export type PluginContext = {
  /** Aborted when the plugin's timeout passes: stop work then, the result is discarded. */
  readonly signal: AbortSignal;
};

/** A detection plugin the gate runs over every envelope. */
export interface DetectionPlugin {
  /** Stable id, used in labels such as `PLUGIN_ERROR:<id>` and in metrics. */
  readonly id: string;
  /** Higher runs first in reports; all plugins run in parallel. */
  readonly priority: number;
  /** A disabled plugin is skipped. */
  readonly enabled: boolean;
  /** Analyses one envelope. May be sync or async; must not keep raw content. */
  analyze(
    envelope: ContentEnvelope,
    context: PluginContext,
  ): Promise<DetectionResult> | DetectionResult;
}

/**
 * A match as plugins written for upstream `security-pipeline` 0.1.x report
 * it: the gate uses `patternId` as the match label and keeps `redacted`.
 */
export type UpstreamDetectionMatch = {
  /** The pattern's id, e.g. `aws-access-key`; becomes the match label. */
  readonly patternId: string;
  /** Start offset in the text. */
  readonly start: number;
  /** End offset (exclusive). */
  readonly end: number;
  /** A redacted rendering; never the raw value. */
  readonly redacted: string;
};

/**
 * What an upstream `security-pipeline` 0.1.x plugin returns. The gate
 * accepts it as is: `matches[].patternId` is the label, and the object
 * `summary` is rendered to a sentence without its string values.
 */
export type UpstreamDetectionResult = {
  /** Risk score (0+); normalised like ours (rounded up, clamped to 100). */
  readonly score: number;
  /** Labels that explain the score. */
  readonly labels: readonly string[];
  /** Redacted matches with pattern ids. */
  readonly matches: readonly UpstreamDetectionMatch[];
  /** Plugin-specific facts (counts, flags); see {@link UpstreamDetectionResult}. */
  readonly summary: Readonly<Record<string, unknown>>;
};

/**
 * A plugin written for upstream `security-pipeline` 0.1.x, accepted by
 * `createSSG({ plugins })` beside {@link DetectionPlugin}s. Differences to
 * know: all plugins run in parallel either way, and the gate lists higher
 * `priority` first in its reports (upstream: lower first); upstream summed
 * scores, the gate takes the maximum unless `combine: 'sum'`.
 */
export interface UpstreamDetectionPlugin {
  /** Stable id. */
  readonly id: string;
  /** Report order (higher first here). */
  readonly priority: number;
  /** A disabled plugin is skipped. */
  readonly enabled: boolean;
  /** Analyses one envelope. */
  analyze(content: ContentEnvelope): Promise<UpstreamDetectionResult>;
}

/** Per-plugin outcome handed to quarantine and audit (never to clients). */
export type PluginResultSummary = {
  /** The plugin's id. */
  readonly pluginId: string;
  /** `ok`, or how it failed: `error` (threw or returned an invalid result) or `timeout`. */
  readonly status: 'ok' | 'error' | 'timeout';
  /** Normalised score (integer 0–100); 0 for a failed plugin. */
  readonly score: number;
  /** The plugin's labels (empty for a failed plugin). */
  readonly labels: readonly string[];
  /**
   * For a plugin that returned an upstream-style object summary: the gate's
   * rendering of it (keys, booleans, small numbers; never string values), at
   * most 200 characters. Absent otherwise: a string summary is not kept.
   */
  readonly summary?: string;
  /** How long the plugin took, milliseconds (injected clock). */
  readonly durationMs: number;
};

/** Metadata the gate passes to {@link QuarantineSink.store}. */
export type QuarantineStoreMetadata = {
  /** The risk tier of the held content. */
  readonly tier: RiskTier | string;
  /** Labels of the inspection. */
  readonly labels: readonly string[];
  /** Per-plugin outcomes (the gate passes {@link PluginResultSummary} rows). */
  readonly pluginResults: readonly PluginResultSummary[] | readonly unknown[];
  /** Redacted matches (`label`, `redacted` only). */
  readonly matches?: readonly DetectionMatch[];
  /** `envelope.metadata.sourceId`, when given. */
  readonly sourceId?: string;
  /** `envelope.metadata.agentId`, when given. */
  readonly agentId?: string;
  /** `envelope.contentType`. */
  readonly contentType?: string;
};

/**
 * What the gate needs from a quarantine store. `@clawexchange/quarantine`
 * implements it; a host may supply its own.
 */
export interface QuarantineSink {
  /**
   * Holds `content` safely and resolves with the record id only once it is
   * durably stored. Must reject (never resolve) when it cannot store.
   */
  store(content: string, metadata: QuarantineStoreMetadata): Promise<string>;
}

/** Who performed an audited action. */
export type AuditActorType = 'agent' | 'bot' | 'human' | 'system';

/** One audit event as the gate (and other packages) hand it to the audit log. */
export type AuditEventInput = {
  /** e.g. `SSG_PASS`, `SSG_QUARANTINE`. */
  readonly eventType: string;
  /** Who acted: the agent id, or `'anonymous'`. */
  readonly actorId: string;
  /** What kind of actor. */
  readonly actorType: AuditActorType;
  /** What was acted on: the quarantine record id, else the content's source id. */
  readonly targetId?: string;
  /** `quarantine_record` or `content` for the gate's events. */
  readonly targetType?: string;
  /** Client IP, unmasked; the audit log masks it before storing. */
  readonly ipAddress?: string;
  /** Structured facts; never raw content. */
  readonly metadata?: Readonly<Record<string, unknown>>;
};

/**
 * What the gate needs from an audit log. `@clawexchange/audit` implements
 * it. `log` resolves only once the event is committed.
 */
export interface AuditSink {
  /**
   * Writes one event; resolves once it is committed, rejects when it is not.
   * A sink that deliberately writes nothing (disabled) resolves with
   * `{ status: 'DISABLED' }` (`AUDIT_LOG_DISABLED` from `@clawexchange/ssg/common`):
   * the gate then reports `audit: 'DISABLED'`; any other value counts as committed.
   */
  log(event: AuditEventInput): Promise<unknown>;
}
