/**
 * Issue 16: a database writer changes a held record's metadata. Every
 * change is refused and alarmed on every read, listing and cleanup, and a
 * moved expiry never keeps content past its real shred date.
 */
import type { Meter } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quarantine } from '../../src/types.js';
import {
  codeOf,
  type Env,
  fakeClock,
  installationIdOf,
  META,
  putRaw,
  rawObject,
  recordingLogger,
  setupEnv,
} from './setup.js';

type Point = { name: string; value: number; attributes: Record<string, unknown> };

/** A Meter that records every measurement. */
function recordingMeter(points: Point[]): Meter {
  const instrument = (name: string) => ({
    add: (value: number, attributes: Record<string, unknown> = {}) =>
      points.push({ name, value, attributes }),
    record: (value: number, attributes: Record<string, unknown> = {}) =>
      points.push({ name, value, attributes }),
  });
  return {
    createCounter: instrument,
    createHistogram: instrument,
    createUpDownCounter: instrument,
    createGauge: instrument,
  } as unknown as Meter;
}

const TAMPERED = 'clawexchange.quarantine.tampered_records';
const HOUR = 3_600_000;

/** One way a database writer changes a record (`$1` its id, `$2` another record's id). */
type Tamper = {
  readonly name: string;
  readonly sql: string;
  /** The code every read refuses with. */
  readonly code?: string;
  /** Whether `list()` still sees the row (it hides PENDING ones). */
  readonly listed?: boolean;
  /** Whether cleanup cannot prove the real expiry and shreds at once. */
  readonly shredsAtOnce?: boolean;
};

const MATRIX: readonly Tamper[] = [
  { name: 'tier → CLEAR', sql: "UPDATE quarantine_records SET tier = 'CLEAR' WHERE id = $1" },
  {
    name: 'labels cleared',
    sql: "UPDATE quarantine_records SET labels = '[]'::jsonb WHERE id = $1",
  },
  {
    name: 'tier, labels and expiry as in the report',
    sql: `UPDATE quarantine_records SET tier = 'CLEAR', labels = '[]'::jsonb,
          expires_at = '2126-01-01T00:00:00Z' WHERE id = $1`,
  },
  {
    name: 'status → RELEASED',
    sql: "UPDATE quarantine_records SET status = 'RELEASED' WHERE id = $1",
  },
  {
    name: 'status → UNDER_REVIEW',
    sql: "UPDATE quarantine_records SET status = 'UNDER_REVIEW' WHERE id = $1",
  },
  {
    name: 'status → PENDING (and old: bait for the abandoned-store sweep)',
    sql: `UPDATE quarantine_records SET status = 'PENDING', created_at = created_at - interval '1 day'
          WHERE id = $1`,
    listed: false,
  },
  {
    name: 'expires_at → 2126',
    sql: "UPDATE quarantine_records SET expires_at = '2126-01-01T00:00:00Z' WHERE id = $1",
  },
  {
    name: 'expires_at → earlier',
    sql: "UPDATE quarantine_records SET expires_at = expires_at - interval '71 hours' WHERE id = $1",
  },
  {
    name: 'data key re-labelled with another master key id',
    sql: "UPDATE encryption_keys SET master_key_id = 'other' WHERE record_id = $1",
  },
  {
    name: 'MAC key id → one the service does not hold',
    sql: "UPDATE quarantine_records SET mac_key_id = 'nope' WHERE id = $1",
    code: 'QUARANTINE_KEY_UNAVAILABLE',
  },
  {
    name: 'MAC copied from another record',
    sql: 'UPDATE quarantine_records SET mac = (SELECT mac FROM quarantine_records WHERE id = $2) WHERE id = $1',
  },
  {
    name: 'MAC stripped (posing as a legacy row)',
    sql: 'UPDATE quarantine_records SET mac = NULL, mac_key_id = NULL WHERE id = $1',
  },
  {
    name: "s3 key → another record's object",
    sql: `UPDATE quarantine_records
          SET s3_key = regexp_replace(s3_key, '[0-9]{4}/[0-9]{2}/[0-9]{2}/[^/]+$', '2020/01/01/' || $2::text)
          WHERE id = $1`,
    shredsAtOnce: true,
  },
  { name: 'version moved', sql: 'UPDATE quarantine_records SET version = 7 WHERE id = $1' },
  {
    name: 'notes and reviewer forged',
    sql: "UPDATE quarantine_records SET notes = 'approved', reviewed_by = 'admin' WHERE id = $1",
  },
];

