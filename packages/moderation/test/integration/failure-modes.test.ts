/**
 * Failure modes with the real services: a record past its expiry, and an
 * S3 outage in the middle of a release whose `onRelease` fails.
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

async function humanPost(path: string, body: object) {
  const csrf = (await request(w.url).get(`${w.mount}/human/csrf-token`).set('Cookie', 'sid=alice'))
    .body.csrfToken as string;
  return request(w.url)
    .post(`${w.mount}${path}`)
    .set({ Cookie: 'sid=alice', 'X-CSRF-Token': csrf })
    .send(body);
}

describe('failure modes', () => {
  it('a record past its expiry (cleanup not run yet): 410 for access and release, nothing published or audited', async () => {
    const text = canary();
    const id = await hold(w, text);
    w.clock.advance(73 * 3600_000);
    try {
      const access = await humanPost('/human/content-access', { quarantineId: id });
      expect(access.status).toBe(410);
      expect(access.body.error.code).toBe('MODERATION_CONTENT_GONE');
      const r = await humanPost('/human/action', {
        quarantineId: id,
        action: 'release',
        notes: 'late',
      });
      expect(r.status).toBe(410);
      expect(r.body.error.code).toBe('MODERATION_CONTENT_GONE');
    } finally {
      w.clock.advance(-73 * 3600_000);
    }
    expect(w.published).toEqual([]);
    expect(await auditRows(w, id)).toEqual([]);
  });

  it('onRelease fails while S3 is gone: 502 without requeuedAs, audited, logged, content never in the log', async () => {
    const text = canary();
    const id = await hold(w, text, { sourceId: 'post-lost' });
    w.failPublish = true;
    // S3 disappears after the quarantine handed the plaintext over, before it can be held again.
    w.publishHook = () => w.bucket.cleanup();
    const r = await humanPost('/human/action', {
      quarantineId: id,
      action: 'release',
      notes: 'go',
    });
    w.failPublish = false;
    w.publishHook = null;
    expect(r.status).toBe(502);
    expect(r.body.error).toMatchObject({
      code: 'MODERATION_PUBLISH_FAILED',
      requeuedAs: null,
      quarantineId: id,
    });
    const rows = await auditRows(w, id);
    expect(rows.map((x) => x.eventType)).toEqual(['HUMAN_RELEASE']);
    expect(rows[0]?.metadata).toMatchObject({ published: false, requeuedAs: null });
    const logs = w.logger.lines.join('\n');
    expect(logs).toContain('could not be held again');
    expect(logs).not.toContain(text);
  });
});
