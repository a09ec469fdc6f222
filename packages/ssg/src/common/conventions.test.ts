import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClawExchangeError, defineErrorGuard } from './errors.js';
import { errorBody, IDENTITY_ONLY_HEADERS, isErrorBody, isIdentityCoding } from './http.js';
import { isLogger, noopLogger } from './logger.js';
import { METRIC_NAME_PATTERN, metricName, msToSeconds } from './metrics.js';

const DemoErrorCode = { BROKEN: 'DEMO_BROKEN', OTHER: 'DEMO_OTHER' } as const;
type DemoErrorCode = (typeof DemoErrorCode)[keyof typeof DemoErrorCode];
class DemoError extends ClawExchangeError<DemoErrorCode> {
  override readonly name = 'DemoError';
}
const isDemoError = defineErrorGuard<DemoError>('DemoError', DemoErrorCode);

describe('ClawExchangeError and defineErrorGuard', () => {
  it('carry code, field and cause; the guard checks name and code, not instanceof', () => {
    const cause = new Error('db');
    const e = new DemoError('DEMO_BROKEN', 'broken', { cause, field: 'a.b' });
    expect(e).toMatchObject({ name: 'DemoError', code: 'DEMO_BROKEN', field: 'a.b', cause });
    expect(e.message).toBe('broken');
    expect(e).toBeInstanceOf(Error);
    expect(new DemoError('DEMO_OTHER', 'x').cause).toBeUndefined();
    expect(isDemoError(e)).toBe(true);
    expect(isDemoError({ name: 'DemoError', code: 'DEMO_OTHER' })).toBe(true);
    expect(isDemoError({ name: 'DemoError', code: 'SSG_INVALID_CONFIG' })).toBe(false);
    expect(isDemoError({ name: 'OtherError', code: 'DEMO_BROKEN' })).toBe(false);
    expect(isDemoError(new Error('x'))).toBe(false);
    expect(isDemoError(null)).toBe(false);
    expect(isDemoError('DEMO_BROKEN')).toBe(false);
  });
});

describe('noopLogger', () => {
  it('is a frozen logger that drops everything', () => {
    expect(isLogger(noopLogger)).toBe(true);
    expect(Object.isFrozen(noopLogger)).toBe(true);
    expect(noopLogger.error({ a: 1 }, 'x')).toBeUndefined();
    expect(isLogger({ debug() {}, info() {}, warn() {} })).toBe(false);
    expect(isLogger(null)).toBe(false);
  });
});

describe('metricName', () => {
  it('builds clawexchange.<package>.<name>', () => {
    expect(metricName('rate_limiter', 'decisions')).toBe('clawexchange.rate_limiter.decisions');
    expect(metricName('ssg', 'inspection.duration')).toBe('clawexchange.ssg.inspection.duration');
    expect(() => metricName('ssg', 'Inspection-Duration')).toThrow(TypeError);
    expect(msToSeconds(1500)).toBe(1.5);
  });

  it('every name it builds matches the family pattern', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);
    fc.assert(
      fc.property(
        fc.constantFrom(
          'ssg',
          'detectors',
          'quarantine',
          'audit',
          'rate_limiter',
          'llm_guard',
          'moderation' as const,
        ),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        (pkg, parts) => {
          expect(METRIC_NAME_PATTERN.test(metricName(pkg, parts.join('.')))).toBe(true);
        },
      ),
    );
  });
});

describe('errorBody', () => {
  it('is { error: { code, message, ...fields } } and code/message cannot be overridden', () => {
    const body = errorBody('RATE_LIMITED', 'too many', { code: 'X', message: 'Y', tier: 'POSTS' });
    expect(body).toEqual({ error: { code: 'RATE_LIMITED', message: 'too many', tier: 'POSTS' } });
    expect(isErrorBody(body)).toBe(true);
    expect(isErrorBody({ error: 'x', code: 'y' })).toBe(false);
    expect(isErrorBody({ error: { code: 'x' } })).toBe(false);
  });
});

describe('isIdentityCoding', () => {
  it('reads a body sent as is (absent, empty, identity in any case) and nothing else', () => {
    for (const header of [undefined, null, '', ' ', 'identity', ' Identity ']) {
      expect(isIdentityCoding(header), String(header)).toBe(true);
    }
    for (const header of ['gzip', 'deflate', 'br', ' GZIP ', 'identity, gzip', 'x-identity']) {
      expect(isIdentityCoding(header), header).toBe(false);
    }
    expect(IDENTITY_ONLY_HEADERS).toEqual({ 'accept-encoding': 'identity' });
  });
});
