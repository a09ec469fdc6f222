/**
 * Fault injection for crash-consistency tests: a real S3 client and the real
 * Sequelize, wrapped so chosen calls fail before or after they take effect.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '@clawexchange/test-utils';
import type { Sequelize } from 'sequelize';
import type { Env } from './setup.js';

/** Failures to inject; tests mutate it between steps. */
export type Faults = {
  /** S3 command names to fail before sending (e.g. 'PutObjectCommand'). */
  s3Before: Set<string>;
  /** S3 command names to fail after the server applied them (lost response). */
  s3After: Set<string>;
  /** SQL fragments: a query containing one of them fails. */
  sql: string[];
  /** SQL fragments: a query containing one of them runs (and commits), then its reply is lost. */
  sqlAfter: string[];
  /** Called before each S3 command runs (to interleave other work). */
  onS3?: (command: string) => Promise<void>;
  /** Called before each SQL statement runs (to interleave other work). */
  onSql?: (sql: string) => Promise<void>;
};

/** A real S3 client with a middleware that injects failures. */
export function faultyS3(env: Env, faults: Faults): S3Client {
  const client = createS3Client(env.bucket);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName);
      await faults.onS3?.(name);
      if (faults.s3Before.has(name)) throw new Error('injected S3 failure before send');
      const out = await next(args);
      if (faults.s3After.has(name)) throw new Error('injected S3 failure after send');
      return out;
    },
    { step: 'initialize', name: 'faultInjection' },
  );
  return client;
}

/** The real Sequelize, except that queries matching a fault fail. */
export function faultyDb(db: Sequelize, faults: Faults): Sequelize {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'query') {
        return async (sql: string, ...rest: unknown[]) => {
          await faults.onSql?.(sql);
          if (faults.sql.some((f) => sql.includes(f))) {
            return Promise.reject(new Error('injected database failure'));
          }
          const run = (target.query as (...a: unknown[]) => Promise<unknown>).call(
            target,
            sql,
            ...rest,
          );
          if (!faults.sqlAfter.some((f) => sql.includes(f))) return run;
          return run.then(() => Promise.reject(new Error('injected lost database reply')));
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}
