/**
 * The injected logger port (STYLE.md §4), declared once for the family in
 * `@clawexchange/ssg/common` and re-exported here. The gate never calls `console`.
 */
export { type LogFields, type Logger, noopLogger } from './common/logger.js';
