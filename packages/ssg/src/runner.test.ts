import { describe, expect, it, vi } from 'vitest';
import { combine } from './combine.js';
import { fixedPlugin } from './internal/test-doubles.js';
import { createRunPlan, runPlugins } from './runner.js';
import { DEFAULT_TIER_THRESHOLDS } from './tiers.js';
import type { DetectionPlugin, PluginContext } from './types.js';

const envelope = { text: 'hello', contentType: 'POST' };

function plan(
  plugins: DetectionPlugin[],
  timeouts: Record<string, number> = {},
  defaultTimeoutMs = 1000,
) {
  let t = 0;
  // A clock that advances 1 ms per read: durations are deterministic.
  return createRunPlan({ plugins, defaultTimeoutMs, timeouts, now: () => t++ });
}

const never = (id: string, seen?: { signal?: AbortSignal }): DetectionPlugin => ({
  id,
  priority: 0,
  enabled: true,
  analyze: (_e, ctx: PluginContext) => {
    if (seen) seen.signal = ctx.signal;
    return new Promise(() => {});
  },
});

describe('runPlugins', () => {
  it('runs plugins in parallel and returns outcomes in plugin order', async () => {
    const order: string[] = [];
    const slow: DetectionPlugin = {
      ...fixedPlugin('slow', {}),
      analyze: async () => {
        order.push('slow:start');
        await new Promise((r) => setTimeout(r, 5));
        order.push('slow:end');
        return { score: 10, labels: ['A'], matches: [], summary: 's' };
      },
    };
    const fast: DetectionPlugin = {
      ...fixedPlugin('fast', {}),
      analyze: async () => {
        order.push('fast');
        return { score: 20, labels: ['B'], matches: [], summary: 's' };
      },
    };
    const outcomes = await runPlugins(plan([slow, fast]), envelope);
    expect(order.indexOf('fast')).toBeLessThan(order.indexOf('slow:end'));
    expect(outcomes.map((o) => [o.pluginId, o.status, o.score])).toEqual([
      ['slow', 'ok', 10],
      ['fast', 'ok', 20],
    ]);
  });

  it('isolates a throwing plugin (sync and async) from the others', async () => {
    const syncThrow: DetectionPlugin = {
      ...fixedPlugin('sync', {}),
      analyze: () => {
        throw new Error('boom');
      },
    };
    const asyncThrow: DetectionPlugin = {
      ...fixedPlugin('async', {}),
      analyze: async () => Promise.reject(new Error('boom')),
    };
    const good = fixedPlugin('good', { score: 42, labels: ['X'] });
    const outcomes = await runPlugins(plan([syncThrow, asyncThrow, good]), envelope);
    expect(outcomes.map((o) => [o.pluginId, o.status])).toEqual([
      ['sync', 'error'],
      ['async', 'error'],
      ['good', 'ok'],
    ]);
    expect(outcomes[2]?.score).toBe(42);
  });

  it('times out a hanging plugin, aborts its signal, and keeps the others', async () => {
    const seen: { signal?: AbortSignal } = {};
    const outcomes = await runPlugins(
      plan([never('hang', seen), fixedPlugin('ok', { score: 5 })], {}, 10),
      envelope,
    );
    expect(outcomes.map((o) => [o.pluginId, o.status])).toEqual([
      ['hang', 'timeout'],
      ['ok', 'ok'],
    ]);
    expect(seen.signal?.aborted).toBe(true);
  });

  it('applies per-plugin timeout overrides', async () => {
    const slow: DetectionPlugin = {
      ...fixedPlugin('slow', {}),
      analyze: () =>
        new Promise((r) =>
          setTimeout(() => r({ score: 1, labels: [], matches: [], summary: '' }), 30),
        ),
    };
    const outcomes = await runPlugins(plan([slow, never('hang')], { slow: 2000 }, 10), envelope);
    expect(outcomes.map((o) => o.status)).toEqual(['ok', 'timeout']);
  });

  it('treats invalid results (NaN score, non-object, bad labels, bad matches) as errors', async () => {
    const bad = [
      fixedPlugin('nan', { score: Number.NaN }),
      fixedPlugin('string-score', { score: '50' as unknown as number }),
      { ...fixedPlugin('null', {}), analyze: () => null as never },
      fixedPlugin('labels', { labels: [1] as unknown as string[] }),
      fixedPlugin('matches', { matches: [{ label: 'A' }] as never }),
      fixedPlugin('no-labels', { labels: undefined as never }),
      fixedPlugin('matches-not-array', { matches: { label: 'A', redacted: '*' } as never }),
      fixedPlugin('no-matches', { matches: undefined as never }),
      fixedPlugin('match-null', { matches: [null] as never }),
      { ...fixedPlugin('array', {}), analyze: () => [] as never },
    ];
    const outcomes = await runPlugins(plan(bad), envelope);
    expect(outcomes).toHaveLength(bad.length);
    expect(outcomes.every((o) => o.status === 'error' && o.score === 0)).toBe(true);
  });

  it('normalises scores and copies only label and redacted from matches', async () => {
    const leaky = fixedPlugin('leaky', {
      score: 29.5,
      matches: [
        {
          label: 'L',
          redacted: '***',
          raw: 'secret',
          start: 0,
          end: 6,
          context: 'secret',
        } as never,
      ],
      summary: 'found secret',
    });
    const [outcome] = await runPlugins(plan([leaky, fixedPlugin('neg', { score: -3 })]), envelope);
    expect(outcome?.score).toBe(30);
    expect(outcome?.matches).toEqual([{ label: 'L', redacted: '***' }]);
    expect(JSON.stringify(outcome)).not.toContain('secret');
  });

  it('skips disabled plugins, read at run time', async () => {
    const toggled = { ...fixedPlugin('toggled', { score: 90 }), enabled: false };
    const p = plan([toggled, fixedPlugin('on', {})]);
    expect((await runPlugins(p, envelope)).map((o) => o.pluginId)).toEqual(['on']);
    toggled.enabled = true;
    expect((await runPlugins(p, envelope)).map((o) => o.pluginId)).toEqual(['toggled', 'on']);
  });

  it('measures durations with the injected clock', async () => {
    const [outcome] = await runPlugins(plan([fixedPlugin('a', {})]), envelope);
    expect(outcome?.durationMs).toBe(1);
  });
});

