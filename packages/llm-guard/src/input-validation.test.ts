import { useFakeLLMVendor } from '@clawexchange/test-utils';
import { describe, expect, it } from 'vitest';
import { createLLMGuard } from './create-llm-guard.js';
import type { CallInput } from './types.js';

const vendor = useFakeLLMVendor();

const guard = () =>
  createLLMGuard({
    provider: { kind: 'openai', url: vendor().openAiUrl, model: 'm', maxRetries: 0 },
    dataUsage: 'none',
  });
const good: CallInput = {
  task: 't',
  schema: { type: 'object' },
  page: { a: 'text' },
  selectors: [{ name: 'a' }],
  runId: 'r',
};

describe('call() arguments', () => {
  it.each([
    ['input', 'not an object'],
    ['input.task', { ...good, task: '' }],
    ['input.runId', { ...good, runId: 3 }],
    ['input.page', { ...good, page: [] }],
    ['input.selectors', { ...good, selectors: [] }],
    ['input.selectors[0].name', { ...good, selectors: [{ name: '' }] }],
    ['input.selectors[0].field', { ...good, selectors: [{ field: 'a' }] }],
    ['input.schema', { ...good, schema: 'x' }],
    ['input.schema', { ...good, schema: { type: 'no-such-type' } }],
    ['input.prompt', { ...good, prompt: 'x' }],
  ])('names %s, before any I/O', async (field, input) => {
    await expect(guard().call(input as CallInput)).rejects.toMatchObject({
      code: 'LLM_GUARD_INVALID_INPUT',
      field,
    });
    expect(vendor().requests).toHaveLength(0);
  });

  it('stream() refuses a schema (it streams text)', async () => {
    const it = guard()
      .stream(good as never)
      [Symbol.asyncIterator]();
    await expect(it.next()).rejects.toMatchObject({
      code: 'LLM_GUARD_INVALID_INPUT',
      field: 'input.schema',
    });
  });
});

describe('broken vendor answers', () => {
  it('a non-wire-format answer is VENDOR_RESPONSE_INVALID', async () => {
    vendor().enqueue({ kind: 'status', status: 200, body: '{"unexpected":true}' });
    await expect(guard().call(good)).rejects.toMatchObject({
      code: 'LLM_GUARD_VENDOR_RESPONSE_INVALID',
    });
    vendor().enqueue({ kind: 'status', status: 200, body: 'not json' });
    await expect(guard().call(good)).rejects.toMatchObject({
      code: 'LLM_GUARD_VENDOR_RESPONSE_INVALID',
    });
  });

  it('an error event in the stream is VENDOR_RESPONSE_INVALID', async () => {
    vendor().enqueue({
      kind: 'status',
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
      body: 'data: {"error":{"message":"x"}}\n\n',
    });
    const read = async () => {
      for await (const _ of guard().stream({
        task: 't',
        page: { a: 'text' },
        selectors: [{ name: 'a' }],
        runId: 'r',
      })) {
        // drain
      }
    };
    await expect(read()).rejects.toMatchObject({ code: 'LLM_GUARD_VENDOR_RESPONSE_INVALID' });
  });

  it("the caller's abort is ABORTED", async () => {
    vendor().enqueue({ kind: 'hang' });
    const controller = new AbortController();
    const pending = guard().call({ ...good, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ code: 'LLM_GUARD_ABORTED' });
  });
});
