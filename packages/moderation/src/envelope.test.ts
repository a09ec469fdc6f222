import type { QuarantineRecord } from '@clawexchange/quarantine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize, toEnvelope } from './envelope.js';

const record = (over: Partial<QuarantineRecord> = {}): QuarantineRecord => ({
  id: '3f2b8c1e-8d4a-4c51-9a0e-2b7d5f9c1a22',
  status: 'QUARANTINED',
  tier: 'HIGH',
  labels: ['SECRET_AWS_KEY'],
  matches: [{ label: 'SECRET_AWS_KEY', redacted: 'AKIA****' }],
  pluginResults: [{ pluginId: 'secrets', score: 0.97 }],
  contentType: 'POST',
  sourceId: 'post-1',
  agentId: 'agent-1',
  s3Key: 'quarantine/x',
  sizeBytes: 120,
  createdAt: new Date('2026-12-01T00:00:00.000Z'),
  expiresAt: new Date('2026-12-04T00:00:00.000Z'),
  reviewedBy: null,
  reviewedAt: null,
  notes: 'private reviewer note',
  version: 1,
  ...over,
});

describe('envelopes', () => {
  it('summarize names tier, type, size, labels and match count', () => {
    expect(summarize(record())).toBe(
      'HIGH-risk POST (120 bytes) held for SECRET_AWS_KEY; 1 redacted match',
    );
    expect(summarize(record({ contentType: null, labels: [], matches: [] }))).toBe(
      'HIGH-risk content (120 bytes) held for no labels; 0 redacted matches',
    );
    const many = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    expect(summarize(record({ labels: many }))).toContain('A, B, C, D, E and 2 more');
  });

  it('leave out plugin results (scores), agent id, object key and notes', () => {
    const env = toEnvelope(record());
    const text = JSON.stringify(env);
    for (const hidden of ['score', '0.97', 'agent-1', 'quarantine/x', 'private reviewer note']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('are built from structured fields only: no field of the record outside them reaches the summary', () => {
    fc.assert(
      fc.property(fc.string(), (secret) => {
        fc.pre(secret.length > 3);
        const env = toEnvelope(record({ notes: secret, agentId: secret, s3Key: secret }));
        expect(env.summary).not.toContain(secret);
      }),
    );
  });
});
