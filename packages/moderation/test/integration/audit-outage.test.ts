/**
 * Failure mode: the audit trail refuses writes (the real logger, closed).
 * A content view is not served; a decision already applied says so.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canary, hold, startWorld, type World } from './setup.js';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.close();
});

describe('audit outage', () => {
  it('a view that cannot be audited serves nothing; a decision answers 500 with decisionApplied', async () => {
    const text = canary();
    const id = await hold(w, text);
    const del = await hold(w, canary());
    const csrf = (
      await request(w.url).get(`${w.mount}/human/csrf-token`).set('Cookie', 'sid=alice')
    ).body.csrfToken as string;
    const g = await request(w.url)
      .post(`${w.mount}/human/content-access`)
      .set({ Cookie: 'sid=alice', 'X-CSRF-Token': csrf })
      .send({ quarantineId: id });
    expect(g.status).toBe(200);

    await w.audit.close();

    const view = await request(w.url).get(g.body.url).set('Cookie', 'sid=alice');
    expect(view.status).toBe(500);
    expect(view.body.error).toMatchObject({
      code: 'MODERATION_AUDIT_FAILED',
      decisionApplied: false,
    });
    expect(view.text).not.toContain(text);

    const r = await request(w.url)
      .post(`${w.mount}/bot/action`)
      .set('Authorization', `Bearer ${w.tokens.actor}`)
      .send({ quarantineId: del, action: 'delete', confidence: 0.99, reason: 'POLICY_VIOLATION' });
    expect(r.status).toBe(500);
    expect(r.body.error).toMatchObject({
      code: 'MODERATION_AUDIT_FAILED',
      decisionApplied: true,
      quarantineId: del,
    });
    expect((await w.quarantine.getMetadata(del))?.status).toBe('DELETED');
    expect(w.logger.lines.some((l) => l.includes('audit write failed') && l.includes(del))).toBe(
      true,
    );
    expect(w.logger.lines.join('\n')).not.toContain(text);
  });
});
