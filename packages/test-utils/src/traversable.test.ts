import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { untraversableAncestors } from './traversable.js';

describe('untraversableAncestors', () => {
  const made: string[] = [];
  afterEach(async () => {
    for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('names each private directory above a file, nearest first, and nothing when all are open', async () => {
    const root = await mkdtemp(join(tmpdir(), 'claw-trav-'));
    made.push(root);
    const inner = join(root, 'a', 'b');
    await mkdir(inner, { recursive: true });
    const file = join(inner, 'initdb');
    await writeFile(file, '');
    await chmod(root, 0o755);
    await chmod(join(root, 'a'), 0o755);
    await chmod(inner, 0o755);
    const above = (await untraversableAncestors(root)).length;
    expect(await untraversableAncestors(file)).toHaveLength(above);

    await chmod(root, 0o700);
    await chmod(inner, 0o750);
    expect((await untraversableAncestors(file)).slice(0, 2)).toEqual([inner, root]);
  });
});
