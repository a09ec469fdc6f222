// The command line of scripts/run-tests.mjs: its own flags, and what goes on to vitest.

/**
 * Splits the command line into the runner's own flags and vitest's arguments.
 *
 * @param {string[]} argv
 * @returns {{withRedis: boolean, projects: string[], vitestArgs: string[]}}
 */
export function parseArgs(argv) {
  const out = { withRedis: false, projects: [], vitestArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--with-redis') {
      out.withRedis = true;
    } else if (arg === '--project' && i + 1 < argv.length) {
      out.projects.push(argv[i + 1]);
      out.vitestArgs.push(arg, argv[i + 1]);
      i++;
    } else if (arg.startsWith('--project=')) {
      out.projects.push(arg.slice('--project='.length));
      out.vitestArgs.push(arg);
    } else {
      out.vitestArgs.push(arg);
    }
  }
  return out;
}
