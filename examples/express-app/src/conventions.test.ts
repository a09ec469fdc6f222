import { AuditError, AuditErrorCode, isAuditError } from '@clawexchange/audit';
import { DetectorError, DetectorErrorCode, isDetectorError } from '@clawexchange/detectors';
import { isQuarantineError, QuarantineError, QuarantineErrorCode } from '@clawexchange/quarantine';
import {
  isRateLimiterError,
  RateLimiterError,
  RateLimiterErrorCode,
} from '@clawexchange/rate-limiter';
import { isSSGError, SSGError, SSGErrorCode } from '@clawexchange/ssg';
import { ClawExchangeError } from '@clawexchange/ssg/common';
import { describe, expect, it } from 'vitest';

/** Each package's error class, its codes and its guard, as the built packages export them. */
const FAMILY = [
  { Err: SSGError, codes: SSGErrorCode, guard: isSSGError, name: 'SSGError' },
  { Err: DetectorError, codes: DetectorErrorCode, guard: isDetectorError, name: 'DetectorError' },
  {
    Err: QuarantineError,
    codes: QuarantineErrorCode,
    guard: isQuarantineError,
    name: 'QuarantineError',
  },
  { Err: AuditError, codes: AuditErrorCode, guard: isAuditError, name: 'AuditError' },
  {
    Err: RateLimiterError,
    codes: RateLimiterErrorCode,
    guard: isRateLimiterError,
    name: 'RateLimiterError',
  },
] as const;

describe('one way to declare errors', () => {
  /** regression: issue 11 */
  it.each(FAMILY)(
    '$name is a ClawExchangeError with code, field, cause and a name+code guard',
    (f) => {
      const code = Object.values(f.codes)[0] as never;
      const cause = new Error('inner');
      const e = new f.Err(code, 'constant text', { field: 'a.b', cause });
      expect(e).toBeInstanceOf(ClawExchangeError);
      expect(e).toMatchObject({
        name: f.name,
        code,
        field: 'a.b',
        cause,
        message: 'constant text',
      });
      expect(f.guard(e)).toBe(true);
      // Another copy's error: same name and code, no shared prototype.
      expect(f.guard({ name: f.name, code })).toBe(true);
      expect(f.guard({ name: f.name, code: 'OTHER_CODE' })).toBe(false);
      for (const other of FAMILY) {
        if (other.name !== f.name) expect(other.guard(e)).toBe(false);
      }
    },
  );
});
