// What counts as a successful test run, as pure functions over vitest's exit status and the
// summary that summary-reporter.mjs wrote. A run succeeds only when all of these hold:
//   - vitest exited with status 0 (and was not killed by a signal);
//   - the reporter saw the run finish, with reason `passed` and no unhandled error
//     (a global setup that throws never reaches the end: the summary stays unfinished);
//   - every expected project ran at least one test (passed or failed, skipped ones do not
//     count), no test failed and no test file failed to load.

/**
 * @typedef {{files: number, failedFiles: number, passed: number, failed: number, skipped: number}} ProjectCounts
 * @typedef {{version: 1, finished: boolean, reason?: string, projects: string[],
 *   counts?: Record<string, ProjectCounts>, unhandledErrors?: number}} Summary
 * @typedef {{exitCode: number | null, signal?: string | null, summary: Summary | undefined,
 *   expectedProjects?: readonly string[]}} RunOutcome
 * @typedef {{passed: number, failed: number, skipped: number}} Totals
 */

const ZERO = { files: 0, failedFiles: 0, passed: 0, failed: 0, skipped: 0 };

/**
 * The projects the run must cover: those asked for, else those vitest resolved.
 *
 * @param {RunOutcome} outcome
 * @returns {string[]}
 */
function projectsOf(outcome) {
  if (outcome.expectedProjects !== undefined && outcome.expectedProjects.length > 0) {
    return [...outcome.expectedProjects];
  }
  return outcome.summary?.projects ?? [];
}

/**
 * @param {string} name
 * @param {ProjectCounts} c
 * @returns {string[]}
 */
function projectProblems(name, c) {
  const problems = [];
  if (c.passed + c.failed === 0) {
    problems.push(
      c.files === 0
        ? `project "${name}" ran no tests (no test file ran)`
        : `project "${name}" ran no tests (${c.files} file(s), every test skipped or not collected)`,
    );
  }
  if (c.failed > 0) problems.push(`project "${name}": ${c.failed} test(s) failed`);
  if (c.failedFiles > 0) {
    problems.push(
      `project "${name}": ${c.failedFiles} test file(s) failed outside their tests (did not load, or a hook threw)`,
    );
  }
  return problems;
}

/**
 * Every reason the run does not count as a success (empty when it does).
 *
 * @param {RunOutcome} outcome
 * @returns {string[]}
 */
export function runProblems(outcome) {
  const { exitCode, signal, summary } = outcome;
  const problems = [];
  if (signal) problems.push(`vitest was stopped by ${signal}`);
  else if (exitCode !== 0) problems.push(`vitest exited with status ${exitCode}`);
  if (summary === undefined || !summary.finished) {
    problems.push(
      'vitest never finished a test run (a global setup failed, e.g. a service could not start, or vitest crashed): see its output above',
    );
    for (const name of projectsOf(outcome)) problems.push(`project "${name}" ran no tests`);
    return problems;
  }
  if (summary.reason !== 'passed') problems.push(`vitest reports the run as ${summary.reason}`);
  if ((summary.unhandledErrors ?? 0) > 0) {
    problems.push(`${summary.unhandledErrors} unhandled error(s) during the run`);
  }
  const projects = projectsOf(outcome);
  if (projects.length === 0) problems.push('no test project ran');
  for (const name of projects)
    problems.push(...projectProblems(name, summary.counts?.[name] ?? ZERO));
  return problems;
}

/**
 * Passed, failed and skipped tests over all projects of the summary.
 *
 * @param {Summary | undefined} summary
 * @returns {Totals}
 */
export function totalsOf(summary) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const c of Object.values(summary?.counts ?? {})) {
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
  }
  return totals;
}

/**
 * The plain closing line CI readers look for: `N passed, N failed, N skipped`.
 *
 * @param {Totals} totals
 * @returns {string}
 */
export function closingLine(totals) {
  return `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
}

/**
 * One line per project: `unit: 12 passed, 0 failed, 1 skipped (3 files)`.
 *
 * @param {Summary | undefined} summary
 * @returns {string[]}
 */
export function projectLines(summary) {
  return Object.entries(summary?.counts ?? {}).map(
    ([name, c]) => `${name}: ${closingLine(c)} (${c.files} file${c.files === 1 ? '' : 's'})`,
  );
}