async function query(env: Env, text: string, bind: unknown[]): Promise<Record<string, unknown>[]> {
  const [rows] = await env.db.sequelize.query(text, { bind });
  return rows as Record<string, unknown>[];
}

async function hasKey(env: Env, id: string): Promise<boolean> {
  return (await query(env, 'SELECT 1 FROM encryption_keys WHERE record_id = $1', [id])).length > 0;
}

describe('tampered record metadata (issue 16)', () => {
  let env: Env;
  let q: Quarantine;
  const clock = fakeClock();
  const logger = recordingLogger();
  const points: Point[] = [];

  beforeAll(async () => {
    env = await setupEnv();
    q = env.make({ now: clock.now, logger, meter: recordingMeter(points) });
  });
  afterAll(async () => {
    await env.teardown();
  });

  /** regression: issue 16 */
  it('the reported attack: tier CLEAR, labels cleared, expiry 2126 — getMetadata refuses instead of returning the changes', async () => {
    const id = await q.store('held: AKIA-looking secret', META);
    await query(
      env,
      `UPDATE quarantine_records SET tier = 'CLEAR', labels = '[]'::jsonb,
       expires_at = '2126-01-01T00:00:00Z' WHERE id = $1`,
      [id],
    );
    expect(await codeOf(q.getMetadata(id))).toBe('QUARANTINE_RECORD_TAMPERED');
    const lines = logger.lines.filter((l) => l.includes(id) && l.includes('"level":"error"'));
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({
      code: 'QUARANTINE_RECORD_TAMPERED',
      recordId: id,
      operation: 'get_metadata',
      reason: 'mac_mismatch',
    });
    expect(lines.join('\n')).not.toContain('CLEAR');
    expect(
      points.some((p) => p.name === TAMPERED && p.attributes.operation === 'get_metadata'),
    ).toBe(true);
  });

  for (const t of MATRIX) {
    /** regression: issue 16 */
    it(`${t.name}: refused and alarmed by every read, listing and cleanup`, async () => {
      const content = `content held for the tamper case ${t.name}`;
      const id = await q.store(content, META);
      const other = await q.store('another held record', META);
      expect(await q.read(id)).toBe(content);
      const before = points.filter((p) => p.name === TAMPERED).length;
      await query(env, t.sql, t.sql.includes('$2') ? [id, other] : [id]);
      const code = t.code ?? 'QUARANTINE_RECORD_TAMPERED';

      expect(await codeOf(q.getMetadata(id))).toBe(code);
      expect(await codeOf(q.read(id))).toBe(code);
      expect(await codeOf(q.createAccessToken(id, { actor: 'mod-1' }))).toBe(code);
      expect(await codeOf(q.updateStatus(id, 'UNDER_REVIEW', { reviewedBy: 'mod-1' }))).toBe(code);
      expect(await codeOf(q.release(id))).toBe(code);
      expect(await codeOf(q.delete(id))).toBe(code);
      // Nothing was changed by the refused commands: the content is still held.
      expect(await hasKey(env, id)).toBe(true);

      const page = await q.list({ limit: 500 });
      expect(page.items.map((r) => r.id)).not.toContain(id);
      expect(page.items.map((r) => r.id)).toContain(other);
      if (t.listed !== false) expect(page.refusedIds).toContain(id);

      const result = await q.cleanup();
      expect(result.tamperedRecords).toBeGreaterThanOrEqual(1);
      // Before its real expiry a forged record stays held (refused); only an
      // unprovable expiry is shredded at once.
      expect(await hasKey(env, id)).toBe(t.shredsAtOnce !== true);
      expect(await codeOf(q.getMetadata(id))).toBe(code);
      // The other record was never touched.
      expect(await q.read(other)).toBe('another held record');

      const alarms = points.filter((p) => p.name === TAMPERED).slice(before);
      const ops = new Set(alarms.map((p) => p.attributes.operation));
      for (const op of ['get_metadata', 'read', 'access_token', 'update_status', 'release']) {
        expect(ops).toContain(op);
      }
      expect(ops).toContain('cleanup');
      if (t.listed !== false) expect(ops).toContain('list');
      for (const p of alarms) expect(JSON.stringify(p.attributes)).not.toContain(id);
      await q.delete(other);
    });
  }

  /** regression: issue 16 */
  it("a forged s3 key never makes cleanup delete another record's object", async () => {
    const victimText = 'victim content';
    const victim = await q.store(victimText, META);
    const [victimRow] = await query(env, 'SELECT s3_key FROM quarantine_records WHERE id = $1', [
      victim,
    ]);
    const victimKey = victimRow?.s3_key as string;
    const forged = await q.store('forger record', META);
    // Point the forged row at a copy of the victim's object under the same date path.
    const inst = await installationIdOf(env.db.sequelize);
    const decoy = `quarantine/${inst}/2020/01/01/${victim}`;
    await putRaw(
      env.bucket.client,
      env.bucket.bucket,
      decoy,
      (await rawObject(env.bucket.client, env.bucket.bucket, victimKey)) as Buffer,
    );
    await query(env, 'UPDATE quarantine_records SET s3_key = $2 WHERE id = $1', [forged, decoy]);
    const result = await q.cleanup();
    expect(result.tamperedRecordsShredded).toBeGreaterThanOrEqual(1);
    expect(await hasKey(env, forged)).toBe(false);
    expect(await rawObject(env.bucket.client, env.bucket.bucket, victimKey)).not.toBeNull();
    expect(await rawObject(env.bucket.client, env.bucket.bucket, decoy)).not.toBeNull();
    expect(await q.read(victim)).toBe(victimText);
  });
});

