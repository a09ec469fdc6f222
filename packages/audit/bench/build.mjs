// Bundles bench/bench.ts (and the TypeScript test harness it uses) into one
// ESM file under node_modules/.cache, leaving every npm package external,
// including @clawexchange/audit itself so the benchmark runs against dist.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('./bench.ts', import.meta.url).pathname],
  outfile: new URL('../node_modules/.cache/audit-bench/bench.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [
    {
      name: 'externals-but-test-utils',
      setup(b) {
        // The bundle lives outside the package scope, so point at dist directly.
        b.onResolve({ filter: /^@clawexchange\/audit$/ }, () => ({
          path: new URL('../dist/index.js', import.meta.url).pathname,
          external: true,
        }));
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@clawexchange/test-utils')
            ? undefined
            : { path: args.path, external: true },
        );
      },
    },
  ],
});
