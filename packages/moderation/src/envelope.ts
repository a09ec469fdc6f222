/**
 * Turns a quarantine record into the content-free envelope reviewers see.
 */
import type { QuarantineRecord } from '@clawexchange/quarantine';
import type { Envelope } from './types.js';

const MAX_LABELS_IN_SUMMARY = 5;

/**
 * A one-line description built only from structured facts (tier, content
 * type, labels, match count, size), so it can never carry content.
 *
 * @param record - the quarantine record
 * @returns e.g. `HIGH-risk POST (412 bytes) held for SECRET_AWS_KEY, PII_EMAIL; 3 redacted matches`
 */
export function summarize(record: QuarantineRecord): string {
  const kind = record.contentType ?? 'content';
  const shown = record.labels.slice(0, MAX_LABELS_IN_SUMMARY);
  const more = record.labels.length - shown.length;
  const labels =
    shown.length === 0 ? 'no labels' : `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  const n = record.matches.length;
  const matches = `${n} redacted match${n === 1 ? '' : 'es'}`;
  return `${record.tier}-risk ${kind} (${record.sizeBytes} bytes) held for ${labels}; ${matches}`;
}

/**
 * Maps a record to an {@link Envelope}. Plugin results are left out: they
 * may carry scores, which stay internal (STYLE.md §4).
 *
 * @param record - the quarantine record
 * @returns a plain, content-free envelope
 */
export function toEnvelope(record: QuarantineRecord): Envelope {
  return {
    id: record.id,
    status: record.status,
    version: record.version,
    tier: record.tier,
    labels: [...record.labels],
    matches: record.matches.map((m) => ({ label: m.label, redacted: m.redacted })),
    summary: summarize(record),
    contentType: record.contentType,
    sourceId: record.sourceId,
    sizeBytes: record.sizeBytes,
    quarantinedAt: record.createdAt.toISOString(),
    expiresAt: record.expiresAt.toISOString(),
  };
}
