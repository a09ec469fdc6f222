/**
 * Metrics through a recording OpenTelemetry meter: decisions by actor type,
 * action and reason; queue depth and oldest age observed from the quarantine.
 */
import type { Meter } from '@opentelemetry/api';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hold, startWorld, type World } from './setup.js';

type Added = { name: string; value: number; attrs: Record<string, unknown> | undefined };

function recordingMeter() {
  const added: Added[] = [];
  const callbacks: ((r: {
    observe: (i: { name: string }, v: number) => void;
  }) => Promise<void> | void)[] = [];
  const names: string[] = [];
  const counter = (name: string) => {
    names.push(name);
    return {
      add: (value: number, attrs?: Record<string, unknown>) => added.push({ name, value, attrs }),
    };
  };
  const gauge = (name: string) => {
    names.push(name);
    return { name };
  };
  const meter = {
    createCounter: counter,
    createObservableGauge: gauge,
    addBatchObservableCallback: (cb: (typeof callbacks)[number]) => callbacks.push(cb),
  } as unknown as Meter;
  async function collect(): Promise<Record<string, number>> {
    const seen: Record<string, number> = {};
    for (const cb of callbacks) {
      const result = {
        observe: (i: { name: string }, v: number) => {
          seen[i.name] = v;
        },
      };
      await cb(result);
    }
    return seen;
  }
  return { meter, added, names, collect };
}

let w: World;
const rec = recordingMeter();

beforeAll(async () => {
  w = await startWorld({ router: { meter: rec.meter } });
});
afterAll(async () => {
  await w?.close();
});

describe('metrics', () => {
  it('uses clawexchange.moderation.* names', () => {
    expect(rec.names.sort()).toEqual([
      'clawexchange.moderation.content.views',
      'clawexchange.moderation.decisions',
      'clawexchange.moderation.publish.failures',
      'clawexchange.moderation.queue.depth',
      'clawexchange.moderation.queue.oldest_age',
    ]);
  });

  it('observes queue depth and the oldest item age on the injected clock', async () => {
    await hold(w, 'one');
    w.clock.advance(90_000);
    await hold(w, 'two');
    w.clock.advance(30_000);
    const seen = await rec.collect();
    expect(seen['clawexchange.moderation.queue.depth']).toBe(2);
    expect(seen['clawexchange.moderation.queue.oldest_age']).toBe(120);
  });

  it('counts decisions by actor type, action and reason', async () => {
    const id = await hold(w, 'three', { tier: 'HIGH' });
    await request(w.url)
      .post(`${w.mount}/bot/action`)
      .set('Authorization', `Bearer ${w.tokens.actor}`)
      .send({ quarantineId: id, action: 'release', confidence: 1, reason: 'FALSE_POSITIVE' })
      .expect(200);
    expect(rec.added).toContainEqual({
      name: 'clawexchange.moderation.decisions',
      value: 1,
      attrs: { actor_type: 'bot', action: 'escalate', reason: 'FALSE_POSITIVE' },
    });
  });
});
