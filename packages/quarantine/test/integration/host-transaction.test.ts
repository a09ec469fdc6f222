import { AsyncLocalStorage } from 'node:async_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allKeys, type Env, META, setupEnv } from './setup.js';

type ClsStatic = { useCLS(ns: object): unknown; _cls?: unknown };

/** A minimal CLS namespace (what cls-hooked offers Sequelize) on AsyncLocalStorage. */
function clsNamespace(): object {
  const als = new AsyncLocalStorage<Map<string, unknown>>();
  return {
    run: (fn: (ctx: Map<string, unknown>) => unknown) => {
      const ctx = new Map<string, unknown>();
      return als.run(ctx, () => fn(ctx));
    },
    bind: <F>(fn: F) => fn,
    get: (key: string) => als.getStore()?.get(key),
    set: (key: string, value: unknown) => als.getStore()?.set(key, value),
  };
}

describe('a host with Sequelize CLS and an open transaction', () => {
  let env: Env;
  let SequelizeClass: ClsStatic;

  beforeAll(async () => {
    env = await setupEnv();
    SequelizeClass = env.db.sequelize.constructor as unknown as ClsStatic;
    SequelizeClass.useCLS(clsNamespace());
  });
  afterAll(async () => {
    // useCLS is global to the Sequelize class: undo it for anything after us.
    delete SequelizeClass._cls;
    await env.teardown();
  });

  it('a store inside a host transaction that rolls back is still durably held', async () => {
    const q = env.make();
    let id = '';
    await expect(
      env.db.sequelize.transaction(async () => {
        id = await q.store('held despite the host rollback', META);
        throw new Error('host rolls back');
      }),
    ).rejects.toThrow('host rolls back');
    // The id was acknowledged, so the record must exist outside the host's transaction.
    expect((await q.getMetadata(id))?.status).toBe('QUARANTINED');
    expect(await q.read(id)).toBe('held despite the host rollback');
    expect((await q.cleanup()).orphanObjectsDeleted).toBe(0);
    expect(await allKeys(env.bucket.client, env.bucket.bucket)).toHaveLength(1);
  });
});
