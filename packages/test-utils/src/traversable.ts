/**
 * Run as root, embedded PostgreSQL executes its binaries as the `postgres`
 * user it creates, which must be able to enter every directory above them.
 * A clone under a private directory (e.g. `mktemp -d`, mode 0700) would make
 * the spawn fail with EACCES as an unhandled error event, so the harness
 * checks first and says what to change.
 */
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Lists the directories above `file` that users other than their owner
 * cannot traverse (no `o+x` bit), nearest first.
 *
 * @param file - an absolute path
 * @returns the blocking directories; empty when every ancestor is traversable
 */
export async function untraversableAncestors(file: string): Promise<string[]> {
  const blocked: string[] = [];
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (((await stat(dir)).mode & 0o001) === 0) blocked.push(dir);
    if (dirname(dir) === dir) return blocked;
  }
}
