/**
 * Fault injection under steady load (issue 16): the example app, composed as
 * the deployment guide composes it (limiter on Redis with the insurance
 * policy, gate, audit fail-closed, quarantine), keeps the promises of
 * ARCHITECTURE.md "Failure semantics" while PostgreSQL, Redis and the S3
 * server are stopped and restarted in turn, and while S3 answers errors
 * and hangs. See docs/operations.md "Fault-injection suite".
 *
 * `FAULT_SOAK=1` holds each fault 30 s instead of 4 s and repeats it 3 times.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { waitUntil } from '@clawexchange/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerProblems,
  auditProblems,
  detectorMisses,
  errorBodyProblems,
  healthProblems,
  heldContentProblems,
  recoveryProblems,
  statusCounts,
} from './checks.js';
import { type FaultRig, startFaultRig } from './harness.js';
import {
  getHealth,
  type HealthAnswer,
  type LoadRecord,
  postAt,
  sendPost,
  startLoad,
} from './load.js';

const SOAK = process.env.FAULT_SOAK === '1';
/** How long each fault lasts, and the steady load before and after it. */
const HOLD_MS = SOAK ? 30_000 : 4_000;
const STEADY_MS = SOAK ? 5_000 : 1_500;
const ROUNDS = SOAK ? 3 : 1;
const CONCURRENCY = 4;
/** A hang guard for one request, far above the gate's 5 s sink bounds. */
const REQUEST_TIMEOUT_MS = 30_000;
/** A bound on a whole fault case (hang guard, not a speed check). */
const CASE_TIMEOUT_MS = (SOAK ? 10 : 1) * 180_000;

/** What one fault does to the rig. */
type Fault = {
  readonly id: string;
  /** The `/readyz` component the fault takes down. */
  readonly component: 'postgres' | 'redis' | 's3';
  inject(rig: FaultRig): Promise<void>;
  restore(rig: FaultRig): Promise<void>;
};

type FaultRun = {
  readonly records: readonly LoadRecord[];
  readonly during: readonly LoadRecord[];
  readonly after: readonly LoadRecord[];
  /** Health answers while the fault lasted, and after recovery. */
  readonly healthDuring: readonly HealthAnswer[];
  readonly healthAfter: readonly HealthAnswer[];
};

const HEALTH_PATHS = ['/livez', '/readyz', '/healthz'] as const;

function probeHealth(url: string): Promise<HealthAnswer[]> {
  return Promise.all(HEALTH_PATHS.map((path) => getHealth(url, path, REQUEST_TIMEOUT_MS)));
}

/** Waits until the limiter decides from `source` (a hang guard, not a speed check). */
async function limiterSource(rig: FaultRig, source: 'insurance' | 'redis'): Promise<void> {
  await waitUntil(
    async () => {
      const result = await rig.pipeline.limiter.check('verified-outage-probe', 'POSTS', {
        trustLevel: 'VERIFIED',
      });
      if (result.source !== source) throw new Error(`limiter source ${result.source}`);
    },
    { timeoutMs: 60_000, intervalMs: 100 },
  );
}

const POSTGRES_RESTART: Fault = {
  id: 'postgres-restart',
  component: 'postgres',
  inject: (r) => r.postgres.stop(),
  restore: (r) => r.postgres.start(),
};
const REDIS_RESTART: Fault = {
  id: 'redis-restart',
  component: 'redis',
  inject: (r) => r.redis.stop(),
  async restore(r) {
    await r.redis.start();
    // Back on Redis (the client reconnects by itself), not stuck on the insurance limiter.
    await limiterSource(r, 'redis');
  },
};
const POSTGRES_BLACKHOLE: Fault = {
  id: 'postgres-blackhole',
  component: 'postgres',
  inject: async (r) => r.postgresProxy.setMode('blackhole'),
  restore: async (r) => r.postgresProxy.setMode('pass'),
};
const REDIS_BLACKHOLE: Fault = {
  id: 'redis-blackhole',
  component: 'redis',
  inject: async (r) => r.redisProxy.setMode('blackhole'),
  async restore(r) {
    r.redisProxy.setMode('pass');
    await limiterSource(r, 'redis');
  },
};
const S3_RESTART: Fault = {
  id: 's3-restart',
  component: 's3',
  inject: (r) => r.s3.stop(),
  restore: (r) => r.s3.start(),
};
const S3_ERRORS: Fault = {
  id: 's3-errors',
  component: 's3',
  inject: async (r) => r.s3Proxy.setMode('error'),
  restore: async (r) => r.s3Proxy.setMode('pass'),
};
const S3_HANG: Fault = {
  id: 's3-hang',
  component: 's3',
  inject: async (r) => r.s3Proxy.setMode('hang'),
  restore: async (r) => r.s3Proxy.setMode('pass'),
};

