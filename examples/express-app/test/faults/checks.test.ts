/**
 * The fault suite's checks fail when a promise is broken: each is fed the
 * records of a run that broke it (no services needed).
 */
import { describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/compose.js';
import { createPostStore } from '../../src/posts.js';
import {
  answerProblems,
  auditProblems,
  errorBodyProblems,
  healthProblems,
  heldContentProblems,
  recoveryProblems,
} from './checks.js';
import type { HealthAnswer, LoadRecord } from './load.js';

function record(over: Partial<LoadRecord>): LoadRecord {
  const body = over.body ?? { id: 'p1', verdict: 'PASS', tier: 'CLEAR', labels: [] };
  return {
    n: 1,
    kind: 'clean',
    agentId: 'verified-t-1',
    text: 'hello',
    phase: 'fault',
    status: 201,
    contentType: 'application/json; charset=utf-8',
    rawBody: JSON.stringify(body),
    body,
    ...over,
  };
}

const error = (code: string) => ({ error: { code, message: 'the request could not be handled' } });

/** A pipeline stand-in: a gate that would hold everything, a store with one record, an audit trail. */
function fakePipeline(audit: { actorId: string; eventType: string }[], ok = true): Pipeline {
  return {
    probeSsg: { inspect: async () => ({ verdict: 'BLOCK', labels: ['QUARANTINE_DISABLED'] }) },
    quarantine: { read: async (id: string) => (id === 'q1' ? 'held text' : null) },
    audit: {
      query: async () => ({ records: audit, nextCursor: null }),
      verify: async () => ({ ok }),
    },
  } as unknown as Pipeline;
}

describe('fault suite checks', () => {
  it('flag a request without an answer, and a 500', () => {
    expect(answerProblems([record({ status: 0 }), record({ status: 500 })])).toHaveLength(2);
    expect(answerProblems([record({ status: 503, body: error('SSG_AUDIT_FAILED') })])).toEqual([]);
  });

  it('flag an error answer in HTML or with a stack frame', () => {
    const html = record({
      status: 500,
      contentType: 'text/html',
      rawBody: '<html>',
      body: undefined,
    });
    const stack = record({
      status: 503,
      body: error('X'),
      rawBody: `${JSON.stringify(error('X'))} at handler (/app/src/posts.ts:10:5)`,
    });
    expect(errorBodyProblems([html, stack])).toHaveLength(2);
  });

  it('flag held content published, a 202 that does not read back, and accept a 503', async () => {
    const posts = createPostStore();
    posts.publish({ kind: 'POST', agentId: 'a', text: 'leaked', verdict: 'PASS', tier: 'CLEAR' });
    const rig = { pipeline: fakePipeline([]), posts };
    const published = record({ kind: 'credential', text: 'leaked' });
    const lost = record({ kind: 'credential', status: 202, body: { quarantineId: 'q2' } });
    const kept = record({
      kind: 'credential',
      status: 202,
      text: 'held text',
      body: { quarantineId: 'q1' },
    });
    const refused = record({
      kind: 'injection',
      status: 503,
      body: error('SSG_QUARANTINE_FAILED'),
    });
    const problems = await heldContentProblems([published, lost, kept, refused], rig);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('content the gate holds');
    expect(problems[1]).toContain('does not read back');
  });

  it('flag an acknowledged request without its audit event, and a chain that does not verify', async () => {
    const acked = record({ agentId: 'verified-t-2' });
    const audited = record({ agentId: 'verified-t-3' });
    const trail = [{ actorId: 'verified-t-3', eventType: 'SSG_PASS' }];
    expect(await auditProblems([acked, audited], fakePipeline(trail))).toHaveLength(1);
    expect(await auditProblems([audited], fakePipeline(trail, false))).toHaveLength(1);
  });

  it('flag a failure after recovery, and health answers that miss the failing component', () => {
    expect(recoveryProblems([record({ status: 503, body: error('X') })])).toHaveLength(1);
    const health = (path: string, status: number, body: unknown): HealthAnswer => ({
      path,
      status,
      contentType: 'application/json',
      rawBody: JSON.stringify(body),
      body,
    });
    const silent = health('/readyz', 503, { status: 'fail', components: { s3: { status: 'ok' } } });
    expect(healthProblems([silent], 's3')).toHaveLength(1);
    expect(healthProblems([health('/livez', 503, { status: 'fail' })], undefined)).toHaveLength(1);
  });
});
