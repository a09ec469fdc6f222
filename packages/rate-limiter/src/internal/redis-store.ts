import type { RedisLike } from '../types.js';
import {
  DECIDE_SCRIPT,
  DECIDE_SCRIPT_SHA1,
  VERDICT_SCRIPT,
  VERDICT_SCRIPT_SHA1,
} from './scripts.js';
import type { Store, StoreReply, StoreRequest, VerdictKind, WindowReply } from './store.js';

/** Raised when Redis is not ready, times out or fails; the limiter maps it to its outage policy. */
export class RedisUnavailable extends Error {
  override readonly name = 'RedisUnavailable';
}

/**
 * Runs a pinned script by SHA1 and falls back to EVAL (which also caches it)
 * when the server answers NOSCRIPT, e.g. after a restart or SCRIPT FLUSH.
 * We do not `defineCommand` on the host's client: that would add methods to
 * an object we do not own.
 */
async function runScript(
  redis: RedisLike,
  script: { readonly lua: string; readonly sha: string },
  keys: readonly string[],
  args: readonly (string | number)[],
): Promise<unknown> {
  try {
    return await redis.evalsha(script.sha, keys.length, ...keys, ...args);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('NOSCRIPT')) {
      return redis.eval(script.lua, keys.length, ...keys, ...args);
    }
    throw e;
  }
}

function toNumbers(raw: unknown): number[] {
  if (!Array.isArray(raw) || raw.length !== 11) throw new Error('unexpected script reply shape');
  return raw.map((x) => Number(x));
}

function windowAt(n: readonly number[], at: number): WindowReply {
  return {
    limit: n[at] ?? 0,
    used: n[at + 1] ?? 0,
    retryAtMs: n[at + 2] ?? 0,
    resetAtMs: n[at + 3] ?? 0,
  };
}

/**
 * Client states in which a call cannot succeed soon: the connection was lost
 * (`reconnecting`, `close`) or closed for good (`end`). A client that is still
 * making its first connection (`wait`, `connecting`, `connect`) is not among
 * them: ioredis queues the call and sends it once connected.
 */
const LOST: ReadonlySet<string> = new Set(['reconnecting', 'close', 'end']);

/** Options of {@link createRedisStore}. */
export type RedisStoreOptions = {
  /** Budget per call before it counts as an outage (ms). */
  readonly timeoutMs: number;
  /** True while the limiter is in an outage: then only a `ready` client is tried. */
  readonly isDown: () => boolean;
};

/**
 * The Redis store: one EVALSHA per decision, time from the server's TIME.
 *
 * @param redis - the host's ioredis client
 * @param opts - timeout and outage state
 * @returns the store; every failure surfaces as {@link RedisUnavailable}
 */
export function createRedisStore(redis: RedisLike, opts: RedisStoreOptions): Store {
  const decide = { lua: DECIDE_SCRIPT, sha: DECIDE_SCRIPT_SHA1 };
  const verdict = { lua: VERDICT_SCRIPT, sha: VERDICT_SCRIPT_SHA1 };

  /** True while a call made during an outage (a probe) is in flight. */
  let probing = false;

  /**
   * Fails fast when the connection is lost, or when we are in an outage and
   * the client is not ready (ioredis would queue every call until the
   * timeout); otherwise bounds the wait. A fresh client that is still
   * connecting is given the timeout, so the first decision after start-up
   * is made in Redis instead of being reported as an outage. During an
   * outage with a `ready` client (a hung server) one call at a time probes
   * Redis; the others go to the policy at once instead of each waiting the
   * timeout and piling commands up on the hung connection.
   */
  async function guarded<T>(fn: () => Promise<T>): Promise<T> {
    const down = opts.isDown();
    if (LOST.has(redis.status) || (down && (redis.status !== 'ready' || probing))) {
      throw new RedisUnavailable('redis not ready');
    }
    if (down) probing = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RedisUnavailable('redis timed out')), opts.timeoutMs);
    });
    try {
      // Inside the try: a client method that throws synchronously is an outage too.
      const call = fn();
      // The losing call may still reject later; swallow it there so it never
      // becomes an unhandled rejection (the outcome was already decided).
      call.catch(() => undefined);
      return await Promise.race([call, timeout]);
    } catch (cause) {
      if (cause instanceof RedisUnavailable) throw cause;
      throw new RedisUnavailable('redis call failed', { cause });
    } finally {
      clearTimeout(timer);
      if (down) probing = false;
    }
  }

  return {
    async decide(req: StoreRequest): Promise<StoreReply> {
      const raw = await guarded(() =>
        runScript(
          redis,
          decide,
          [req.counterKey, req.verdictKey],
          [
            req.mode,
            req.cost,
            req.penaltyMask,
            String(req.factors[0]),
            String(req.factors[1]),
            String(req.factors[2]),
            String(req.burst.base),
            req.burst.windowMs,
            String(req.window.base),
            req.window.windowMs,
            req.buckets,
          ],
        ),
      );
      let n: number[];
      try {
        n = toNumbers(raw);
      } catch (cause) {
        throw new RedisUnavailable('redis reply malformed', { cause });
      }
      return {
        allowed: n[0] === 1,
        nowMs: n[1] ?? 0,
        penaltyMask: n[2] ?? 0,
        burst: windowAt(n, 3),
        window: windowAt(n, 7),
      };
    },
    async recordVerdict(verdictKey: string, kind: VerdictKind): Promise<void> {
      await guarded(() => runScript(redis, verdict, [verdictKey], [kind]));
    },
    async resetCounters(req: StoreRequest): Promise<void> {
      await guarded(() => redis.del(req.counterKey));
    },
    async clearVerdicts(verdictKey: string): Promise<void> {
      await guarded(() => redis.del(verdictKey));
    },
  };
}
