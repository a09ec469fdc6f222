/**
 * A record changed outside the packages (issue 16: a database writer moves a
 * held record's tier and clears its labels) is refused through every route
 * with its own code, not reported as an outage (503 invites retries), and
 * nothing is published, decided, audited or served.
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

const bot = (token: string) => ({ Authorization: `Bearer ${token}` });
const alice = { Cookie: 'sid=alice' };

async function humanPost(path: string, body: object) {
  const csrf = await request(w.url).get(`${w.mount}/human/csrf-token`).set(alice);
  return request(w.url)
    .post(`${w.mount}${path}`)
    .set(alice)
    .set('X-CSRF-Token', csrf.body.csrfToken as string)
    .send(body);
}

/** What a database writer does: the record now reads CLEAR with no labels. */
async function forge(id: string, extraSet = ''): Promise<void> {
  await w.db.sequelize.query(
    `UPDATE quarantine_records SET tier = 'CLEAR', labels = '[]'::jsonb${extraSet} WHERE id = $1`,
    { bind: [id] },
  );
}

/** Flips one bit of the record's content tag: the ciphertext no longer authenticates. */
async function flipContentTag(id: string): Promise<void> {
  await w.db.sequelize.query(
    `UPDATE encryption_keys SET content_tag = set_byte(content_tag, 0, get_byte(content_tag, 0) # 1)
     WHERE record_id = $1`,
    { bind: [id] },
  );
}

const routerLogs = (code: string, id: string): string[] =>
  w.logger.lines.filter((l) => l.includes(`"code":"${code}"`) && l.includes(id));

async function statusInDatabase(id: string): Promise<string> {
  const [rows] = await w.db.sequelize.query('SELECT status FROM quarantine_records WHERE id = $1', {
    bind: [id],
  });
  return (rows as { status: string }[])[0]?.status ?? 'missing';
}

const expectRefused = (
  r: request.Response,
  text: string,
  code = 'MODERATION_RECORD_TAMPERED',
): void => {
  expect(r.status).toBe(500);
  expect(r.body.error.code).toBe(code);
  expect(r.headers['content-type']).toMatch(/^application\/json/);
  expect(r.text).not.toContain(text);
  expect(r.text).not.toMatch(/\bat .+:\d+:\d+/); // no stack
};

describe('a forged quarantine record through the moderation routes', () => {
  it('is refused with MODERATION_RECORD_TAMPERED by every route that reads it, and nothing changes', async () => {
    const text = canary();
    const id = await hold(w, text, { tier: 'HIGH', sourceId: 'post-forged' });
    const honest = await hold(w, canary(), { tier: 'LOW', sourceId: 'post-honest' });
    // A content token granted before the forgery.
    const grant = await humanPost('/human/content-access', { quarantineId: id });
    expect(grant.status).toBe(200);
    await forge(id);

    const botRelease = await request(w.url)
      .post(`${w.mount}/bot/action`)
      .set(bot(w.tokens.actor))
      .send({ quarantineId: id, action: 'release', confidence: 0.99, reason: 'FALSE_POSITIVE' });
    expectRefused(botRelease, text);
    expectRefused(await request(w.url).get(`${w.mount}/human/quarantine/${id}`).set(alice), text);
    expectRefused(
      await humanPost('/human/action', { quarantineId: id, action: 'release', notes: 'looks ok' }),
      text,
    );
    expectRefused(await humanPost('/human/content-access', { quarantineId: id }), text);
    expectRefused(
      await request(w.url)
        .get(grant.body.url as string)
        .set(alice),
      text,
    );

    // Nothing was published, decided or audited; the record is still held.
    expect(w.published).toEqual([]);
    expect(await statusInDatabase(id)).toBe('QUARANTINED');
    expect((await auditRows(w, id)).map((row) => row.eventType)).toEqual([]);

    // The queue leaves the forged record out and still serves the honest one.
    const queue = await request(w.url).get(`${w.mount}/bot/queue`).set(bot(w.tokens.reader));
    expect(queue.status).toBe(200);
    const listed = queue.body.items.map((item: { id: string }) => item.id);
    expect(listed).toContain(honest);
    expect(listed).not.toContain(id);

    // The alarm names the record and the code; no log line holds the content.
    const alarms = w.logger.lines.filter((l) => l.includes('QUARANTINE_RECORD_TAMPERED'));
    expect(alarms.some((l) => l.includes(id))).toBe(true);
    expect(routerLogs('MODERATION_RECORD_TAMPERED', id).length).toBeGreaterThan(0);
    for (const line of w.logger.lines) expect(line).not.toContain(text);
  });

  /** regression: issue 16 — a forged key id was still answered 503 UPSTREAM_FAILED (review finding) */
  it('refuses a record whose row names a key the keyring lacks with MODERATION_KEY_UNAVAILABLE', async () => {
    const text = canary();
    const id = await hold(w, text, { tier: 'HIGH', sourceId: 'post-key-id' });
    await forge(id, ", mac_key_id = 'no-such-key'");
    const code = 'MODERATION_KEY_UNAVAILABLE';
    expectRefused(
      await request(w.url).get(`${w.mount}/human/quarantine/${id}`).set(alice),
      text,
      code,
    );
    const botRelease = await request(w.url)
      .post(`${w.mount}/bot/action`)
      .set(bot(w.tokens.actor))
      .send({ quarantineId: id, action: 'release', confidence: 0.99, reason: 'FALSE_POSITIVE' });
    expectRefused(botRelease, text, code);
    expect(await statusInDatabase(id)).toBe('QUARANTINED');
    expect(routerLogs(code, id).length).toBeGreaterThan(0);
    for (const line of w.logger.lines) expect(line).not.toContain(text);
  });

  it('refuses to serve content whose ciphertext no longer authenticates, and logs the record id', async () => {
    const text = canary();
    const id = await hold(w, text, { tier: 'HIGH', sourceId: 'post-tag' });
    const grant = await humanPost('/human/content-access', { quarantineId: id });
    expect(grant.status).toBe(200);
    await flipContentTag(id);
    expectRefused(
      await request(w.url)
        .get(grant.body.url as string)
        .set(alice),
      text,
    );
    expect(routerLogs('MODERATION_RECORD_TAMPERED', id).length).toBeGreaterThan(0);
    for (const line of w.logger.lines) expect(line).not.toContain(text);
  });
});
