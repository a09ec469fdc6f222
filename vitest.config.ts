import { defineConfig } from 'vitest/config';

/**
 * Two projects (STYLE.md §5): `unit` runs the pure tests beside the code,
 * `integration` runs against real PostgreSQL, Redis and S3 started (or taken
 * from DATABASE_URL / REDIS_URL / S3_ENDPOINT) by the test-utils global setup.
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
          ],
          restoreMocks: true,
        },
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
