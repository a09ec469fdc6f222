import { describe, expect, it } from 'vitest';
import { llmGuardConfigFromEnv } from './config-from-env.js';
import { createLLMGuard } from './create-llm-guard.js';

describe('llmGuardConfigFromEnv', () => {
  it('reads the documented variables; without a bucket nothing is kept', () => {
    const config = llmGuardConfigFromEnv({
      LLM_API_URL: 'http://127.0.0.1:9/v1/chat/completions',
      LLM_API_KEY: 'secret-key',
      LLM_PROVIDER: 'openai-compatible',
      LLM_MODEL: 'llama',
      LLM_DATA_USAGE: 'none',
      LLM_CONTEXT_MAX_CHARS: '2000',
    });
    expect(config).toEqual({
      provider: {
        kind: 'openai-compatible',
        model: 'llama',
        url: 'http://127.0.0.1:9/v1/chat/completions',
        apiKey: 'secret-key',
      },
      dataUsage: 'none',
      limits: { contextMaxChars: 2000 },
    });
    expect(() => createLLMGuard(config)).not.toThrow();
  });

  it('keeps with KMS when OBJECT_STORE_BUCKET and KMS_KEY_ID are set, AES256 without a key id', () => {
    const env = {
      LLM_MODEL: 'm',
      LLM_DATA_USAGE: 'none',
      OBJECT_STORE_BUCKET: 'b',
      S3_PREFIX: 'p',
      KMS_KEY_ID: 'alias/k',
      LLM_RETENTION_DAYS: '7',
    };
    expect(llmGuardConfigFromEnv(env).keep).toEqual({
      bucket: 'b',
      prefix: 'p',
      serverSideEncryption: { type: 'aws:kms', kmsKeyId: 'alias/k' },
      retentionDays: 7,
    });
    expect(llmGuardConfigFromEnv({ ...env, KMS_KEY_ID: '' }).keep?.serverSideEncryption).toEqual({
      type: 'AES256',
    });
  });

  it('fails closed when LLM_DATA_USAGE is missing', () => {
    expect(() => createLLMGuard(llmGuardConfigFromEnv({ LLM_MODEL: 'm' }))).toThrowError(
      expect.objectContaining({ code: 'LLM_GUARD_VENDOR_CONTRACT_VIOLATION' }),
    );
  });

  it('names a malformed number', () => {
    expect(() => llmGuardConfigFromEnv({ LLM_CONTEXT_MAX_CHARS: '3k' })).toThrowError(
      expect.objectContaining({ code: 'LLM_GUARD_INVALID_CONFIG', field: 'LLM_CONTEXT_MAX_CHARS' }),
    );
  });
});
