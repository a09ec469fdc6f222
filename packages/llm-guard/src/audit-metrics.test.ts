import { inspect } from 'node:util';
import { METRIC_NAME_PATTERN } from '@clawexchange/ssg/common';
import { type FakeLLMVendor, startFakeLLMVendor } from '@clawexchange/test-utils';
import type { Meter } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLLMGuard } from './create-llm-guard.js';
import { LLM_GUARD_METRIC_NAMES } from './internal/metrics.js';

const EMAIL = 'canary.person@example.org';
let vendor: FakeLLMVendor;
beforeAll(async () => {
  vendor = await startFakeLLMVendor();
});
afterAll(async () => {
  await vendor.close();
});

type Recorded = { name: string; value: number; attrs: Record<string, unknown> };
function recordingMeter(out: Recorded[]): Meter {
  const instrument = (name: string) => ({
    add: (value: number, attrs: Record<string, unknown> = {}) => out.push({ name, value, attrs }),
    record: (value: number, attrs: Record<string, unknown> = {}) =>
      out.push({ name, value, attrs }),
  });
  return { createCounter: instrument, createHistogram: instrument } as unknown as Meter;
}

function make(extra: Record<string, unknown>) {
  return createLLMGuard({
    provider: { kind: 'openai', url: vendor.openAiUrl, model: 'm', maxRetries: 0 },
    dataUsage: 'none',
    ...extra,
  });
}
const input = () => ({
  task: 'Classify',
  schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
  page: { body: `write to ${EMAIL}` },
  selectors: [{ name: 'body' }],
  runId: 'raw-run-id-1',
});

describe('audit and metrics', () => {
  it('names every metric in the family scheme', () => {
    for (const name of LLM_GUARD_METRIC_NAMES) expect(name).toMatch(METRIC_NAME_PATTERN);
  });

  it('audits calls and refusals with sizes, codes and hashes, never text; counts them', async () => {
    const events: unknown[] = [];
    const recorded: Recorded[] = [];
    const guard = make({
      audit: { log: async (e: unknown) => events.push(e) },
      meter: recordingMeter(recorded),
      limits: { contextMaxChars: 10 },
    });
    await expect(guard.call(input())).rejects.toMatchObject({
      code: 'LLM_GUARD_CONTEXT_LIMIT_EXCEEDED',
    });
    const ok = make({
      audit: { log: async (e: unknown) => events.push(e) },
      meter: recordingMeter(recorded),
    });
    vendor.enqueue({ kind: 'answer', text: '{"ok":true}' });
    await ok.call(input());
    expect(events).toMatchObject([
      {
        eventType: 'LLM_CALL_REFUSED',
        actorType: 'system',
        metadata: { code: 'LLM_GUARD_CONTEXT_LIMIT_EXCEEDED', provider: 'openai' },
      },
      {
        eventType: 'LLM_CALL',
        targetType: 'llm_run',
        metadata: { snippetCount: 1, redactionCount: 1, attempts: 1 },
      },
    ]);
    const dump = JSON.stringify(events) + JSON.stringify(recorded);
    for (const secret of [EMAIL, 'raw-run-id-1', 'Classify']) expect(dump).not.toContain(secret);
    expect(
      recorded.filter((r) => r.name === 'clawexchange.llm_guard.calls').map((r) => r.attrs.outcome),
    ).toEqual(['refused', 'ok']);
    expect(recorded.find((r) => r.name === 'clawexchange.llm_guard.redactions')?.value).toBe(1);
  });

  it("onAuditFailure 'reject' fails the call; 'continue' logs the code and counts it", async () => {
    const failing = { log: async () => Promise.reject(new Error(`db down ${EMAIL}`)) };
    vendor.enqueue(
      { kind: 'answer', text: '{"ok":true}' },
      { kind: 'answer', text: '{"ok":true}' },
    );
    await expect(make({ audit: failing }).call(input())).rejects.toMatchObject({
      code: 'LLM_GUARD_AUDIT_FAILED',
    });
    const lines: string[] = [];
    const log = (fields: unknown, msg: string) => lines.push(msg + JSON.stringify(fields));
    const recorded: Recorded[] = [];
    const guard = make({
      audit: failing,
      onAuditFailure: 'continue',
      logger: { debug: log, info: log, warn: log, error: log },
      meter: recordingMeter(recorded),
    });
    await expect(guard.call(input())).resolves.toMatchObject({ output: { ok: true } });
    expect(lines.join('\n')).toContain('LLM_GUARD_AUDIT_FAILED');
    expect(lines.join('\n') + inspect(recorded)).not.toContain(EMAIL);
    expect(recorded.some((r) => r.name === 'clawexchange.llm_guard.audit_failures')).toBe(true);
  });
});
