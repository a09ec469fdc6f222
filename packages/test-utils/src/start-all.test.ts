import { describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from './service-error.js';
import { type Stoppable, startAll } from './start-all.js';

function service(log: string[], name: string): () => Promise<Stoppable> {
  return async () => ({
    async stop() {
      log.push(`stopped ${name}`);
    },
  });
}

function failing(name: string, message: string): () => Promise<Stoppable> {
  return () => Promise.reject(new ServiceUnavailableError(name, message));
}

describe('startAll', () => {
  it('resolves with every service, in order, and stops none', async () => {
    const log: string[] = [];
    const a = { stop: async () => void log.push('stopped a') };
    const b = { stop: async () => void log.push('stopped b') };
    const started = await startAll([async () => a, async () => b]);
    expect(started[0]).toBe(a);
    expect(started[1]).toBe(b);
    expect(log).toEqual([]);
  });

  /** regression: issue 2 */
  it('stops the services that started when another cannot, and rethrows its error', async () => {
    const log: string[] = [];
    const error = await startAll([
      service(log, 'postgres'),
      failing('redis', '`redis-server` was not found on PATH.'),
      service(log, 's3'),
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as Error).message).toBe(
      '[test-utils] redis: `redis-server` was not found on PATH.',
    );
    expect(log.sort()).toEqual(['stopped postgres', 'stopped s3']);
  });

  /** regression: issue 2 */
  it('reports every failure at once, so one run names everything to install', async () => {
    const log: string[] = [];
    const error = await startAll([
      failing('postgres', 'install postgres'),
      failing('redis', 'install redis'),
      service(log, 's3'),
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as Error).message).toBe(
      '[test-utils] postgres: install postgres\n[test-utils] redis: install redis',
    );
    expect(log).toEqual(['stopped s3']);
  });
});