let probes = 0;

/** The app answers a clean post 201 and holds a credential (202) again, three times in a row. */
async function waitForRecovery(url: string): Promise<void> {
  await waitUntil(
    async () => {
      for (let i = 0; i < 3; i++) {
        const n = probes++;
        const clean = await sendPost(
          url,
          { agentId: `verified-probe-${n}`, text: postAt(0).text },
          REQUEST_TIMEOUT_MS,
        );
        const held = await sendPost(
          url,
          { agentId: `verified-probe-held-${n}`, text: postAt(3).text },
          REQUEST_TIMEOUT_MS,
        );
        if (clean.status !== 201 || held.status !== 202) {
          throw new Error(
            `not recovered yet: clean ${clean.status} ${clean.rawBody.slice(0, 120)}, held ${held.status} ${held.rawBody.slice(0, 120)}`,
          );
        }
      }
    },
    { timeoutMs: 90_000, intervalMs: 250 },
  );
}

describe('fault injection under steady load (PostgreSQL, Redis, S3)', () => {
  let rig: FaultRig;
  const all: LoadRecord[] = [];
  const summary: string[] = [];

  beforeAll(async () => {
    rig = await startFaultRig();
  }, 180_000);
  afterAll(async () => {
    if (summary.length > 0) process.stdout.write(`\nfault suite:\n${summary.join('\n')}\n`);
    await rig?.close();
  }, 60_000);

  async function underLoad(fault: Fault, during?: () => Promise<void>): Promise<FaultRun> {
    const records: LoadRecord[] = [];
    const healthDuring: HealthAnswer[] = [];
    const healthAfter: HealthAnswer[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const load = startLoad({
        url: rig.url,
        concurrency: CONCURRENCY,
        agentPrefix: `verified-${fault.id}-${round}-`,
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
      });
      load.setPhase('before');
      await sleep(STEADY_MS);
      load.setPhase('fault');
      await fault.inject(rig);
      await during?.();
      healthDuring.push(...(await probeHealth(rig.url)));
      await sleep(HOLD_MS);
      load.setPhase('recovering');
      await fault.restore(rig);
      await waitForRecovery(rig.url);
      // Ready again, without a restart of the app (a hang guard, not a speed check).
      await waitUntil(
        async () => {
          const ready = await getHealth(rig.url, '/readyz', REQUEST_TIMEOUT_MS);
          if (ready.status !== 200) throw new Error(`readyz ${ready.status}`);
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      );
      healthAfter.push(...(await probeHealth(rig.url)));
      load.setPhase('after');
      await sleep(STEADY_MS);
      records.push(...(await load.stop()));
    }
    all.push(...records);
    const misses = detectorMisses(records);
    summary.push(
      `  ${fault.id}: ${JSON.stringify(statusCounts(records))}${misses ? `, detector misses ${misses}` : ''}`,
    );
    return {
      records,
      during: records.filter((r) => r.phase === 'fault'),
      after: records.filter((r) => r.phase === 'after'),
      healthDuring,
      healthAfter,
    };
  }

  /** The promises every fault must keep. */
  async function expectPromisesKept(run: FaultRun, fault: Fault): Promise<void> {
    expect(answerProblems(run.records)).toEqual([]);
    expect(errorBodyProblems(run.records)).toEqual([]);
    expect(await heldContentProblems(run.records, rig)).toEqual([]);
    expect(await auditProblems(run.records, rig.pipeline)).toEqual([]);
    expect(run.after.length).toBeGreaterThan(0);
    expect(recoveryProblems(run.after)).toEqual([]);
    expect(healthProblems(run.healthDuring, fault.component)).toEqual([]);
    expect(healthProblems(run.healthAfter, undefined)).toEqual([]);
    expect(rig.crashes).toEqual([]);
  }

  const unavailable = (records: readonly LoadRecord[]) => records.filter((r) => r.status === 503);

  it(
    'PostgreSQL stopped and restarted: fail-closed 503s, nothing published or lost, audit intact',
    async () => {
      const run = await underLoad(POSTGRES_RESTART);
      // The fault bit: with audit fail-closed, requests during the outage were refused.
      expect(unavailable(run.records).length).toBeGreaterThan(0);
      await expectPromisesKept(run, POSTGRES_RESTART);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'Redis stopped and restarted: the limiter decides from its insurance limiter, carrying known counts',
    async () => {
      // An agent at its limit in Redis before the outage.
      const exhausted = `fault-limit-${Date.now()}`;
      let denied = 0;
      for (let i = 0; i < 12 && denied === 0; i++) {
        const answer = await sendPost(
          rig.url,
          { agentId: exhausted, text: postAt(0).text },
          REQUEST_TIMEOUT_MS,
        );
        if (answer.status === 429) denied++;
      }
      expect(denied).toBe(1);
      let whileDown = 0;
      const run = await underLoad(REDIS_RESTART, async () => {
        await limiterSource(rig, 'insurance');
        const answer = await sendPost(
          rig.url,
          { agentId: exhausted, text: postAt(0).text },
          REQUEST_TIMEOUT_MS,
        );
        whileDown = answer.status;
      });
      // The configured policy ('insurance', the default) decided during the outage
      // (limiterSource waited for it), starting from the counts Redis had: the agent
      // at its limit stays denied...
      expect(whileDown).toBe(429);
      // ...and everyone else is admitted: an outage of the limiter's store refuses nobody.
      expect(run.during.length).toBeGreaterThan(0);
      expect(unavailable(run.records)).toEqual([]);
      await expectPromisesKept(run, REDIS_RESTART);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'PostgreSQL connections going silent (failover, partition): 503s within the bounds, then recovery',
    async () => {
      const run = await underLoad(POSTGRES_BLACKHOLE);
      expect(rig.postgresProxy.silenced()).toBeGreaterThan(0);
      // Requests caught by the fault are refused once the gate's 5 s sink bounds pass.
      expect(unavailable(run.records).length).toBeGreaterThan(0);
      await expectPromisesKept(run, POSTGRES_BLACKHOLE);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'Redis connection going silent: the insurance limiter decides, then the limiter returns to Redis',
    async () => {
      const run = await underLoad(REDIS_BLACKHOLE, () => limiterSource(rig, 'insurance'));
      expect(rig.redisProxy.silenced()).toBeGreaterThan(0);
      expect(unavailable(run.records)).toEqual([]);
      await expectPromisesKept(run, REDIS_BLACKHOLE);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'S3 server stopped and restarted: held content is refused with 503, never published',
    async () => {
      const run = await underLoad(S3_RESTART);
      expect(unavailable(run.records).filter((r) => r.kind !== 'clean').length).toBeGreaterThan(0);
      await expectPromisesKept(run, S3_RESTART);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'S3 answering 503 errors: held content is refused with 503, never published',
    async () => {
      const run = await underLoad(S3_ERRORS);
      expect(rig.s3Proxy.counts().error).toBeGreaterThan(0);
      expect(unavailable(run.records).filter((r) => r.kind !== 'clean').length).toBeGreaterThan(0);
      await expectPromisesKept(run, S3_ERRORS);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'S3 hanging (accepts, never answers): stores time out into 503s, nothing hangs',
    async () => {
      const run = await underLoad(S3_HANG);
      expect(rig.s3Proxy.counts().hang).toBeGreaterThan(0);
      expect(unavailable(run.records).filter((r) => r.kind !== 'clean').length).toBeGreaterThan(0);
      await expectPromisesKept(run, S3_HANG);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'after every fault: all held content reads back, the audit chain verifies, no crash',
    async () => {
      expect(all.length).toBeGreaterThan(0);
      expect(await heldContentProblems(all, rig)).toEqual([]);
      expect(await auditProblems(all, rig.pipeline)).toEqual([]);
      expect(rig.crashes).toEqual([]);
    },
    CASE_TIMEOUT_MS,
  );
});
