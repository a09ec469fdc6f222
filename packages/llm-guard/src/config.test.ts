import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { LLMGuardConfig } from './config.js';
import { createLLMGuard } from './create-llm-guard.js';

const base: LLMGuardConfig = { provider: { kind: 'openai', model: 'm' }, dataUsage: 'none' };
const db = {} as NonNullable<LLMGuardConfig['database']>;
const keep = { bucket: 'b', serverSideEncryption: { type: 'AES256' } } as const;

function fieldOf(config: unknown): string | undefined {
  try {
    createLLMGuard(config as LLMGuardConfig);
  } catch (e) {
    expect((e as { code?: string }).code).toBe('LLM_GUARD_INVALID_CONFIG');
    return (e as { field?: string }).field;
  }
  return undefined;
}

describe('createLLMGuard config validation (before any I/O)', () => {
  it.each([
    ['provider.kind', { ...base, provider: { kind: 'cohere', model: 'm' } }],
    ['provider.model', { ...base, provider: { kind: 'openai', model: '' } }],
    ['provider.url', { ...base, provider: { kind: 'openai-compatible', model: 'm' } }],
    [
      'provider.url',
      { ...base, provider: { kind: 'openai', model: 'm', url: 'https://user:pw@api.example/v1' } },
    ],
    [
      'provider.url',
      { ...base, provider: { kind: 'openai', model: 'm', url: 'ftp://api.example/' } },
    ],
    ['provider.timeoutMs', { ...base, provider: { kind: 'openai', model: 'm', timeoutMs: 0 } }],
    ['dataUsage', { ...base, dataUsage: 'nothing' }],
    ['dataUsage.gemini', { ...base, dataUsage: { openai: 'none', gemini: 'none' } }],
    ['limits.contextMaxChars', { ...base, limits: { contextMaxChars: 1.5 } }],
    ['redaction.runIdKey', { ...base, redaction: { runIdKey: 'short' } }],
    ['redaction.restoreInLinks', { ...base, redaction: { restoreInLinks: 'EMAIL' } }],
    ['database', { ...base, keep }],
    [
      'keep.serverSideEncryption.kmsKeyId',
      { ...base, database: db, keep: { ...keep, serverSideEncryption: { type: 'aws:kms' } } },
    ],
    [
      'keep.serverSideEncryption.type',
      { ...base, database: db, keep: { ...keep, serverSideEncryption: { type: 'none' } } },
    ],
    ['keep.prefix', { ...base, database: db, keep: { ...keep, prefix: '/abs/' } }],
    ['keep.retentionDays', { ...base, database: db, keep: { ...keep, retentionDays: 0 } }],
    ['onAuditFailure', { ...base, onAuditFailure: 'ignore' }],
    ['audit', { ...base, audit: {} }],
    ['fetch', { ...base, fetch: 'x' }],
    ['kmsKeyId', { ...base, kmsKeyId: 'k' }],
  ])('names %s', (field, config) => {
    expect(fieldOf(config)).toBe(field);
  });

  it('accepts a guard without keep (nothing kept) and keep with a database', () => {
    expect(fieldOf(base)).toBeUndefined();
    expect(fieldOf({ ...base, database: db, keep })).toBeUndefined();
  });

  it('config errors never echo the values given', () => {
    const secretUrl = 'https://user:hunter2-secret@api.example/v1';
    try {
      createLLMGuard({ ...base, provider: { kind: 'openai', model: 'm', url: secretUrl } });
    } catch (e) {
      expect(`${inspect(e)}${JSON.stringify(e)}`).not.toContain('hunter2-secret');
    }
  });
});
