// Bundled by fit.mjs (esbuild): the rule stage of the injection scan, in raw-weight mode.
export { scanInjection } from '../../src/internal/injection.js';
export { INJECTION_I18N_RULES, INJECTION_RULES } from '../../src/internal/injection-rules.js';
