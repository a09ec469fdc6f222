// A vitest reporter that writes what the run did, per project, to the JSON file named by
// CLAW_TEST_SUMMARY, for scripts/run-tests.mjs to judge. It writes the file twice: when vitest
// starts (`finished: false`, the projects it resolved) and when the run ends (`finished: true`,
// the counts). A run that never reaches the end (a global setup that threw, a crash) leaves
// `finished: false` behind, which the runner reads as a failed run.
import { writeFileSync } from 'node:fs';

/** Environment variable naming the summary file. */
export const SUMMARY_ENV = 'CLAW_TEST_SUMMARY';

/**
 * Per-project counts of the finished run.
 *
 * @param {ReadonlyArray<import('vitest/node').TestModule>} modules
 * @returns {Record<string, {files: number, failedFiles: number, passed: number, failed: number, skipped: number}>}
 */
export function countByProject(modules) {
  /** @type {Record<string, {files: number, failedFiles: number, passed: number, failed: number, skipped: number}>} */
  const counts = {};
  for (const mod of modules) {
    const name = mod.project.name;
    counts[name] ??= { files: 0, failedFiles: 0, passed: 0, failed: 0, skipped: 0 };
    const c = counts[name];
    c.files += 1;
    const failedBefore = c.failed;
    for (const test of mod.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') c.passed += 1;
      else if (state === 'failed') c.failed += 1;
      else c.skipped += 1;
    }
    // A file that failed with no failing test failed outside the tests: it did not load,
    // or a hook (beforeAll, afterAll) threw.
    if (mod.state() === 'failed' && c.failed === failedBefore) c.failedFiles += 1;
  }
  return counts;
}

/** The reporter (vitest instantiates the default export). */
export default class SummaryReporter {
  /** @type {string | undefined} */
  #file = process.env[SUMMARY_ENV];
  /** @type {string[]} */
  #projects = [];

  /** @param {import('vitest/node').Vitest} vitest */
  onInit(vitest) {
    this.#projects = vitest.projects.map((p) => p.name);
    this.#write({ finished: false, projects: this.#projects });
  }

  /**
   * @param {ReadonlyArray<import('vitest/node').TestModule>} modules
   * @param {ReadonlyArray<unknown>} unhandledErrors
   * @param {'passed' | 'failed' | 'interrupted'} reason
   */
  onTestRunEnd(modules, unhandledErrors, reason) {
    this.#write({
      finished: true,
      reason,
      projects: this.#projects,
      counts: countByProject(modules),
      unhandledErrors: unhandledErrors.length,
    });
  }

  /** @param {object} summary */
  #write(summary) {
    if (this.#file === undefined || this.#file === '') return;
    writeFileSync(this.#file, `${JSON.stringify({ version: 1, ...summary }, null, 2)}\n`);
  }
}
