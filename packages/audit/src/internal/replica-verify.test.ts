import { noopLogger } from '@clawexchange/ssg/common';
import fc from 'fast-check';
import type { Sequelize } from 'sequelize';
import { describe, expect, it } from 'vitest';
import type { AuditCheckpoint } from '../types.js';
import { decideOnReplica, withReplicaReport } from './replica-verify.js';

/** A primary that answers the head query with `seq` (or fails when null). */
function primaryAt(seq: number | null): Sequelize {
  return {
    query: async () => {
      if (seq === null) throw new Error('connection refused');
      return [[{ seq: String(seq), lag: '128' }], {}];
    },
  } as unknown as Sequelize;
}

function checkpointAt(seq: number): AuditCheckpoint {
  return {
    version: 1,
    seq,
    hash: 'a'.repeat(64),
    createdAt: '2026-12-01T00:00:00.000Z',
    algorithm: 'hmac-sha256',
    keyId: null,
    signature: 'sig',
  };
}

const standby = { replayLsn: '0/3000000', replayedAtMs: Date.UTC(2026, 11, 1) };

/** regression: issue 16 */
describe('verify on a replica: lag versus tampering', () => {
  it('never drops a checkpoint the replica has, nor one the primary has lost', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(1000),
        fc.nat(1000),
        fc.option(fc.nat(1000), { nil: null }),
        async (headSeq, cpSeq, primarySeq) => {
          const checkpoint = checkpointAt(cpSeq);
          const decision = await decideOnReplica({
            primary: primaryAt(primarySeq),
            logger: noopLogger,
            snapshot: { headSeq, standby },
            checkpoint,
          });
          const lag = cpSeq > headSeq && (primarySeq === null || primarySeq >= cpSeq);
          // Dropped (and named) exactly when the replica is merely behind the checkpoint.
          expect(decision.checkpoint).toBe(lag ? undefined : checkpoint);
          expect(decision.report.checkpointNotReached).toBe(lag ? cpSeq : undefined);
          expect(decision.report).toMatchObject({ headSeq, primaryHeadSeq: primarySeq });
          expect(decision.report.lagBytes).toBe(primarySeq === null ? null : 128);
        },
      ),
    );
  });

  it('turns an intact walk into tail_missing when the primary is behind the replica', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(1000), fc.nat(1000), async (headSeq, primarySeq) => {
        const decision = await decideOnReplica({
          primary: primaryAt(primarySeq),
          logger: noopLogger,
          snapshot: { headSeq, standby },
          checkpoint: undefined,
        });
        const walked = { ok: true, checked: headSeq, lastSeq: headSeq, lastHash: 'h' } as const;
        const result = withReplicaReport(walked, decision);
        if (primarySeq < headSeq) {
          expect(result).toMatchObject({
            ok: false,
            break: { kind: 'tail_missing', expectedSeq: primarySeq + 1, foundSeq: null },
          });
        } else {
          expect(result).toMatchObject({ ok: true, checked: headSeq });
        }
        expect(result.replica?.headSeq).toBe(headSeq);
      }),
    );
  });

  it('keeps going without the primary, saying it could not ask', async () => {
    const warnings: string[] = [];
    const logger = { ...noopLogger, warn: (_f: unknown, msg: string) => void warnings.push(msg) };
    const decision = await decideOnReplica({
      primary: primaryAt(null),
      logger,
      snapshot: { headSeq: 5, standby },
      checkpoint: undefined,
    });
    expect(decision.report).toMatchObject({ headSeq: 5, primaryHeadSeq: null, lagBytes: null });
    expect(decision.report.replayedAt?.getTime()).toBe(standby.replayedAtMs);
    expect(warnings).toHaveLength(1);
    expect(warnings.join(' ')).not.toContain('connection refused');
  });
});
