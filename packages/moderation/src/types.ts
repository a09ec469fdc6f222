/**
 * Public types of the moderation service: actions, reasons, envelopes,
 * decisions, the actors that make them and the ports it uses.
 */
import type { AuditLogger } from '@clawexchange/audit';
import type { Quarantine, QuarantineStatus } from '@clawexchange/quarantine';

/** What a review bot may ask for. */
export const BotAction = {
  RELEASE: 'release',
  DELETE: 'delete',
  ESCALATE: 'escalate',
} as const;
/** One of the {@link BotAction} values. */
export type BotAction = (typeof BotAction)[keyof typeof BotAction];

/** What a human admin may decide. */
export const HumanAction = {
  RELEASE: 'release',
  DELETE: 'delete',
} as const;
/** One of the {@link HumanAction} values. */
export type HumanAction = (typeof HumanAction)[keyof typeof HumanAction];

/** Why a bot decided what it did (upstream's reason names, kept for migrating hosts). */
export const ModerationReason = {
  FALSE_POSITIVE: 'FALSE_POSITIVE',
  TRUE_POSITIVE_LOW_RISK: 'TRUE_POSITIVE_LOW_RISK',
  TRUE_POSITIVE_HIGH_RISK: 'TRUE_POSITIVE_HIGH_RISK',
  NEEDS_HUMAN_REVIEW: 'NEEDS_HUMAN_REVIEW',
  POLICY_VIOLATION: 'POLICY_VIOLATION',
  DUPLICATE_CONTENT: 'DUPLICATE_CONTENT',
} as const;
/** One of the {@link ModerationReason} values. */
export type ModerationReason = (typeof ModerationReason)[keyof typeof ModerationReason];

/** Audit event types this package writes (all built into `@clawexchange/audit`). */
export const ModerationAuditEventType = {
  BOT_RELEASE: 'BOT_RELEASE',
  BOT_DELETE: 'BOT_DELETE',
  BOT_ESCALATE: 'BOT_ESCALATE',
  HUMAN_RELEASE: 'HUMAN_RELEASE',
  HUMAN_DELETE: 'HUMAN_DELETE',
  HUMAN_VIEW_CONTENT: 'HUMAN_VIEW_CONTENT',
} as const;
/** One of the {@link ModerationAuditEventType} values. */
export type ModerationAuditEventType =
  (typeof ModerationAuditEventType)[keyof typeof ModerationAuditEventType];

/** The slice of `@clawexchange/quarantine`'s service this package uses. */
export type ModerationQuarantine = Pick<
  Quarantine,
  | 'store'
  | 'getMetadata'
  | 'list'
  | 'read'
  | 'updateStatus'
  | 'release'
  | 'delete'
  | 'createAccessToken'
  | 'verifyAccessToken'
  | 'storageStats'
>;

/** The slice of `@clawexchange/audit`'s logger this package uses. */
export type ModerationAudit = Pick<AuditLogger, 'log' | 'query'>;

/** A redacted match, as the gate stored it (never the matched text). */
export type EnvelopeMatch = {
  readonly label: string;
  readonly redacted: string;
};

/**
 * A held record as reviewers see it: structured facts and redacted matches,
 * never the content itself.
 */
export type Envelope = {
  /** Quarantine record id (UUID). */
  readonly id: string;
  readonly status: QuarantineStatus;
  /** Optimistic-concurrency version; send it back as `expectedVersion`. */
  readonly version: number;
  /** Risk tier the gate assigned. */
  readonly tier: string;
  readonly labels: readonly string[];
  /** Redacted matches stored by the gate at quarantine time. */
  readonly matches: readonly EnvelopeMatch[];
  /** A one-line description built from tier, content type, labels and size only. */
  readonly summary: string;
  readonly contentType: string | null;
  readonly sourceId: string | null;
  /** Plaintext size in UTF-8 bytes. */
  readonly sizeBytes: number;
  /** ISO 8601. */
  readonly quarantinedAt: string;
  /** ISO 8601. */
  readonly expiresAt: string;
};

/** One page of envelopes, newest first. */
export type EnvelopePage = {
  readonly items: readonly Envelope[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
};

/** An authenticated review bot. */
export type BotActor = {
  readonly id: string;
  readonly scopes: readonly string[];
};

/** An authenticated human admin. */
export type HumanActor = {
  readonly id: string;
};

/** Why the bot policy turned a release or delete into an escalation. */
export type PolicyOverride = 'tier' | 'confidence' | 'reason';

/** What `botAction` did. */
export type BotDecision = {
  readonly quarantineId: string;
  readonly requestedAction: BotAction;
  /** What was applied: the requested action, or `escalate` when the policy overrode it. */
  readonly appliedAction: BotAction;
  /** Why the policy escalated instead, or null when it applied the request. */
  readonly overriddenBy: PolicyOverride | null;
  /** The record's status afterwards. */
  readonly status: QuarantineStatus;
};

/** What `humanAction` did. */
export type HumanDecision = {
  readonly quarantineId: string;
  readonly action: HumanAction;
  readonly status: QuarantineStatus;
};

/** A content-access grant: where to fetch the text, and until when. */
export type ContentAccess = {
  readonly quarantineId: string;
  /** The signed, single-use token; the router builds its URL from it. */
  readonly token: string;
  readonly expiresAt: Date;
  readonly expiresInSeconds: number;
};

/** What the host's `onRelease` receives besides the content. */
export type ReleaseMetadata = {
  readonly quarantineId: string;
  readonly sourceId: string | null;
  readonly agentId: string | null;
  readonly contentType: string | null;
  readonly tier: string;
  readonly labels: readonly string[];
  readonly decidedBy: { readonly actorType: 'bot' | 'human'; readonly actorId: string };
};

/**
 * Publishes released content. Called once per release, after the record is
 * final. When it throws, the content is held again as a new record.
 */
export type OnRelease = (content: string, metadata: ReleaseMetadata) => Promise<void> | void;

/** One decision or view on a record's audit trail, as the console shows it. */
export type HistoryEntry = {
  readonly eventType: string;
  readonly actorType: string;
  readonly actorId: string;
  /** ISO 8601. */
  readonly at: string;
  readonly metadata: Readonly<Record<string, unknown>> | null;
};

/** Remembers which content tokens were used, so each works once. */
export type UsedTokenStore = {
  /**
   * Marks `tokenId` used; returns false when it already was. Entries may be
   * forgotten after `expiresAt` (an expired token fails anyway).
   */
  claim(tokenId: string, expiresAt: Date): Promise<boolean> | boolean;
};
