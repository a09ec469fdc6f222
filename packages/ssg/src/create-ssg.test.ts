import assert from 'node:assert';
import { describe, expect, it } from 'vitest';
import { createSSG } from './create-ssg.js';
import { isSSGError } from './errors.js';
import { createPipeline, validateConfig } from './internal/index.js';
import {
  fixedPlugin,
  memoryAudit,
  memoryQuarantine,
  recordingMeter,
  rejection,
  testPlugin,
} from './internal/test-doubles.js';

describe('createSSG: the deployment guide calls', () => {
  it('works exactly as written, with and without sinks', async () => {
    const quarantine = memoryQuarantine();
    const audit = memoryAudit();
    for (const config of [
      { plugins: [testPlugin], quarantine, audit },
      { plugins: [testPlugin], quarantine: undefined, audit: undefined },
    ]) {
      const ssg = createSSG(config);
      const result = await ssg.inspect({ text: 'test', contentType: 'POST' });
      assert(result.tier === 'CLEAR');
      expect(typeof ssg.middleware()).toBe('function');
    }
  });

  it('exposes no score and no per-plugin numbers in the result', async () => {
    const ssg = createSSG({ plugins: [testPlugin] });
    const result = await ssg.inspect({ text: 'cheap pills', contentType: 'COMMENT' });
    expect(Object.keys(result).sort()).toEqual(
      [
        'audit',
        'degraded',
        'dryRun',
        'labels',
        'matches',
        'tier',
        'verdict',
        'wouldVerdict',
      ].sort(),
    );
    expect(JSON.stringify(result)).not.toMatch(/score/i);
  });

  it('rejects invalid envelopes with SSG_INVALID_INPUT naming the field', async () => {
    const ssg = createSSG({ plugins: [testPlugin] });
    const cases: [unknown, string][] = [
      [null, 'envelope'],
      [{ contentType: 'POST' }, 'text'],
      [{ text: 'x', contentType: '' }, 'contentType'],
      [{ text: 'x', contentType: 'POST', category: 1 }, 'category'],
      [{ text: 'x', contentType: 'POST', metadata: 'm' }, 'metadata'],
      [{ text: 'x', contentType: 'POST', metadata: { agentId: 7 } }, 'metadata.agentId'],
      [{ text: 'x', contentType: 'P'.repeat(65) }, 'contentType'],
      [
        { text: 'x', contentType: 'POST', metadata: { sourceId: 's'.repeat(257) } },
        'metadata.sourceId',
      ],
    ];
    for (const [envelope, field] of cases) {
      const error = await rejection(ssg.inspect(envelope as never));
      expect(isSSGError(error) && [error.code, error.field]).toEqual(['SSG_INVALID_INPUT', field]);
    }
  });

  it('accepts content types beyond POST/COMMENT', async () => {
    const ssg = createSSG({ plugins: [testPlugin] });
    expect((await ssg.inspect({ text: 'hi', contentType: 'MESSAGE' })).verdict).toBe('PASS');
  });
});

