/**
 * Audit events of the guard: sizes, counts, codes and hashes; never text.
 * A failed write rejects the operation or is logged, per `onAuditFailure`.
 */
import { LLMGuardError, LLMGuardErrorCode } from '../errors.js';
import type { LLMGuardAuditEventType } from '../types.js';
import type { LLMGuardMetrics } from './metrics.js';
import type { ResolvedConfig } from './resolve-config.js';

/** Writes one event through the configured sink (no-op without one). */
export type AuditWriter = (event: {
  readonly eventType: LLMGuardAuditEventType;
  readonly targetId?: string;
  readonly metadata: Readonly<Record<string, string | number | boolean | null>>;
}) => Promise<void>;

/**
 * Creates the audit writer.
 *
 * @param config - the resolved config (sink, failure policy, logger)
 * @param metrics - where failed writes are counted
 * @returns the writer
 */
export function createAuditWriter(
  config: Pick<ResolvedConfig, 'audit' | 'onAuditFailure' | 'logger'>,
  metrics: Pick<LLMGuardMetrics, 'auditFailures'>,
): AuditWriter {
  return async (event) => {
    if (config.audit === undefined) return;
    try {
      await config.audit.log({
        eventType: event.eventType,
        actorId: 'llm-guard',
        actorType: 'system',
        ...(event.targetId === undefined
          ? {}
          : { targetId: event.targetId, targetType: 'llm_run' }),
        metadata: event.metadata,
      });
    } catch (cause) {
      metrics.auditFailures.add(1, { eventType: event.eventType });
      if (config.onAuditFailure === 'reject') {
        throw new LLMGuardError(LLMGuardErrorCode.AUDIT_FAILED, 'llm-guard: audit write failed', {
          cause,
        });
      }
      config.logger.error(
        { eventType: event.eventType, code: LLMGuardErrorCode.AUDIT_FAILED },
        'llm-guard: audit write failed',
      );
    }
  };
}
