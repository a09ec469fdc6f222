import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createSSG } from '../create-ssg.js';
import { isSSGError } from '../errors.js';
import { keywordPlugin } from '../keyword-plugin.js';
import { DEFAULT_TIER_THRESHOLDS, validateTierThresholds } from '../tiers.js';
import { testPlugin } from './test-doubles.js';

const ssg = () => createSSG({ plugins: [testPlugin] });
const envelope = { text: 'hello', contentType: 'POST' } as const;
const rule = { term: 'x', label: 'X_WORD', score: 10 } as const;

/** Runs `fn` and returns the SSG_INVALID_CONFIG error it throws or rejects with. */
async function configError(fn: () => unknown): Promise<{ field?: string; message: string }> {
  try {
    await fn();
  } catch (e) {
    if (isSSGError(e) && e.code === 'SSG_INVALID_CONFIG') {
      return { message: e.message, ...(e.field === undefined ? {} : { field: e.field }) };
    }
    throw e;
  }
  throw new Error('expected SSG_INVALID_CONFIG');
}

/** Every factory and method of the package that takes an options object, given an unknown key. */
const CASES: readonly {
  readonly call: string;
  readonly run: (key: string) => unknown;
  readonly field: (key: string) => string;
}[] = [
  {
    call: 'createSSG(config)',
    run: (k) => createSSG({ plugins: [], [k]: 1 }),
    field: (k) => k,
  },
  {
    call: 'createSSG({ tiers: [row…] })',
    run: (k) =>
      createSSG({
        plugins: [],
        tiers: DEFAULT_TIER_THRESHOLDS.map((r, i) => (i === 2 ? { ...r, [k]: 1 } : r)),
      }),
    field: (k) => `tiers[2].${k}`,
  },
  {
    call: 'validateTierThresholds(rows)',
    run: (k) =>
      validateTierThresholds(
        DEFAULT_TIER_THRESHOLDS.map((r, i) => (i === 0 ? { ...r, [k]: 1 } : r)),
      ),
    field: (k) => `tiers[0].${k}`,
  },
  {
    call: 'inspect(envelope)',
    run: (k) => ssg().inspect({ ...envelope, [k]: 1 }),
    field: (k) => k,
  },
  {
    call: 'inspect(envelope, options)',
    run: (k) => ssg().inspect(envelope, { [k]: 1 } as never),
    field: (k) => k,
  },
  {
    call: 'middleware(options)',
    run: (k) => ssg().middleware({ [k]: 1 } as never),
    field: (k) => k,
  },
  {
    call: 'middleware({ statusCodes })',
    run: (k) => ssg().middleware({ statusCodes: { [k]: 1 } as never }),
    field: (k) => `statusCodes.${k}`,
  },
  {
    call: 'inspectRequest(request, options)',
    run: (k) =>
      ssg().inspectRequest(new Request('http://x/', { method: 'GET' }), { [k]: 1 } as never),
    field: (k) => k,
  },
  {
    call: 'fetchHandler(handler, options)',
    run: (k) => ssg().fetchHandler(async () => new Response(), { [k]: 1 } as never),
    field: (k) => k,
  },
  {
    call: 'keywordPlugin(options)',
    run: (k) => keywordPlugin({ rules: [rule], [k]: 1 } as never),
    field: (k) => k,
  },
  {
    call: 'keywordPlugin({ rules: [rule…] })',
    run: (k) => keywordPlugin({ rules: [{ ...rule, [k]: 1 }] as never }),
    field: (k) => `rules[0].${k}`,
  },
];

describe('nothing silently ignored', () => {
  /** regression: issue 11 */
  it.each(CASES)('$call rejects an unknown key, naming it', async (c) => {
    const e = await configError(() => c.run('notAnOption'));
    expect(e.field).toBe(c.field('notAnOption'));
    expect(e.message).toContain('`notAnOption`');
  });

  /** regression: issue 11 */
  it("createSSG({ tierThresholds }) (upstream's name) is refused with a hint to `tiers`", async () => {
    const e = await configError(() =>
      createSSG({ plugins: [], tierThresholds: DEFAULT_TIER_THRESHOLDS } as never),
    );
    expect(e.field).toBe('tierThresholds');
    expect(e.message).toContain('is `tiers` here');
  });

  it('suggests the near miss of a known option', async () => {
    const e = await configError(() => createSSG({ plugins: [], pluginTimeoutMS: 5 } as never));
    expect(e.message).toContain('did you mean `pluginTimeoutMs`?');
  });

  it('refuses an options argument that is not an object', async () => {
    expect((await configError(() => ssg().inspect(envelope, 'bot' as never))).field).toBe(
      'options',
    );
    expect((await configError(() => ssg().middleware('text' as never))).field).toBe('options');
  });

  it('names an unknown key returned by extract (SSG_EXTRACT_FAILED, 500) without echoing it', async () => {
    const app = express();
    app.use(express.json());
    app.post('/', ssg().middleware({ extract: () => ({ agent: 'a1' }) as never }), (_q, r) => {
      r.status(201).end();
    });
    const errors: unknown[] = [];
    app.use((err: unknown, _q: express.Request, r: express.Response, _n: express.NextFunction) => {
      errors.push(err);
      r.status(500).end();
    });
    await request(app).post('/').send({ text: 'hi' }).expect(500);
    expect(errors[0]).toMatchObject({ code: 'SSG_EXTRACT_FAILED', field: 'extract.agent' });
  });

  it('still accepts the documented shapes', async () => {
    expect((await ssg().inspect(envelope, { actorId: 'a', actorType: 'bot' })).verdict).toBe(
      'PASS',
    );
    expect(() =>
      ssg().middleware({ fields: ['text'], statusCodes: { block: 403 }, onQuarantine: 'next' }),
    ).not.toThrow();
  });
});
