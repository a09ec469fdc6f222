import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quarantine } from '../../src/types.js';
import { allKeys, codeOf, type Env, META, setupEnv } from './setup.js';

/**
 * PostgreSQL cannot store U+0000 in text or jsonb, and UTF-8 cannot carry a
 * lone surrogate (the driver silently turns it into U+FFFD in a varchar,
 * jsonb refuses its escape). Such text in metadata or options must be a
 * caller error before any write, not an outage, and never silently altered.
 */
describe('text PostgreSQL cannot store: typed input errors, nothing written', () => {
  let env: Env;
  let q: Quarantine;

  beforeAll(async () => {
    env = await setupEnv();
    q = env.make();
  });
  afterAll(async () => {
    await env.teardown();
  });

  async function counts(): Promise<{ rows: number; objects: number }> {
    const [rows] = await env.db.sequelize.query(
      'SELECT count(*)::int AS n FROM quarantine_records',
    );
    const objects = (await allKeys(env.bucket.client, env.bucket.bucket)).length;
    return { rows: (rows[0] as { n: number }).n, objects };
  }

  /** regression: issue 4 (bad input → typed error with a stable code; nothing partially written) */
  it('refuses NUL and lone surrogates in every stored metadata field', async () => {
    const before = await counts();
    const bad = ['a\u0000b', 'a\ud800b', '\udc00'];
    for (const s of bad) {
      const cases: [string, object][] = [
        ['metadata.tier', { ...META, tier: s }],
        ['metadata.labels', { ...META, labels: ['ok', s] }],
        ['metadata.matches', { ...META, matches: [{ label: 'L', redacted: s }] }],
        ['metadata.pluginResults', { ...META, pluginResults: [{ pluginId: 'p', note: [s] }] }],
        ['metadata.pluginResults', { ...META, pluginResults: [{ [s]: 1 }] }],
        ['metadata.sourceId', { ...META, sourceId: s }],
        ['metadata.agentId', { ...META, agentId: s }],
        ['metadata.contentType', { ...META, contentType: s }],
      ];
      for (const [field, metadata] of cases) {
        await expect(q.store('held content', metadata as typeof META)).rejects.toMatchObject({
          code: 'QUARANTINE_INVALID_INPUT',
          field,
        });
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses them in review options and list filters, leaving the record unchanged', async () => {
    const id = await q.store('held content', META);
    await expect(q.updateStatus(id, 'UNDER_REVIEW', { notes: 'x\u0000' })).rejects.toMatchObject({
      code: 'QUARANTINE_INVALID_INPUT',
      field: 'options.notes',
    });
    await expect(q.delete(id, { reviewedBy: 'mod\ud800' })).rejects.toMatchObject({
      code: 'QUARANTINE_INVALID_INPUT',
      field: 'options.reviewedBy',
    });
    expect(await codeOf(q.list({ sourceId: '\u0000' }))).toBe('QUARANTINE_INVALID_INPUT');
    expect(await codeOf(q.list({ tier: 'H\u0000' }))).toBe('QUARANTINE_INVALID_INPUT');
    expect((await q.getMetadata(id))?.status).toBe('QUARANTINED');
    expect(await q.read(id)).toBe('held content');
  });

  it('still stores well-formed non-BMP text in metadata unchanged', async () => {
    const id = await q.store('x', {
      ...META,
      labels: ['𝄞 label'],
      matches: [{ label: 'L', redacted: '😀****' }],
      sourceId: 'src-𠜎',
      pluginResults: [{ pluginId: 'p', note: 'é𝄞' }],
    });
    expect(await q.getMetadata(id)).toMatchObject({
      labels: ['𝄞 label'],
      matches: [{ label: 'L', redacted: '😀****' }],
      sourceId: 'src-𠜎',
      pluginResults: [{ pluginId: 'p', note: 'é𝄞' }],
    });
  });
});
