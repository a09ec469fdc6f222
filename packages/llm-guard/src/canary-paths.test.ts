import { useFakeLLMVendor } from '@clawexchange/test-utils';
import { describe, expect, it } from 'vitest';
import { createLLMGuard } from './create-llm-guard.js';
import { llmJudgePlugin } from './judge-plugin.js';

const AWS_KEY = 'AKIAQ7X3KZ2M4N5P6R8T';
const EMAIL = 'canary.person@example.org';
const PEM_BODY_START = 'MIIEowIBAAKCAQEAq7';
const PEM = [
  '-----BEGIN RSA PRIVATE KEY-----',
  `${PEM_BODY_START}${'Zq3d'.repeat(11)}`,
  ...Array.from(
    { length: 12 },
    () => 'Ab3dEf5hIj7lMn9pQr1tUv3xYz5bCd7fGh9jKl1nOp3rSt5vWx7zA9cE1gI3kM5',
  ),
  '-----END RSA PRIVATE KEY-----',
].join('\n');
const SCHEMA = { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] };

const vendor = useFakeLLMVendor();

const guard = () =>
  createLLMGuard({
    provider: { kind: 'openai', url: vendor().openAiUrl, model: 'm', maxRetries: 0 },
    dataUsage: 'none',
  });

function sent(): string {
  return vendor()
    .requests.map((r) => r.body)
    .join('\n');
}

describe('no canary reaches the vendor through odd paths', () => {
  /** regression: issue 14 */
  it('redacts a selector name (the field name is sent as a heading)', async () => {
    vendor().enqueue({ kind: 'answer', text: '{"ok":true}' });
    await guard().call({
      task: 't',
      schema: SCHEMA,
      page: { [EMAIL]: 'hello' },
      selectors: [{ name: EMAIL }],
      runId: 'r',
    });
    expect(vendor().requests).toHaveLength(1);
    expect(sent()).not.toContain(EMAIL);
    expect(sent()).toContain('[EMAIL#1]');
  });

  /** regression: issue 14 */
  it('redacts a field before cutting it: a private key longer than the snippet limit is not sent in part', async () => {
    expect(PEM.length).toBeGreaterThan(512);
    vendor().enqueue({ kind: 'answer', text: '{"ok":true}' });
    await guard().call({
      task: 't',
      schema: SCHEMA,
      page: { body: PEM },
      selectors: [{ name: 'body' }],
      runId: 'r',
    });
    expect(vendor().requests).toHaveLength(1);
    expect(sent()).not.toContain(PEM_BODY_START);
    expect(sent()).not.toContain('Ab3dEf5h');
  });

  /** regression: issue 14 */
  it.each([500, 504, 506, 510])(
    'the judge does not split a secret across its segments (key at offset %i)',
    async (offset) => {
      const text = `${'x '.repeat(offset / 2)}${AWS_KEY} and ${EMAIL}`;
      expect(text.indexOf(AWS_KEY)).toBe(offset);
      vendor().enqueue({
        kind: 'answer',
        text: '{"injection":false,"scam":false,"confidence":0.1}',
      });
      const plugin = llmJudgePlugin({ guard: guard(), onFailure: 'closed' });
      const result = await plugin.analyze(
        { text, contentType: 'POST' },
        { signal: new AbortController().signal },
      );
      expect(result.labels).toEqual([]);
      expect(vendor().requests).toHaveLength(1);
      expect(sent()).not.toContain(AWS_KEY.slice(0, 8));
      expect(sent()).not.toContain(AWS_KEY.slice(-8));
      expect(sent()).not.toContain('canary.person');
    },
  );
});
