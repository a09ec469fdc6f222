// Bundles the package's own feature code (src/internal/semantic + normalize)
// with esbuild so training computes exactly the features inference computes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// esbuild comes with tsup (a devDependency of the package); resolve it from there.
const requireHere = createRequire(import.meta.url);
const { build } = createRequire(requireHere.resolve('tsup'))('esbuild');

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/internal');

/** @returns {Promise<{ normalize: Function, featurize: Function, bestWindow: Function, windowsOf: Function }>} */
export async function loadFeatureCode() {
  const entry = [
    `export { normalize } from ${JSON.stringify(join(SRC, 'normalize.ts'))};`,
    `export { featurize } from ${JSON.stringify(join(SRC, 'semantic/features.ts'))};`,
    `export { bestWindow, windowsOf } from ${JSON.stringify(join(SRC, 'semantic/window.ts'))};`,
    `export { semanticScore, semanticVerdict, semanticVerdictOf, shippedWeights } from ${JSON.stringify(join(SRC, 'semantic/model.ts'))};`,
    `export { SEMANTIC_MODEL } from ${JSON.stringify(join(SRC, 'semantic/weights.generated.ts'))};`,
  ].join('\n');
  const out = await build({
    stdin: { contents: entry, resolveDir: SRC, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
  });
  const dir = mkdtempSync(join(tmpdir(), 'semantic-'));
  const file = join(dir, 'features.mjs');
  writeFileSync(file, out.outputFiles[0].text);
  return import(pathToFileURL(file).href);
}
