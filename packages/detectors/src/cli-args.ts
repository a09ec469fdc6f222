import { parseArgs } from 'node:util';
import { DetectorError, DetectorErrorCode } from './errors.js';
import type { Category, ScanOptions } from './types.js';

/** The CLI's usage text (printed with a usage error). */
export const CLI_USAGE = `usage: clawexchange-detect [--categories secret,pii,injection] [--semantic] < cases.jsonl

Reads one JSON case per line, {"id": ..., "text": "..."}, and writes one line per case:
{"id": ..., "findings": [{category, type, start, end, confidence, severity}]},
or {"id": ..., "findings": [], "error": CODE} for a case it cannot read or scan.

  --categories LIST   comma-separated categories to scan (default: all)
  --semantic          turn the learned injection stage on
  --help              print this text
`;

/** What the command line asked for. */
export type CliArgs = {
  /** Options for `createDetector`. */
  readonly detector: ScanOptions;
  /** `--help` was given: print {@link CLI_USAGE} and scan nothing. */
  readonly help: boolean;
};

const CATEGORIES: readonly Category[] = ['secret', 'pii', 'injection'];

function invalid(field: string, message: string): DetectorError {
  return new DetectorError(DetectorErrorCode.INVALID_OPTIONS, message, { field });
}

function parseCategories(list: string): Category[] {
  const names = list.split(',').map((name) => name.trim());
  if (names.some((name) => !CATEGORIES.includes(name as Category))) {
    throw invalid('categories', '--categories takes secret, pii and/or injection, comma-separated');
  }
  return names as Category[];
}

/**
 * Reads the CLI's arguments strictly: an unknown option, a repeated or
 * missing value, a stray positional argument or an unknown category is a
 * `DETECTORS_INVALID_OPTIONS` error (never ignored).
 * @param argv - the arguments after the script name
 * @returns the detector options and whether help was asked for
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed: ReturnType<typeof parseCliOptions>;
  try {
    parsed = parseCliOptions(argv);
  } catch {
    throw invalid('argv', 'unknown option, missing value or unexpected argument');
  }
  const { categories, semantic, help } = parsed.values;
  return {
    help: help === true,
    detector: {
      ...(categories === undefined ? {} : { categories: parseCategories(categories) }),
      ...(semantic === true ? { semantic: { enabled: true } } : {}),
    },
  };
}

function parseCliOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      categories: { type: 'string' },
      semantic: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
}
