/**
 * Internal entry for tests and benchmarks inside this package: the numbers
 * (combined score, per-plugin results) that the public API never exposes.
 * Not part of the package's `exports`.
 */
export { combine, escalationScore } from '../combine.js';
export { validateConfig } from '../config.js';
export type { PluginOutcome } from '../runner.js';
export { createRunPlan, runPlugins } from '../runner.js';
export type { InspectionDetails, Pipeline, PipelineOutput } from './pipeline.js';
export { createPipeline } from './pipeline.js';
