import type { TestDatabase } from '@clawexchange/test-utils';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditLogger, computeRowHash, createAuditLogger } from '../../src/index.js';
import { ROW_HASH_SQL } from '../../src/internal/rows.js';
import { logged, migratedDatabase } from './helpers.js';

// Printable text with the characters JSON escaping cares about, and non-ASCII.
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom('"', '\\', '/', "'", 'é', '€', '😀', '\u2028', '\u0085', '{', ']', ' '),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) =>
    // Ids never hold control characters (log() rejects them): replace them.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces
    parts.join('').replace(/[\u0000-\u001f\u007f]/g, '_'),
  )
  .filter((s) => s.length > 0 && s.length <= 256);

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

describe('the SQL row hash (ROW_HASH_SQL) equals computeRowHash()', () => {
  let db: TestDatabase;
  let audit: AuditLogger;
  beforeAll(async () => {
    db = await migratedDatabase();
    audit = createAuditLogger({ database: db.sequelize });
  });
  afterAll(async () => {
    await db.drop();
  });

  it('property: any ids, targets and metadata strings round-trip to the same hash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            actorId: text,
            targetId: fc.option(text, { nil: undefined }),
            targetType: fc.option(text, { nil: undefined }),
            metadata: fc.option(
              fc.dictionary(
                text.filter((k) => !/^(content|text|body|raw|prompt|token|secret)$/i.test(k)),
                fc.oneof(
                  text,
                  fc.double({ noNaN: true, noDefaultInfinity: true }),
                  fc.boolean(),
                  fc.constant(null),
                ),
                { maxKeys: 4 },
              ),
              { nil: undefined },
            ),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        async (events) => {
          const records = await Promise.all(
            events.map((e) =>
              logged(
                audit.log({
                  eventType: 'SSG_PASS',
                  actorType: 'agent',
                  actorId: e.actorId,
                  ...(e.targetId === undefined ? {} : { targetId: e.targetId }),
                  ...(e.targetType === undefined ? {} : { targetType: e.targetType }),
                  ...(e.metadata === undefined ? {} : { metadata: e.metadata }),
                }),
              ),
            ),
          );
          const from = records[0]?.seq ?? 1;
          const result = await audit.verify({ from });
          expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
          // The same rows hashed by PostgreSQL from the stored columns.
          const [rows] = await db.sequelize.query(
            `SELECT count(*)::int AS n, count(*) FILTER (WHERE hash = ${ROW_HASH_SQL})::int AS same
             FROM audit_logs WHERE seq >= $1`,
            { bind: [from] },
          );
          expect(rows).toEqual([{ n: events.length, same: events.length }]);
        },
      ),
      { numRuns: 40 },
    );
    // An offline auditor re-hashing the exported records in JS gets the stored hashes.
    for await (const r of audit.exportRecords()) {
      expect(
        computeRowHash({
          seq: String(r.seq),
          createdAtMs: String(r.createdAt.getTime()),
          eventType: r.eventType,
          actorId: r.actorId,
          actorType: r.actorType,
          targetId: r.targetId,
          targetType: r.targetType,
          ipAddress: r.ipAddress,
          metadata: r.metadata === null ? null : canonical(r.metadata),
          prevHash: r.prevHash,
        }),
      ).toBe(r.hash);
    }
  });
});
