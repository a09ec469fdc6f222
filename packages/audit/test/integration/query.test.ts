import type { TestDatabase } from '@clawexchange/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuditLogger,
  type AuditQuery,
  type AuditRecord,
  createAuditLogger,
} from '../../src/index.js';
import { migratedDatabase } from './helpers.js';

const N = 3000;
const BASE = Date.UTC(2026, 10, 1);
const TYPES = ['SSG_PASS', 'SSG_WARN', 'SSG_BLOCK', 'HUMAN_VIEW_CONTENT'] as const;
const ACTOR_TYPES = ['agent', 'bot', 'human', 'system'] as const;

describe('query(): filters and keyset pagination over thousands of rows', () => {
  let db: TestDatabase;
  let audit: AuditLogger;
  let all: AuditRecord[];

  beforeAll(async () => {
    db = await migratedDatabase();
    let minute = 0;
    // One clock tick per batch: rows of a batch share created_at (ties).
    audit = createAuditLogger({
      database: db.sequelize,
      now: () => new Date(BASE + 60_000 * minute++),
      batch: { maxSize: 97 },
    });
    await Promise.all(
      Array.from({ length: N }, (_, i) =>
        audit.log({
          eventType: TYPES[i % 4] as string,
          actorId: `actor-${i % 37}`,
          actorType: ACTOR_TYPES[i % 3] as 'agent',
          ...(i % 5 === 0 ? {} : { targetId: `post-${i % 11}` }),
        }),
      ),
    );
    await db.sequelize.query('ANALYZE audit_logs');
    all = [];
    for await (const r of audit.exportRecords()) all.push(r);
    // Newest first, ties by seq descending.
    all.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.seq - a.seq);
  });
  afterAll(async () => {
    await db.drop();
  });

  async function pages(q: AuditQuery): Promise<{ records: AuditRecord[]; count: number }> {
    const records: AuditRecord[] = [];
    let cursor: string | undefined;
    let count = 0;
    do {
      const page = await audit.query({ ...q, ...(cursor === undefined ? {} : { cursor }) });
      records.push(...page.records);
      cursor = page.nextCursor ?? undefined;
      count++;
    } while (cursor !== undefined);
    return { records, count };
  }

  it('has ties on created_at (several rows per batch)', () => {
    expect(all).toHaveLength(N);
    expect(new Set(all.map((r) => r.createdAt.getTime())).size).toBeLessThan(N / 10);
  });

  it('walks every row exactly once, newest first with stable ties', async () => {
    const { records, count } = await pages({ limit: 250 });
    expect(count).toBe(12);
    expect(records.map((r) => r.seq)).toEqual(all.map((r) => r.seq));
  });

  const filters: [string, AuditQuery, (r: AuditRecord) => boolean][] = [
    ['one event type', { eventType: 'SSG_BLOCK' }, (r) => r.eventType === 'SSG_BLOCK'],
    [
      'several event types',
      { eventType: ['SSG_PASS', 'HUMAN_VIEW_CONTENT'] },
      (r) => r.eventType === 'SSG_PASS' || r.eventType === 'HUMAN_VIEW_CONTENT',
    ],
    ['actor id', { actorId: 'actor-5' }, (r) => r.actorId === 'actor-5'],
    ['actor type', { actorType: 'bot' }, (r) => r.actorType === 'bot'],
    ['target id', { targetId: 'post-3' }, (r) => r.targetId === 'post-3'],
    [
      'date range',
      { startDate: new Date(BASE + 60_000 * 5), endDate: new Date(BASE + 60_000 * 12) },
      (r) =>
        r.createdAt.getTime() >= BASE + 60_000 * 5 && r.createdAt.getTime() < BASE + 60_000 * 12,
    ],
    [
      'everything combined',
      {
        eventType: ['SSG_WARN', 'SSG_BLOCK'],
        actorType: 'agent',
        startDate: new Date(BASE + 60_000 * 3),
      },
      (r) =>
        (r.eventType === 'SSG_WARN' || r.eventType === 'SSG_BLOCK') &&
        r.actorType === 'agent' &&
        r.createdAt.getTime() >= BASE + 60_000 * 3,
    ],
  ];
  for (const [name, q, keep] of filters) {
    it(`filters by ${name}, across pages`, async () => {
      const expected = all.filter(keep).map((r) => r.seq);
      expect(expected.length).toBeGreaterThan(0);
      const { records } = await pages({ ...q, limit: 37 });
      expect(records.map((r) => r.seq)).toEqual(expected);
    });
  }

  it('is served by the indexes', async () => {
    const explain = async (where: string): Promise<string> => {
      const [rows] = await db.sequelize.query(
        `EXPLAIN SELECT * FROM audit_logs WHERE ${where} ORDER BY created_at DESC, seq DESC LIMIT 51`,
      );
      return (rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
    };
    expect(await explain("actor_id = 'actor-5'")).toContain('audit_logs_actor_idx');
    expect(await explain("target_id = 'post-3'")).toContain('audit_logs_target_idx');
    // A frequent type may be read off the created_at index instead; either way, no sort of the table.
    const byType = await explain("event_type = 'SSG_BLOCK'");
    expect(byType).toMatch(/audit_logs_(event_type|created)_idx/);
    expect(byType).not.toMatch(/Seq Scan|Sort/);
    expect(
      await explain("(created_at, seq) < ('2026-11-01T01:00:00Z'::timestamptz, 100::int8)"),
    ).toContain('audit_logs_created_idx');
  });
});
