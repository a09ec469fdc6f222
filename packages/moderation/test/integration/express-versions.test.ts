/**
 * The router under Express 4, and behind a host's own `express.json()`.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, canary, hold, startWorld, type World } from './setup.js';

describe.each([
  { expressVersion: 4 as const, hostJsonParser: false },
  { expressVersion: 4 as const, hostJsonParser: true },
  { expressVersion: 5 as const, hostJsonParser: true },
])('express $expressVersion, host JSON parser: $hostJsonParser', (opts) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(opts);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('serves the queue, applies a bot action and refuses bad input the same way', async () => {
    const text = canary();
    const id = await hold(w, text);
    const auth = { Authorization: `Bearer ${w.tokens.actor}` };
    const q = await request(w.url).get(`${w.mount}/bot/queue?tier=LOW`).set(auth);
    expect(q.status).toBe(200);
    expect(q.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const bad = await request(w.url)
      .post(`${w.mount}/bot/action`)
      .set(auth)
      .send({ quarantineId: id, action: 'release', confidence: 7, reason: 'FALSE_POSITIVE' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'MODERATION_INVALID_INPUT', field: 'confidence' });
    const ok = await request(w.url)
      .post(`${w.mount}/bot/action`)
      .set(auth)
      .send({ quarantineId: id, action: 'release', confidence: 0.95, reason: 'FALSE_POSITIVE' });
    expect(ok.status).toBe(200);
    expect(w.published.map((p) => p.content)).toEqual([text]);
    expect((await auditRows(w, id)).map((r) => r.eventType)).toEqual(['BOT_RELEASE']);
  });

  it('malformed JSON: our body when we read it, the host parser answers 400 when it reads it', async () => {
    const r = await request(w.url)
      .post(`${w.mount}/bot/action`)
      .set({ Authorization: `Bearer ${w.tokens.actor}`, 'Content-Type': 'application/json' })
      .send('{nope');
    expect(r.status).toBe(400);
    if (opts.hostJsonParser) expect(r.body.error?.code).toBeUndefined();
    else expect(r.body.error.code).toBe('MODERATION_MALFORMED_BODY');
  });
});