describe('a moved expiry never keeps content past its real shred date (issue 16)', () => {
  let env: Env;
  let q: Quarantine;
  const clock = fakeClock();

  beforeAll(async () => {
    env = await setupEnv();
    q = env.make({ now: clock.now, expiryHours: 72 });
  });
  afterAll(async () => {
    await env.teardown();
  });

  /** regression: issue 16 */
  it('expiry moved later: kept and refused until the real date, then shredded with its object', async () => {
    const later = await q.store('moved to 2126', META);
    const earlier = await q.store('moved 71 hours earlier', META);
    const honest = await q.store('untouched', META);
    const keys = await query(
      env,
      'SELECT id, s3_key FROM quarantine_records WHERE id = ANY($1::uuid[])',
      [[later, earlier]],
    );
    await query(
      env,
      "UPDATE quarantine_records SET expires_at = '2126-01-01T00:00:00Z' WHERE id = $1",
      [later],
    );
    await query(
      env,
      "UPDATE quarantine_records SET expires_at = expires_at - interval '71 hours' WHERE id = $1",
      [earlier],
    );

    // Two hours in: the forged earlier expiry has passed, the real one has not.
    clock.advance(2 * HOUR);
    const early = await q.cleanup();
    expect(early).toMatchObject({ expired: 0, tamperedRecords: 2, tamperedRecordsShredded: 0 });
    for (const id of [later, earlier, honest]) expect(await hasKey(env, id)).toBe(true);
    expect(await q.read(honest)).toBe('untouched');

    // Just before the real expiry: still held.
    clock.advance(69 * HOUR);
    expect(await q.cleanup()).toMatchObject({ expired: 0, tamperedRecordsShredded: 0 });

    // Past the real expiry (72 h): the honest one expires, both forged ones are shredded.
    clock.advance(2 * HOUR);
    const due = await q.cleanup();
    expect(due).toMatchObject({ expired: 1, tamperedRecords: 2, tamperedRecordsShredded: 2 });
    for (const id of [later, earlier, honest]) expect(await hasKey(env, id)).toBe(false);
    for (const row of keys) {
      expect(
        await rawObject(env.bucket.client, env.bucket.bucket, row.s3_key as string),
      ).toBeNull();
    }
    expect((await q.getMetadata(honest))?.status).toBe('EXPIRED');
    // The forged rows stay as evidence, refused.
    expect(await codeOf(q.getMetadata(later))).toBe('QUARANTINE_RECORD_TAMPERED');
    // Nothing left to do: the next run finds nothing with a live key.
    expect(await q.cleanup()).toMatchObject({ tamperedRecords: 0, tamperedRecordsShredded: 0 });
  });

  /** regression: issue 16 */
  it('a held record made to look final keeps its object until the tamper sweep decides', async () => {
    const id = await q.store('made to look deleted', META);
    const [row] = await query(env, 'SELECT s3_key FROM quarantine_records WHERE id = $1', [id]);
    await query(
      env,
      "UPDATE quarantine_records SET status = 'DELETED', created_at = created_at - interval '2 hours' WHERE id = $1",
      [id],
    );
    clock.advance(HOUR);
    const result = await q.cleanup();
    expect(result).toMatchObject({ leftoverObjectsDeleted: 0, orphanObjectsDeleted: 0 });
    expect(
      await rawObject(env.bucket.client, env.bucket.bucket, row?.s3_key as string),
    ).not.toBeNull();
    expect(await hasKey(env, id)).toBe(true);
  });
});
