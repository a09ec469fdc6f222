import { describe, expect, it } from 'vitest';
import * as api from './index.js';
import * as migrations from './migrations/index.js';

describe('public surface', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ContextLimitError',
      'LLMGuardAuditEventType',
      'LLMGuardError',
      'LLMGuardErrorCode',
      'VendorContractError',
      'artifactKey',
      'createIamAuthSequelize',
      'createLLMGuard',
      'createS3ObjectStore',
      'isLLMGuardError',
      'llmGuardConfigFromEnv',
      'llmGuardMigrations',
      'llmJudgePlugin',
      'outputKey',
    ]);
  });

  it('the ./migrations subpath exports only the migrations', () => {
    expect(Object.keys(migrations).sort()).toEqual(['llmGuardMigrations']);
    expect(migrations.llmGuardMigrations).toBe(api.llmGuardMigrations);
  });

  it('names every step @clawexchange/llm-guard/NNNN-…', () => {
    const names = migrations.llmGuardMigrations.map((m) => m.name);
    expect(names).toEqual(['@clawexchange/llm-guard/0001-create-llm-runs']);
  });

  it('every error code is LLM_GUARD_*; the guard matches all three classes by name and code', () => {
    for (const code of Object.values(api.LLMGuardErrorCode))
      expect(code).toMatch(/^LLM_GUARD_[A-Z_]+$/);
    expect(api.isLLMGuardError(new api.VendorContractError('x'))).toBe(true);
    expect(api.isLLMGuardError(new api.ContextLimitError({ contextChars: 2, limitChars: 1 }))).toBe(
      true,
    );
    expect(api.isLLMGuardError({ name: 'LLMGuardError', code: 'LLM_GUARD_EGRESS_DENIED' })).toBe(
      true,
    );
    expect(api.isLLMGuardError({ name: 'LLMGuardError', code: 'OTHER' })).toBe(false);
    expect(api.isLLMGuardError(new Error('x'))).toBe(false);
  });
});
