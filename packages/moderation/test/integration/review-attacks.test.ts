/**
 * Red-team pass over the router (issue 15): what an outsider, another admin
 * or a careless client can send, over real HTTP against the real quarantine
 * and audit trail.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, canary, hold, startWorld, type World } from './setup.js';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.close();
});

const session = (who: string) => ({ Cookie: `sid=${who}` });

async function csrfFor(who: string): Promise<string> {
  const r = await request(w.url).get(`${w.mount}/human/csrf-token`).set(session(who));
  expect(r.status).toBe(200);
  return r.body.csrfToken as string;
}

describe('content tokens', () => {
  it('a content token granted before a release fails after it (410, no view audited)', async () => {
    const id = await hold(w, canary());
    const grant = await request(w.url)
      .post(`${w.mount}/human/content-access`)
      .set(session('alice'))
      .set('X-CSRF-Token', await csrfFor('alice'))
      .send({ quarantineId: id });
    expect(grant.status).toBe(200);
    const released = await request(w.url)
      .post(`${w.mount}/human/action`)
      .set(session('bob'))
      .set('X-CSRF-Token', await csrfFor('bob'))
      .send({ quarantineId: id, action: 'release', notes: 'fine' });
    expect(released.status).toBe(200);
    const after = await request(w.url).get(grant.body.url).set(session('alice'));
    expect(after.status).toBe(410);
    expect(after.body.error.code).toBe('MODERATION_TOKEN_REVOKED');
    expect((await auditRows(w, id)).map((r) => r.eventType)).toEqual(['HUMAN_RELEASE']);
  });
});

describe('CSRF', () => {
  it("one admin's CSRF token does not work for another admin's session", async () => {
    const id = await hold(w, canary());
    const r = await request(w.url)
      .post(`${w.mount}/human/action`)
      .set(session('bob'))
      .set('X-CSRF-Token', await csrfFor('alice'))
      .send({ quarantineId: id, action: 'delete', notes: 'x' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('MODERATION_CSRF_FAILED');
    expect((await w.quarantine.getMetadata(id))?.status).toBe('QUARANTINED');
  });

  /** regression: issue 15 */
  it("a token of the same admin's other session is refused (bound to the session)", async () => {
    const id = await hold(w, canary());
    const r = await request(w.url)
      .post(`${w.mount}/human/action`)
      .set(session('alice.two'))
      .set('X-CSRF-Token', await csrfFor('alice.one'))
      .send({ quarantineId: id, action: 'delete', notes: 'x' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('MODERATION_CSRF_FAILED');
    expect((await w.quarantine.getMetadata(id))?.status).toBe('QUARANTINED');
    expect(await auditRows(w, id)).toEqual([]);
  });

  /** regression: issue 15 */
  it('a token past its lifetime (injected clock) is refused with CSRF_EXPIRED; a fresh one works', async () => {
    const id = await hold(w, canary());
    const old = await csrfFor('alice');
    w.clock.advance(4 * 3_600_000 + 1);
    try {
      const expired = await request(w.url)
        .post(`${w.mount}/human/action`)
        .set(session('alice'))
        .set('X-CSRF-Token', old)
        .send({ quarantineId: id, action: 'delete', notes: 'x' });
      expect(expired.status).toBe(403);
      expect(expired.body.error.code).toBe('MODERATION_CSRF_EXPIRED');
      expect((await w.quarantine.getMetadata(id))?.status).toBe('QUARANTINED');
      expect(await auditRows(w, id)).toEqual([]);
      const fresh = await request(w.url)
        .post(`${w.mount}/human/action`)
        .set(session('alice'))
        .set('X-CSRF-Token', await csrfFor('alice'))
        .send({ quarantineId: id, action: 'delete', notes: 'x' });
      expect(fresh.status).toBe(200);
      expect((await auditRows(w, id)).map((row) => row.eventType)).toEqual(['HUMAN_DELETE']);
    } finally {
      w.clock.advance(-(4 * 3_600_000 + 1));
    }
  });
});

describe('bot auth scheme', () => {
  /** regression: issue 15 */
  it('accepts a lowercase `bearer` scheme', async () => {
    const r = await request(w.url)
      .get(`${w.mount}/bot/queue`)
      .set({ Authorization: `bearer ${w.tokens.actor}` });
    expect(r.status).toBe(200);
  });
});

describe('auth on the routes the matrix test does not list', () => {
  const id = '00000000-0000-4000-8000-000000000000';
  it.each([`/human/quarantine/${id}`, '/human/csrf-token'])('%s: 401, 403', async (path) => {
    const none = await request(w.url).get(`${w.mount}${path}`);
    expect(none.status).toBe(401);
    const member = await request(w.url).get(`${w.mount}${path}`).set(session('mallory'));
    expect(member.status).toBe(403);
    const bot = await request(w.url)
      .get(`${w.mount}${path}`)
      .set({ Authorization: `Bearer ${w.tokens.actor}` });
    expect(bot.status).toBe(403);
  });
});

describe('malformed ids and queries', () => {
  it.each([
    '/human/quarantine/%E0%A4%A',
    '/human/quarantine/..%2F..%2Fetc',
    `/human/quarantine/${'a'.repeat(5000)}`,
    '/human/quarantine/%00',
    '/human/quarantine/x/history',
    '/human/content/%E0%A4%A',
    `/human/content/${'t'.repeat(5000)}`,
    '/human/quarantine?tier=HIGH&tier=LOW',
    '/human/quarantine?limit=1e9',
    '/human/quarantine?limit=-1',
    '/human/quarantine?cursor=%7B%22a%22%3A1%7D',
    '/human/quarantine?status[]=RELEASED',
    '/human/quarantine?sourceId=%00',
  ])('%s: a 4xx with the family body, never a 5xx', async (path) => {
    const r = await request(w.url).get(`${w.mount}${path}`).set(session('alice'));
    expect(r.status, r.text.slice(0, 200)).toBeGreaterThanOrEqual(400);
    expect(r.status, r.text.slice(0, 200)).toBeLessThan(500);
    expect(r.body.error.code).toMatch(/^MODERATION_/);
  });
});

describe('races and pages', () => {
  it('two bots releasing the same record at once: one release, one 409, one publish, one audit row', async () => {
    const text = canary();
    const id = await hold(w, text);
    const before = w.published.length;
    const act = () =>
      request(w.url)
        .post(`${w.mount}/bot/action`)
        .set({ Authorization: `Bearer ${w.tokens.actor}` })
        .send({ quarantineId: id, action: 'release', confidence: 0.99, reason: 'FALSE_POSITIVE' });
    const results = await Promise.all([act(), act()]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(w.published.length - before).toBe(1);
    expect((await auditRows(w, id)).map((r) => r.eventType)).toEqual(['BOT_RELEASE']);
  });

  it('the console page is not cached and carries a nonce CSP with no inline handlers', async () => {
    const r = await request(w.url).get(`${w.mount}/human/console`).set(session('alice'));
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['content-security-policy']).toMatch(/script-src 'nonce-[^']+'/);
    expect(r.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(r.text).not.toMatch(/\son[a-z]+=/i);
  });
});
