import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quarantine } from '../../src/types.js';
import { type Env, META, setupEnv } from './setup.js';

describe('property: store → read round-trips any well-formed string', () => {
  let env: Env;
  let q: Quarantine;

  beforeAll(async () => {
    env = await setupEnv();
    q = env.make({ limits: { maxContentBytes: 4 * 1024 * 1024 } });
  });
  afterAll(async () => {
    await env.teardown();
  });

  it('round-trips random Unicode, including empty, non-BMP and multi-megabyte content', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant(''),
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 500 }),
          fc.string({ unit: fc.constantFrom('𝄞', '😀', '𠜎', 'a', '\u0000', 'é'), maxLength: 300 }),
        ),
        async (content) => {
          const id = await q.store(content, META);
          expect(await q.read(id)).toBe(content);
          expect((await q.getMetadata(id))?.sizeBytes).toBe(Buffer.byteLength(content, 'utf8'));
        },
      ),
      { numRuns: 40 },
    );
    const huge = '🦀 huge '.repeat(300_000);
    const id = await q.store(huge, META);
    expect(await q.read(id)).toBe(huge);
  });
});
