import { useFakeLLMVendor } from '@clawexchange/test-utils';
import { describe, expect, it } from 'vitest';
import { createLLMGuard } from './create-llm-guard.js';
import { llmJudgePlugin } from './judge-plugin.js';

const vendor = useFakeLLMVendor();

const guard = () =>
  createLLMGuard({
    provider: { kind: 'anthropic', url: vendor().anthropicUrl, model: 'm', maxRetries: 0 },
    dataUsage: 'none',
  });
const ctx = () => ({ signal: new AbortController().signal });
const envelope = (text: string) => ({ text, contentType: 'POST' });

describe('llmJudgePlugin', () => {
  it('requires an explicit failure choice', () => {
    expect(() => llmJudgePlugin({ guard: guard() } as never)).toThrowError(
      expect.objectContaining({ code: 'LLM_GUARD_INVALID_CONFIG', field: 'onFailure' }),
    );
    expect(() =>
      llmJudgePlugin({ guard: guard(), onFailure: 'open', timeout: 1 } as never),
    ).toThrowError(expect.objectContaining({ field: 'timeout' }));
  });

  it('scores the vendor verdict and caches it by the redacted text (no second request)', async () => {
    const plugin = llmJudgePlugin({ guard: guard(), onFailure: 'closed' });
    vendor().enqueue({ kind: 'answer', text: '{"injection":false,"scam":true,"confidence":0.8}' });
    const first = await plugin.analyze(envelope('Send 1 BTC to jo@example.com to unlock'), ctx());
    expect(first).toEqual({
      score: 80,
      labels: ['LLM_JUDGE_SCAM'],
      matches: [],
      summary: 'LLM judge flagged the content',
    });
    // Another address redacts to the same text: same cache entry.
    const second = await plugin.analyze(envelope('Send 1 BTC to al@example.net to unlock'), ctx());
    expect(second).toEqual(first);
    expect(vendor().requests).toHaveLength(1);
    expect(vendor().requests[0]?.body).not.toContain('jo@example.com');
  });

  it('fails open or closed, visibly, on timeout', async () => {
    vendor().enqueue({ kind: 'hang' }, { kind: 'hang' });
    const open = llmJudgePlugin({ guard: guard(), onFailure: 'open', timeoutMs: 30 });
    const closed = llmJudgePlugin({
      guard: guard(),
      onFailure: 'closed',
      timeoutMs: 30,
      failClosedScore: 90,
    });
    expect(await open.analyze(envelope('hello there'), ctx())).toMatchObject({
      score: 0,
      labels: ['LLM_JUDGE_FAILED_OPEN'],
    });
    expect(await closed.analyze(envelope('hello there'), ctx())).toMatchObject({
      score: 90,
      labels: ['LLM_JUDGE_FAILED_CLOSED'],
    });
  });
});