describe('verdicts with quarantine and audit sinks', () => {
  const setup = (extra: Record<string, unknown> = {}) => {
    const quarantine = memoryQuarantine();
    const audit = memoryAudit();
    const ssg = createSSG({ plugins: [testPlugin], quarantine, audit, ...extra });
    return { ssg, quarantine, audit };
  };
  const metadata = { agentId: 'agent-7', sourceId: 'post-1', ipAddress: '10.0.0.1' };

  it.each([
    ['hello', 'PASS', 'CLEAR', 'SSG_PASS'],
    ['cheap pills', 'WARN', 'MODERATE', 'SSG_WARN'],
    ['hold me', 'QUARANTINE', 'HIGH', 'SSG_QUARANTINE'],
    ['drop table', 'BLOCK', 'CRITICAL', 'SSG_BLOCK'],
  ])('%s → %s (%s), audited as %s', async (text, verdict, tier, eventType) => {
    const { ssg, audit, quarantine } = setup();
    const result = await ssg.inspect({ text, contentType: 'POST', metadata });
    expect(result).toMatchObject({ verdict, tier, wouldVerdict: verdict, audit: 'LOGGED' });
    expect(audit.events).toHaveLength(1);
    const event = audit.events[0];
    expect(event).toMatchObject({
      eventType,
      actorId: 'agent-7',
      actorType: 'agent',
      ipAddress: '10.0.0.1',
    });
    expect(event?.metadata).toMatchObject({ tier, contentType: 'POST', sourceId: 'post-1' });
    expect(JSON.stringify(event)).not.toContain(text);
    expect(quarantine.records.size).toBe(verdict === 'QUARANTINE' ? 1 : 0);
  });

  it('stores QUARANTINE content, returns and audits the record id', async () => {
    const { ssg, audit, quarantine } = setup();
    const result = await ssg.inspect({ text: 'please hold me', contentType: 'POST', metadata });
    expect(result.quarantineId).toBe('q-1');
    expect(quarantine.records.get('q-1')).toMatchObject({
      content: 'please hold me',
      metadata: { tier: 'HIGH', labels: ['SUSPICIOUS'], sourceId: 'post-1', agentId: 'agent-7' },
    });
    expect(audit.events[0]).toMatchObject({
      targetId: 'q-1',
      targetType: 'quarantine_record',
      metadata: { quarantineId: 'q-1' },
    });
  });

  it('audits per-plugin scores and durations, and uses the content source as target', async () => {
    let t = 0;
    const { ssg, audit } = setup({ now: () => (t += 2) });
    await ssg.inspect({ text: 'cheap pills', contentType: 'POST', metadata });
    expect(audit.events[0]).toMatchObject({ targetId: 'post-1', targetType: 'content' });
    expect(audit.events[0]?.metadata).toMatchObject({
      labels: ['SPAM'],
      plugins: [{ pluginId: 'keywords', status: 'ok', score: 45, durationMs: 2 }],
      matchCount: 1,
    });
  });

  it('bounds the labels of an audit event so it stays small', async () => {
    const many = fixedPlugin('many', {
      score: 10,
      labels: Array.from({ length: 120 }, (_, i) => `LABEL_${i}_${'X'.repeat(200)}`),
    });
    const audit = memoryAudit();
    const ssg = createSSG({ plugins: [many], audit });
    const result = await ssg.inspect({ text: 'x', contentType: 'POST' });
    expect(result.labels).toHaveLength(120);
    const meta = audit.events[0]?.metadata as { labels: string[]; labelsOmitted: number };
    expect(meta.labels).toHaveLength(50);
    expect(meta.labelsOmitted).toBe(70);
    expect(meta.labels.every((l) => l.length <= 80)).toBe(true);
    expect(JSON.stringify(audit.events[0]).length).toBeLessThan(8192);
  });

  it("defaults the actor to 'anonymous' and honours actor options", async () => {
    const { ssg, audit } = setup();
    await ssg.inspect({ text: 'x', contentType: 'POST' });
    await ssg.inspect({ text: 'x', contentType: 'POST' }, { actorId: 'svc', actorType: 'system' });
    expect(audit.events.map((e) => [e.actorId, e.actorType])).toEqual([
      ['anonymous', 'agent'],
      ['svc', 'system'],
    ]);
  });

  it('without a quarantine sink, QUARANTINE becomes BLOCK labelled QUARANTINE_DISABLED', async () => {
    const audit = memoryAudit();
    const ssg = createSSG({ plugins: [testPlugin], quarantine: undefined, audit });
    const result = await ssg.inspect({ text: 'hold me', contentType: 'POST' });
    expect(result).toMatchObject({
      verdict: 'BLOCK',
      tier: 'HIGH',
      labels: ['SUSPICIOUS', 'QUARANTINE_DISABLED'],
    });
    expect(audit.events[0]?.eventType).toBe('SSG_BLOCK');
  });
});

describe('metrics and internals', () => {
  it('records latency and the verdict counter', async () => {
    const meter = recordingMeter();
    let t = 0;
    const ssg = createSSG({ plugins: [testPlugin], meter, now: () => (t += 3) });
    await ssg.inspect({ text: 'cheap pills', contentType: 'POST' });
    expect(
      meter.points.find((p) => p.name === 'clawexchange.ssg.inspection.duration'),
    ).toMatchObject({
      attributes: { verdict: 'WARN' },
    });
    expect(meter.points).toContainEqual({
      name: 'clawexchange.ssg.verdicts',
      value: 1,
      attributes: { verdict: 'WARN', tier: 'MODERATE', dry_run: false },
    });
  });

  it('keeps the combined score internal (reachable only through src/internal)', async () => {
    const pipeline = createPipeline(validateConfig({ plugins: [testPlugin] }));
    const { inspection, details } = await pipeline.run({
      text: 'cheap pills',
      contentType: 'POST',
    });
    expect(details.score).toBe(45);
    expect(details.plugins[0]).toMatchObject({ pluginId: 'keywords', score: 45 });
    expect('score' in inspection).toBe(false);
  });

  it('applies custom tiers', async () => {
    const ssg = createSSG({
      plugins: [testPlugin],
      tiers: [
        { tier: 'CLEAR', min: 0, max: 9 },
        { tier: 'LOW', min: 10, max: 49 },
        { tier: 'MODERATE', min: 50, max: 69 },
        { tier: 'HIGH', min: 70, max: 98 },
        { tier: 'CRITICAL', min: 99 },
      ],
      quarantine: memoryQuarantine(),
    });
    expect((await ssg.inspect({ text: 'cheap pills', contentType: 'POST' })).tier).toBe('LOW');
    expect((await ssg.inspect({ text: 'drop table', contentType: 'POST' })).verdict).toBe(
      'QUARANTINE',
    );
  });
});
