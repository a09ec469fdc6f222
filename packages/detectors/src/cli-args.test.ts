import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';
import { DetectorErrorCode } from './errors.js';

const refused = (argv: string[]) => {
  try {
    parseCliArgs(argv);
  } catch (error) {
    return error as { code: string; field: string };
  }
  throw new Error(`accepted ${argv.join(' ')}`);
};

describe('parseCliArgs', () => {
  it('reads --categories and --semantic into detector options', () => {
    expect(parseCliArgs([])).toEqual({ help: false, detector: {} });
    expect(parseCliArgs(['--categories', 'secret,pii', '--semantic'])).toEqual({
      help: false,
      detector: { categories: ['secret', 'pii'], semantic: { enabled: true } },
    });
    expect(parseCliArgs(['--categories=injection']).detector).toEqual({
      categories: ['injection'],
    });
    expect(parseCliArgs(['--help']).help).toBe(true);
  });

  it('refuses unknown options, missing values and stray arguments instead of ignoring them', () => {
    for (const argv of [
      ['--semantics'],
      ['--categories'],
      ['--category', 'secret'],
      ['cases.jsonl'],
      ['--semantic=yes'],
    ]) {
      expect(refused(argv), argv.join(' ')).toMatchObject({
        code: DetectorErrorCode.INVALID_OPTIONS,
        field: 'argv',
      });
    }
  });

  it('refuses unknown or empty categories', () => {
    for (const list of ['secrets', 'secret,,pii', '', 'secret,PII']) {
      expect(refused(['--categories', list]), list).toMatchObject({
        code: DetectorErrorCode.INVALID_OPTIONS,
        field: 'categories',
      });
    }
  });
});
