import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isQuarantineError, QuarantineError, QuarantineErrorCode } from './errors.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const errorsSection = readme.slice(readme.indexOf('## Errors'), readme.indexOf('## Failure'));
const documented = [...errorsSection.matchAll(/^\| `(QUARANTINE_[A-Z_]+)`/gm)].map((m) => m[1]);

describe('error codes', () => {
  it('the README error table lists every code exactly once, and nothing else', () => {
    expect([...documented].sort()).toEqual(Object.values(QuarantineErrorCode).sort());
  });

  it('isQuarantineError checks name and a known code, not instanceof', () => {
    const e = new QuarantineError(
      QuarantineErrorCode.NOT_FOUND,
      'no quarantine record with this id',
    );
    expect(isQuarantineError(e)).toBe(true);
    expect(isQuarantineError({ name: 'QuarantineError', code: 'QUARANTINE_NOT_FOUND' })).toBe(true);
    expect(isQuarantineError({ name: 'QuarantineError', code: 'SOMETHING_ELSE' })).toBe(false);
    expect(isQuarantineError(new Error('x'))).toBe(false);
    expect(isQuarantineError(null)).toBe(false);
  });
});
