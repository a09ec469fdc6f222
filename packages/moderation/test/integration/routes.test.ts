/**
 * Every route over real HTTP, against the real quarantine (PostgreSQL + S3)
 * and the real audit trail.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, canary, hold, startWorld, type World } from './setup.js';

let w: World;
const canaries: string[] = [];
const secret = (): string => {
  const c = canary();
  canaries.push(c);
  return c;
};

beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.close();
});

const bot = (token: string) => ({ Authorization: `Bearer ${token}` });
const session = (who: string) => ({ Cookie: `sid=${who}` });

async function csrfFor(who: string): Promise<string> {
  const r = await request(w.url).get(`${w.mount}/human/csrf-token`).set(session(who));
  expect(r.status).toBe(200);
  return r.body.csrfToken as string;
}

async function humanPost(who: string, path: string, body: unknown) {
  return request(w.url)
    .post(`${w.mount}${path}`)
    .set(session(who))
    .set('X-CSRF-Token', await csrfFor(who))
    .send(body as object);
}

describe('GET /bot/queue', () => {
  it('lists held records as content-free envelopes, with a tier filter and keyset pages', async () => {
    const low = await hold(w, secret(), { tier: 'LOW', sourceId: 'post-1' });
    const high = await hold(w, secret(), { tier: 'HIGH', sourceId: 'post-2' });
    const r = await request(w.url).get(`${w.mount}/bot/queue`).set(bot(w.tokens.reader));
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const ids = r.body.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([low, high]));
    const item = r.body.items.find((i: { id: string }) => i.id === low);
    expect(Object.keys(item).sort()).toEqual(
      [
        'contentType',
        'expiresAt',
        'id',
        'labels',
        'matches',
        'quarantinedAt',
        'sizeBytes',
        'sourceId',
        'status',
        'summary',
        'tier',
        'version',
      ].sort(),
    );
    expect(item).toMatchObject({
      tier: 'LOW',
      status: 'QUARANTINED',
      matches: [{ label: 'SECRET_STRIPE_KEY', redacted: 'sk_live_****' }],
      contentType: 'POST',
      sourceId: 'post-1',
    });
    for (const c of canaries) expect(r.text).not.toContain(c);

    const onlyHigh = await request(w.url)
      .get(`${w.mount}/bot/queue?tier=HIGH`)
      .set(bot(w.tokens.reader));
    expect(onlyHigh.body.items.map((i: { tier: string }) => i.tier)).toEqual(['HIGH']);

    const p1 = await request(w.url).get(`${w.mount}/bot/queue?limit=1`).set(bot(w.tokens.reader));
    expect(p1.body.items).toHaveLength(1);
    const p2 = await request(w.url)
      .get(`${w.mount}/bot/queue?limit=1&cursor=${encodeURIComponent(p1.body.nextCursor)}`)
      .set(bot(w.tokens.reader));
    expect(p2.body.items).toHaveLength(1);
    expect(p2.body.items[0].id).not.toBe(p1.body.items[0].id);
  });

  it('refuses bad filters with 400 and the family body', async () => {
    for (const q of [
      'limit=0',
      'limit=abc',
      'tier=low',
      'status=RELEASED',
      'cursor=%21%21',
      'tier=LOW&tier=HIGH',
    ]) {
      const r = await request(w.url).get(`${w.mount}/bot/queue?${q}`).set(bot(w.tokens.reader));
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('MODERATION_INVALID_INPUT');
      expect(typeof r.body.error.message).toBe('string');
    }
    const forged = Buffer.from('{"t":"x","i":"y"}').toString('base64url');
    const r = await request(w.url)
      .get(`${w.mount}/bot/queue?cursor=${forged}`)
      .set(bot(w.tokens.reader));
    expect(r.status).toBe(400);
  });
});

describe('POST /bot/action', () => {
  it('releases a low-tier record: onRelease once with the plaintext, RELEASED, BOT_RELEASE audited without content', async () => {
    const text = secret();
    const id = await hold(w, text, { tier: 'LOW', sourceId: 'post-rel' });
    const r = await request(w.url)
      .post(`${w.mount}/bot/action`)
      .set(bot(w.tokens.actor))
      .send({ quarantineId: id, action: 'release', confidence: 0.97, reason: 'FALSE_POSITIVE' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      quarantineId: id,
      requestedAction: 'release',
      appliedAction: 'release',
      overriddenBy: null,
      status: 'RELEASED',
    });
    expect(w.published.filter((p) => p.content === text)).toHaveLength(1);
    expect(w.published.find((p) => p.content === text)?.metadata).toMatchObject({
      quarantineId: id,
      sourceId: 'post-rel',
      decidedBy: { actorType: 'bot', actorId: 'triage-bot' },
    });
    expect((await w.quarantine.getMetadata(id))?.status).toBe('RELEASED');
    const rows = await auditRows(w, id);
    expect(rows.map((x) => x.eventType)).toEqual(['BOT_RELEASE']);
    expect(rows[0]).toMatchObject({
      actorId: 'triage-bot',
      actorType: 'bot',
      targetType: 'quarantine_record',
    });
    expect(rows[0]?.metadata).toMatchObject({
      reason: 'FALSE_POSITIVE',
      confidence: 0.97,
      published: true,
    });
    expect(JSON.stringify(rows)).not.toContain(text);
  });

  it('turns a release above the tier limit into an escalation and says so', async () => {
    const id = await hold(w, secret(), { tier: 'HIGH' });
    const r = await request(w.url)
      .post(`${w.mount}/bot/action`)
      .set(bot(w.tokens.actor))
      .send({ quarantineId: id, action: 'release', confidence: 0.99, reason: 'FALSE_POSITIVE' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      appliedAction: 'escalate',
      overriddenBy: 'tier',
      status: 'UNDER_REVIEW',
    });
    const rows = await auditRows(w, id);
    expect(rows.map((x) => x.eventType)).toEqual(['BOT_ESCALATE']);
    expect(rows[0]?.metadata).toMatchObject({ requestedAction: 'release', overriddenBy: 'tier' });
    // Escalated records leave the bot queue and wait for a human.
    const q = await request(w.url).get(`${w.mount}/bot/queue`).set(bot(w.tokens.reader));
    expect(q.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const again = await request(w.url)
      .post(`${w.mount}/bot/action`)
      .set(bot(w.tokens.actor))
      .send({ quarantineId: id, action: 'delete', confidence: 1, reason: 'POLICY_VIOLATION' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'MODERATION_CONFLICT', status: 'UNDER_REVIEW' });
  });

  it('deletes with enough confidence; escalates below the confidence floor', async () => {
    const del = await hold(w, secret());
    const low = await hold(w, secret());
    const r1 = await request(w.url).post(`${w.mount}/bot/action`).set(bot(w.tokens.actor)).send({
      quarantineId: del,
      action: 'delete',
      confidence: 0.9,
      reason: 'TRUE_POSITIVE_HIGH_RISK',
      notes: 'live key',
    });
    expect(r1.body).toMatchObject({ appliedAction: 'delete', status: 'DELETED' });
    const r2 = await request(w.url)
      .post(`${w.mount}/bot/action`)
      .set(bot(w.tokens.actor))
      .send({ quarantineId: low, action: 'delete', confidence: 0.2, reason: 'DUPLICATE_CONTENT' });
    expect(r2.body).toMatchObject({ appliedAction: 'escalate', overriddenBy: 'confidence' });
    expect((await auditRows(w, del)).map((x) => x.eventType)).toEqual(['BOT_DELETE']);
    expect((await auditRows(w, del))[0]?.metadata).toMatchObject({ notes: 'live key' });
  });

  it('refuses bad input with 400/404/409/413 and changes nothing', async () => {
    const id = await hold(w, secret());
    const before = await w.quarantine.getMetadata(id);
    const good = {
      quarantineId: id,
      action: 'delete',
      confidence: 0.9,
      reason: 'POLICY_VIOLATION',
    };
    const cases: [string | object, number, string][] = [
      ['{"quarantineId":', 400, 'MODERATION_MALFORMED_BODY'],
      [{ ...good, action: 'nuke' }, 400, 'MODERATION_INVALID_INPUT'],
      [{ ...good, reason: 'BECAUSE' }, 400, 'MODERATION_INVALID_INPUT'],
      [{ ...good, confidence: 1.5 }, 400, 'MODERATION_INVALID_INPUT'],
      [{ ...good, quarantineId: 'abc' }, 400, 'MODERATION_INVALID_INPUT'],
      [
        { ...good, quarantineId: '00000000-0000-4000-8000-000000000000' },
        404,
        'MODERATION_NOT_FOUND',
      ],
      [{ ...good, notes: 'n'.repeat(1001) }, 400, 'MODERATION_INVALID_INPUT'],
      [{ ...good, expectedVersion: (before?.version ?? 0) + 5 }, 409, 'MODERATION_CONFLICT'],
      [{ ...good, notes: 'n'.repeat(20_000) }, 413, 'MODERATION_BODY_TOO_LARGE'],
    ];
    for (const [body, status, code] of cases) {
      const r = await request(w.url)
        .post(`${w.mount}/bot/action`)
        .set(bot(w.tokens.actor))
        .set('Content-Type', 'application/json')
        .send(typeof body === 'string' ? body : JSON.stringify(body));
      expect(r.status, JSON.stringify(body).slice(0, 60)).toBe(status);
      expect(r.body.error.code).toBe(code);
      expect(r.text).not.toMatch(/at .*\.ts|stack/i);
    }
    const plain = await request(w.url)
      .post(`${w.mount}/bot/action`)
      .set(bot(w.tokens.actor))
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify(good));
    expect(plain.status).toBe(400);
    expect(await w.quarantine.getMetadata(id)).toEqual(before);
    expect(await auditRows(w, id)).toEqual([]);
  });
});

describe('human routes', () => {
  it('lists with status, tier and source filters', async () => {
    const id = await hold(w, secret(), { tier: 'MODERATE', sourceId: 'only-me' });
    const r = await request(w.url)
      .get(`${w.mount}/human/quarantine?sourceId=only-me&status=QUARANTINED&tier=MODERATE`)
      .set(session('alice'));
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const env = await request(w.url).get(`${w.mount}/human/quarantine/${id}`).set(session('alice'));
    expect(env.body).toMatchObject({ id, tier: 'MODERATE' });
    const missing = await request(w.url)
      .get(`${w.mount}/human/quarantine/00000000-0000-4000-8000-000000000000`)
      .set(session('alice'));
    expect(missing.status).toBe(404);
  });

  it('releases with notes (HUMAN_RELEASE), refusing a POST without the CSRF token', async () => {
    const text = secret();
    const id = await hold(w, text);
    const noCsrf = await request(w.url)
      .post(`${w.mount}/human/action`)
      .set(session('alice'))
      .send({ quarantineId: id, action: 'release', notes: 'fine' });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('MODERATION_CSRF_FAILED');
    // Bob's token does not work for Alice.
    const wrong = await request(w.url)
      .post(`${w.mount}/human/action`)
      .set(session('alice'))
      .set('X-CSRF-Token', await csrfFor('bob'))
      .send({ quarantineId: id, action: 'release', notes: 'fine' });
    expect(wrong.status).toBe(403);
    expect((await w.quarantine.getMetadata(id))?.status).toBe('QUARANTINED');

    const noNotes = await humanPost('alice', '/human/action', {
      quarantineId: id,
      action: 'release',
    });
    expect(noNotes.status).toBe(400);
    expect(noNotes.body.error.field).toBe('notes');

    const r = await humanPost('alice', '/human/action', {
      quarantineId: id,
      action: 'release',
      notes: 'a test phrase, not a key',
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ quarantineId: id, action: 'release', status: 'RELEASED' });
    expect(w.published.filter((p) => p.content === text)).toHaveLength(1);
    const rows = await auditRows(w, id);
    expect(rows.map((x) => [x.eventType, x.actorType, x.actorId])).toEqual([
      ['HUMAN_RELEASE', 'human', 'alice'],
    ]);
    expect(rows[0]?.metadata).toMatchObject({ notes: 'a test phrase, not a key', published: true });
    const history = await request(w.url)
      .get(`${w.mount}/human/quarantine/${id}/history`)
      .set(session('alice'));
    expect(history.body.items.map((h: { eventType: string }) => h.eventType)).toEqual([
      'HUMAN_RELEASE',
    ]);
  });

  it('two admins acting at once: one wins, the other gets 409, one audit row, one publish', async () => {
    const text = secret();
    const id = await hold(w, text);
    const [a, b] = await Promise.all([
      humanPost('alice', '/human/action', {
        quarantineId: id,
        action: 'release',
        notes: 'ok by alice',
      }),
      humanPost('bob', '/human/action', {
        quarantineId: id,
        action: 'delete',
        notes: 'bad by bob',
      }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe('MODERATION_CONFLICT');
    const rows = await auditRows(w, id);
    expect(rows).toHaveLength(1);
    const final = await w.quarantine.getMetadata(id);
    expect(final?.status).toBe(rows[0]?.eventType === 'HUMAN_RELEASE' ? 'RELEASED' : 'DELETED');
    expect(w.published.filter((p) => p.content === text)).toHaveLength(
      rows[0]?.eventType === 'HUMAN_RELEASE' ? 1 : 0,
    );
    // A reviewer acting on the version they saw after it changed gets 409 too.
    const late = await humanPost('bob', '/human/action', {
      quarantineId: id,
      action: 'delete',
      notes: 'late',
      expectedVersion: 1,
    });
    expect(late.status).toBe(409);
  });

  it('when onRelease fails, the content is held again under a new id and the answer says so', async () => {
    const text = secret();
    const id = await hold(w, text, { tier: 'LOW', sourceId: 'post-fail' });
    w.failPublish = true;
    let r: request.Response;
    try {
      r = await humanPost('alice', '/human/action', {
        quarantineId: id,
        action: 'release',
        notes: 'publish it',
      });
    } finally {
      w.failPublish = false;
    }
    expect(r.status).toBe(502);
    expect(r.body.error.code).toBe('MODERATION_PUBLISH_FAILED');
    const again = r.body.error.requeuedAs as string;
    expect(again).toMatch(/^[0-9a-f-]{36}$/);
    const held = await w.quarantine.getMetadata(again);
    expect(held).toMatchObject({ status: 'QUARANTINED', sourceId: 'post-fail', tier: 'LOW' });
    expect(held?.labels).toContain('MODERATION_RELEASE_FAILED');
    expect(await w.quarantine.read(again)).toBe(text);
    expect((await w.quarantine.getMetadata(id))?.status).toBe('RELEASED');
    const rows = await auditRows(w, id);
    expect(rows[0]?.metadata).toMatchObject({ published: false, requeuedAs: again });
    expect(w.published.some((p) => p.content === text)).toBe(false);
  });
});

describe('content access', () => {
  async function grant(who: string, id: string) {
    const r = await humanPost(who, '/human/content-access', { quarantineId: id });
    expect(r.status).toBe(200);
    return r.body as { url: string; expiresAt: string; expiresInSeconds: number };
  }

  it('serves the text once through this router, audited as HUMAN_VIEW_CONTENT, with safe headers', async () => {
    const text = secret();
    const id = await hold(w, text);
    const g = await grant('alice', id);
    expect(g.url.startsWith(`${w.mount}/human/content/`)).toBe(true);
    expect(g.expiresInSeconds).toBe(300);
    expect(new Date(g.expiresAt).getTime()).toBe(w.clock.now().getTime() + 300_000);
    const r = await request(w.url).get(g.url).set(session('alice'));
    expect(r.status).toBe(200);
    expect(r.text).toBe(text);
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    const rows = await auditRows(w, id);
    expect(rows.map((x) => [x.eventType, x.actorId])).toEqual([['HUMAN_VIEW_CONTENT', 'alice']]);
    expect(JSON.stringify(rows)).not.toContain(text);
    expect(JSON.stringify(rows)).not.toContain(g.url.split('/').pop());

    const replay = await request(w.url).get(g.url).set(session('alice'));
    expect(replay.status).toBe(410);
    expect(replay.body.error.code).toBe('MODERATION_TOKEN_USED');
    expect(await auditRows(w, id)).toHaveLength(1);
  });

  it('refuses tokens of another admin, tampered, expired (injected clock) and after release', async () => {
    const id = await hold(w, secret());
    const forBob = await grant('bob', id);
    const stolen = await request(w.url).get(forBob.url).set(session('alice'));
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.code).toBe('MODERATION_TOKEN_INVALID');

    const g = await grant('alice', id);
    const token = decodeURIComponent(g.url.split('/').pop() ?? '');
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    const t = await request(w.url)
      .get(`${w.mount}/human/content/${encodeURIComponent(tampered)}`)
      .set(session('alice'));
    expect(t.status).toBe(400);
    expect(t.body.error.code).toBe('MODERATION_TOKEN_INVALID');

    w.clock.advance(301_000);
    try {
      const expired = await request(w.url).get(g.url).set(session('alice'));
      expect(expired.status).toBe(410);
      expect(expired.body.error.code).toBe('MODERATION_TOKEN_EXPIRED');
    } finally {
      w.clock.advance(-301_000);
    }

    const g2 = await grant('alice', id);
    await humanPost('alice', '/human/action', {
      quarantineId: id,
      action: 'delete',
      notes: 'gone',
    });
    const after = await request(w.url).get(g2.url).set(session('alice'));
    expect(after.status).toBe(410);
    expect(after.body.error.code).toBe('MODERATION_TOKEN_REVOKED');
    const afterGrant = await humanPost('alice', '/human/content-access', { quarantineId: id });
    expect(afterGrant.status).toBe(410);
    // No view was audited for any refused token.
    expect((await auditRows(w, id)).map((x) => x.eventType)).toEqual(['HUMAN_DELETE']);
  });
});

describe('auth matrix', () => {
  const id = '00000000-0000-4000-8000-000000000000';
  const routes: [string, string][] = [
    ['GET', '/bot/queue'],
    ['POST', '/bot/action'],
    ['GET', '/human/quarantine'],
    ['POST', '/human/action'],
    ['POST', '/human/content-access'],
    ['GET', `/human/content/qt1.abc.def`],
    ['GET', '/human/console'],
    ['GET', `/human/quarantine/${id}/history`],
  ];
  const call = (method: string, path: string, headers: Record<string, string>) => {
    const r =
      method === 'GET'
        ? request(w.url).get(`${w.mount}${path}`)
        : request(w.url).post(`${w.mount}${path}`).send({});
    return r.set(headers);
  };

  it.each(routes)(
    '%s %s: 401 without credentials or with an unknown token',
    async (method, path) => {
      for (const headers of [{}, bot('cxbot_unknown_token_value_1234567890')]) {
        const r = await call(method, path, headers);
        expect(r.status).toBe(401);
        expect(r.body.error.code).toBe('MODERATION_UNAUTHENTICATED');
      }
    },
  );

  it.each(routes)(
    '%s %s: 403 for the wrong kind of identity or a missing role/scope',
    async (method, path) => {
      const isBot = path.startsWith('/bot/');
      const wrong = isBot
        ? [session('alice'), session('mallory')]
        : [bot(w.tokens.actor), session('mallory')];
      if (path === '/bot/action') wrong.push(bot(w.tokens.reader));
      for (const headers of wrong) {
        const r = await call(method, path, headers);
        expect(r.status, JSON.stringify(headers)).toBe(403);
        expect(r.body.error.code).toBe('MODERATION_FORBIDDEN');
      }
    },
  );

  it('unknown paths fall through to the host', async () => {
    const r = await request(w.url).get(`${w.mount}/nope`).set(bot(w.tokens.actor));
    expect(r.status).toBe(404);
    // The host's own 404 answered, not the router (whose codes start with MODERATION_).
    expect(r.body.error.code).toBe('NOT_FOUND');
  });
});

describe('canaries', () => {
  it('no canary reached a log line or any audit metadata', async () => {
    expect(canaries.length).toBeGreaterThan(5);
    const logs = w.logger.lines.join('\n');
    await w.audit.flush();
    const all = JSON.stringify((await w.audit.query({ limit: 1000 })).records);
    for (const c of canaries) {
      expect(logs).not.toContain(c);
      expect(all).not.toContain(c);
    }
  });
});
