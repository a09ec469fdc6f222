import { defineConfig } from 'vitest/config';

const REDOS = 'packages/detectors/src/redos.test.ts';

/**
 * Projects (STYLE.md §5): `unit` runs the pure tests beside the code (and the
 * test scripts' own tests), `redos` proves every built-in pattern free of ReDoS,
 * `integration` runs against real PostgreSQL, Redis and S3 started (or taken
 * from DATABASE_URL / REDIS_URL / S3_ENDPOINT) by the test-utils global setup.
 * `pnpm test:all` (scripts/run-tests.mjs) fails unless each ran tests and none failed.
 */
export default defineConfig({
  test: {
    restoreMocks: true,
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.ts'],
      exclude: ['**/*.test.ts', 'packages/test-utils/**'],
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'examples/*/src/**/*.test.ts',
            'scripts/**/*.test.mjs',
            'examples/*/bench/**/*.test.mjs',
          ],
          exclude: [REDOS, '**/node_modules/**'],
          restoreMocks: true,
          // A hang guard, not a speed check: the property tests take seconds of CPU and
          // vitest's 5 s default failed them by chance on a loaded 2-core machine.
          testTimeout: 120_000,
        },
      },
      {
        // The ReDoS proof of every built-in pattern (recheck's automaton): minutes of CPU,
        // decided by the patterns alone, so no test timeout either.
        test: { name: 'redos', include: [REDOS], testTimeout: 0 },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/*/test/integration/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
          globalSetup: ['packages/test-utils/src/global-setup.ts'],
          restoreMocks: true,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