describe('runPlugins timeouts tell the truth', () => {
  const result = { score: 90, labels: ['FOUND'], matches: [], summary: 's' };

  /** regression: issue 11 */
  it('a synchronous plugin that returns after its timeout is a timeout, not its result', async () => {
    const clock = { t: 0 };
    const busy: DetectionPlugin = {
      ...fixedPlugin('busy', {}),
      analyze: () => {
        clock.t += 1001; // synchronous work the timer cannot interrupt
        return result;
      },
    };
    const p = createRunPlan({
      plugins: [busy, fixedPlugin('ok', { score: 5 })],
      defaultTimeoutMs: 1000,
      timeouts: {},
      now: () => clock.t,
    });
    const outcomes = await runPlugins(p, envelope);
    expect(outcomes.map((o) => [o.pluginId, o.status, o.reason, o.score])).toEqual([
      ['busy', 'timeout', 'timeout', 0],
      ['ok', 'ok', undefined, 5],
    ]);
    expect(outcomes[0]?.durationMs).toBe(1001);
  });

  /** regression: issue 11 */
  it('an async plugin that settles after its timeout (before the timer ran) is a timeout', async () => {
    const clock = { t: 0 };
    const late: DetectionPlugin = {
      ...fixedPlugin('late', {}),
      analyze: async () => {
        await Promise.resolve();
        clock.t += 51;
        return result;
      },
    };
    const thrower: DetectionPlugin = {
      ...fixedPlugin('late-throw', {}),
      analyze: async () => {
        await Promise.resolve();
        clock.t += 51;
        throw new Error('late');
      },
    };
    const p = createRunPlan({
      plugins: [late, thrower],
      defaultTimeoutMs: 50,
      timeouts: {},
      now: () => clock.t,
    });
    const outcomes = await runPlugins(p, envelope);
    expect(outcomes.map((o) => [o.pluginId, o.status, o.reason])).toEqual([
      ['late', 'timeout', 'timeout'],
      ['late-throw', 'timeout', 'timeout'],
    ]);
  });

  it('a plugin that takes exactly its timeout is still in time; a throw in time is an error', async () => {
    const clock = { t: 0 };
    const exact: DetectionPlugin = {
      ...fixedPlugin('exact', {}),
      analyze: () => {
        clock.t += 100;
        return result;
      },
    };
    const thrower: DetectionPlugin = {
      ...fixedPlugin('thrower', {}),
      analyze: () => {
        throw new Error('x');
      },
    };
    const p = createRunPlan({
      plugins: [exact, thrower],
      defaultTimeoutMs: 100,
      timeouts: {},
      now: () => clock.t,
    });
    const outcomes = await runPlugins(p, envelope);
    expect(outcomes.map((o) => [o.status, o.reason])).toEqual([
      ['ok', undefined],
      ['error', 'threw'],
    ]);
  });

  /** regression: issue 11 */
  it("one plugin's synchronous work does not use up the time of the plugins called after it", async () => {
    vi.useFakeTimers();
    try {
      const clock = { t: 0 };
      const hog: DetectionPlugin = {
        ...fixedPlugin('hog', {}),
        analyze: () => {
          // 20 ms of synchronous work: on the clock, and on the timers.
          clock.t += 20;
          vi.advanceTimersByTime(20);
          return result;
        },
      };
      const io: DetectionPlugin = {
        ...fixedPlugin('io', {}),
        analyze: () =>
          new Promise((resolve) => setTimeout(() => resolve({ ...result, score: 10 }), 5)),
      };
      const p = createRunPlan({
        plugins: [hog, io],
        defaultTimeoutMs: 10,
        timeouts: {},
        now: () => clock.t,
      });
      const run = runPlugins(p, envelope);
      await vi.advanceTimersByTimeAsync(5);
      const outcomes = await run;
      expect(outcomes.map((o) => [o.pluginId, o.status])).toEqual([
        ['hog', 'timeout'],
        ['io', 'ok'],
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  /** regression: issue 11 */
  it('a prompt async plugin is not charged for the synchronous work of the plugins after it', async () => {
    const clock = { t: 0 };
    const prompt: DetectionPlugin = {
      ...fixedPlugin('prompt', {}),
      analyze: async () => ({ ...result, score: 30 }),
    };
    const busy: DetectionPlugin = {
      ...fixedPlugin('busy', {}),
      analyze: () => {
        clock.t += 20;
        return result;
      },
    };
    const p = createRunPlan({
      plugins: [prompt, busy],
      defaultTimeoutMs: 10,
      timeouts: {},
      now: () => clock.t,
    });
    const outcomes = await runPlugins(p, envelope);
    expect(outcomes.map((o) => [o.pluginId, o.status, o.durationMs])).toEqual([
      ['prompt', 'ok', 20], // observed after busy's work, but none of it was its own
      ['busy', 'timeout', 20],
    ]);
  });

  it('arms no timer when every plugin answered synchronously, one per group otherwise', async () => {
    vi.useFakeTimers();
    try {
      const sync = plan([fixedPlugin('a', {}), fixedPlugin('b', {})]);
      const run = runPlugins(sync, envelope);
      expect(vi.getTimerCount()).toBe(0);
      expect((await run).map((o) => o.status)).toEqual(['ok', 'ok']);
      const mixed = plan([fixedPlugin('a', {}), never('hang'), never('hang2')], {}, 10);
      const pending = runPlugins(mixed, envelope);
      expect(vi.getTimerCount()).toBe(1);
      await vi.advanceTimersByTimeAsync(10);
      expect((await pending).map((o) => o.status)).toEqual(['ok', 'timeout', 'timeout']);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a signal first read after the deadline passed is already aborted', async () => {
    vi.useFakeTimers();
    try {
      let context: PluginContext | undefined;
      const lazy: DetectionPlugin = {
        ...fixedPlugin('lazy', {}),
        analyze: (_e, ctx) => {
          context = ctx; // keeps the context, reads the signal only later
          return new Promise(() => {});
        },
      };
      const run = runPlugins(plan([lazy], {}, 10), envelope);
      await vi.advanceTimersByTimeAsync(10);
      expect((await run)[0]?.status).toBe('timeout');
      expect(context?.signal.aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('accepts any thenable as a pending answer, and a throwing then as a throw', async () => {
    const thenable: DetectionPlugin = {
      ...fixedPlugin('thenable', {}),
      analyze: () =>
        ({
          // biome-ignore lint/suspicious/noThenProperty: the point of the test is a bare thenable
          then: (resolve: (v: unknown) => void) => resolve(result),
        }) as never,
    };
    const badThen: DetectionPlugin = {
      ...fixedPlugin('bad-then', {}),
      analyze: () =>
        ({
          // biome-ignore lint/suspicious/noThenProperty: a then getter that throws is the case under test
          get then() {
            throw new Error('x');
          },
        }) as never,
    };
    const outcomes = await runPlugins(plan([thenable, badThen]), envelope);
    expect(outcomes.map((o) => [o.status, o.reason, o.score])).toEqual([
      ['ok', undefined, 90],
      ['error', 'threw', 0],
    ]);
  });

  it('reports why a plugin failed and which field of an invalid result was wrong', async () => {
    const outcomes = await runPlugins(
      plan([fixedPlugin('bad', { matches: [{ label: 'A' }] as never })]),
      envelope,
    );
    expect(outcomes[0]).toMatchObject({
      status: 'error',
      reason: 'invalid_result',
      field: 'matches[0].redacted',
    });
  });
});

describe('combine', () => {
  const ok = (pluginId: string, score: number, labels: string[] = []) => ({
    pluginId,
    status: 'ok' as const,
    score,
    labels,
    matches: [],
    durationMs: 1,
  });
  const failed = (pluginId: string, status: 'error' | 'timeout') => ({
    ...ok(pluginId, 0),
    status,
  });
  const tiers = DEFAULT_TIER_THRESHOLDS;

  it('takes the maximum score and merges labels without duplicates', () => {
    const d = combine([ok('a', 20, ['X']), ok('b', 45, ['X', 'Y'])], { policy: 'ignore', tiers });
    expect(d).toMatchObject({ score: 45, tier: 'MODERATE', verdict: 'WARN', labels: ['X', 'Y'] });
  });

  it("'ignore' drops a failed plugin but labels it and reports it degraded", () => {
    const d = combine([ok('a', 10), failed('b', 'timeout'), failed('c', 'error')], {
      policy: 'ignore',
      tiers,
    });
    expect(d.tier).toBe('LOW');
    expect(d.labels).toEqual(['PLUGIN_TIMEOUT:b', 'PLUGIN_ERROR:c']);
    expect(d.degraded).toEqual([
      { pluginId: 'b', code: 'PLUGIN_TIMEOUT' },
      { pluginId: 'c', code: 'PLUGIN_ERROR' },
    ]);
  });

  it("'escalate' lifts the result to at least HIGH (QUARANTINE), never lowers it", () => {
    expect(
      combine([ok('a', 0), failed('b', 'error')], { policy: 'escalate', tiers }),
    ).toMatchObject({
      tier: 'HIGH',
      verdict: 'QUARANTINE',
      score: 60,
    });
    expect(combine([ok('a', 95), failed('b', 'error')], { policy: 'escalate', tiers }).tier).toBe(
      'CRITICAL',
    );
  });

  /** regression: issue 11 */
  it("'sum' adds the scores (clamped to 100); 'max' takes the highest", () => {
    const outcomes = [ok('a', 40, ['X']), ok('b', 35, ['Y'])];
    expect(combine(outcomes, { policy: 'ignore', tiers, mode: 'max' })).toMatchObject({
      score: 40,
      tier: 'MODERATE',
    });
    expect(combine(outcomes, { policy: 'ignore', tiers, mode: 'sum' })).toMatchObject({
      score: 75,
      tier: 'HIGH',
      verdict: 'QUARANTINE',
      labels: ['X', 'Y'],
    });
    expect(
      combine([ok('a', 90), ok('b', 80)], { policy: 'ignore', tiers, mode: 'sum' }).score,
    ).toBe(100);
  });

  it("'sum' with 'escalate': a failed plugin lifts the total to at least HIGH, never lowers it", () => {
    expect(
      combine([ok('a', 10), failed('b', 'error')], { policy: 'escalate', tiers, mode: 'sum' }),
    ).toMatchObject({ score: 60, tier: 'HIGH' });
    expect(
      combine([ok('a', 50), ok('c', 40), failed('b', 'timeout')], {
        policy: 'escalate',
        tiers,
        mode: 'sum',
      }),
    ).toMatchObject({ score: 90, tier: 'CRITICAL' });
  });

  it('gives CLEAR for no plugins', () => {
    expect(combine([], { policy: 'escalate', tiers })).toMatchObject({
      tier: 'CLEAR',
      verdict: 'PASS',
    });
  });
});
