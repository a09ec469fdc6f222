import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closingLine, projectLines, runProblems, totalsOf } from './test-guard.mjs';

const counts = (c = {}) => ({ files: 1, failedFiles: 0, passed: 1, failed: 0, skipped: 0, ...c });
const finished = (over = {}) => ({
  version: 1,
  finished: true,
  reason: 'passed',
  projects: ['unit', 'integration'],
  counts: { unit: counts({ passed: 5 }), integration: counts({ passed: 3 }) },
  unhandledErrors: 0,
  ...over,
});

describe('runProblems', () => {
  it('accepts a finished run where every project ran tests and none failed', () => {
    expect(runProblems({ exitCode: 0, signal: null, summary: finished() })).toEqual([]);
  });

  /** regression: issue 11 */
  it('fails a run whose global setup threw (the summary never finished), even with status 0', () => {
    const summary = { version: 1, finished: false, projects: ['unit', 'integration'] };
    const problems = runProblems({ exitCode: 0, signal: null, summary });
    expect(problems[0]).toMatch(/never finished a test run/);
    expect(problems).toContain('project "unit" ran no tests');
    expect(problems).toContain('project "integration" ran no tests');
  });

  it('fails when vitest wrote no summary at all (it crashed, or the config did not load)', () => {
    const problems = runProblems({
      exitCode: 1,
      signal: null,
      summary: undefined,
      expectedProjects: ['unit'],
    });
    expect(problems).toEqual([
      'vitest exited with status 1',
      expect.stringMatching(/never finished/),
      'project "unit" ran no tests',
    ]);
  });

  /** regression: issue 11 */
  it('fails a project that ran no tests ("No test files found"), whatever the exit status', () => {
    const summary = finished({ counts: { unit: counts({ passed: 5 }) } });
    expect(runProblems({ exitCode: 0, signal: null, summary })).toEqual([
      'project "integration" ran no tests (no test file ran)',
    ]);
  });

  it('counts skipped tests as not run', () => {
    const summary = finished({
      counts: { unit: counts(), integration: counts({ passed: 0, skipped: 4 }) },
    });
    expect(runProblems({ exitCode: 0, signal: null, summary })).toEqual([
      'project "integration" ran no tests (1 file(s), every test skipped or not collected)',
    ]);
  });

  it('fails on failing tests, broken files, unhandled errors, a bad reason or a signal', () => {
    const summary = finished({
      reason: 'interrupted',
      unhandledErrors: 2,
      counts: {
        unit: counts({ failed: 3 }),
        integration: counts({ failedFiles: 1 }),
      },
    });
    expect(runProblems({ exitCode: null, signal: 'SIGTERM', summary })).toEqual([
      'vitest was stopped by SIGTERM',
      'vitest reports the run as interrupted',
      '2 unhandled error(s) during the run',
      'project "unit": 3 test(s) failed',
      expect.stringMatching(/^project "integration": 1 test file\(s\) failed outside their tests/),
    ]);
  });

  it('holds the run to the projects asked for, not only to those vitest resolved', () => {
    const summary = finished({ projects: ['unit'], counts: { unit: counts() } });
    expect(
      runProblems({ exitCode: 0, signal: null, summary, expectedProjects: ['unit', 'redos'] }),
    ).toEqual(['project "redos" ran no tests (no test file ran)']);
  });

  it('fails a run that resolved no project at all', () => {
    const summary = finished({ projects: [], counts: {} });
    expect(runProblems({ exitCode: 0, signal: null, summary })).toEqual(['no test project ran']);
  });

  it('passes exactly when status 0, finished, passed, and every project ran tests, none failing', () => {
    const projectCounts = fc.record({
      files: fc.nat(3),
      failedFiles: fc.nat(1),
      passed: fc.nat(3),
      failed: fc.nat(1),
      skipped: fc.nat(2),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 2),
        fc.boolean(),
        fc.constantFrom('passed', 'failed', 'interrupted'),
        fc.nat(1),
        fc.dictionary(fc.constantFrom('unit', 'integration'), projectCounts),
        (exitCode, done, reason, unhandledErrors, byProject) => {
          const summary = {
            version: 1,
            finished: done,
            reason,
            projects: ['unit', 'integration'],
            counts: byProject,
            unhandledErrors,
          };
          const good =
            exitCode === 0 &&
            done &&
            reason === 'passed' &&
            unhandledErrors === 0 &&
            ['unit', 'integration'].every((p) => {
              const c = byProject[p];
              return c !== undefined && c.passed > 0 && c.failed === 0 && c.failedFiles === 0;
            });
          expect(runProblems({ exitCode, signal: null, summary }).length === 0).toBe(good);
        },
      ),
    );
  });
});

describe('closing lines', () => {
  it('sums every project into `N passed, N failed, N skipped`', () => {
    const summary = finished({
      counts: {
        unit: counts({ passed: 7, failed: 1, skipped: 2, files: 3 }),
        integration: counts({ passed: 4 }),
      },
    });
    expect(closingLine(totalsOf(summary))).toBe('11 passed, 1 failed, 2 skipped');
    expect(projectLines(summary)).toEqual([
      'unit: 7 passed, 1 failed, 2 skipped (3 files)',
      'integration: 4 passed, 0 failed, 0 skipped (1 file)',
    ]);
  });

  it('reads zero from a run that wrote no summary', () => {
    expect(closingLine(totalsOf(undefined))).toBe('0 passed, 0 failed, 0 skipped');
    expect(projectLines(undefined)).toEqual([]);
  });
});
