import { ClawExchangeError, defineErrorGuard, type ErrorGuard } from '@clawexchange/ssg/common';

/** Stable error codes of `@clawexchange/detectors`. */
export const DetectorErrorCode = {
  /** The options object (or a custom rule in it) is malformed. */
  INVALID_OPTIONS: 'DETECTORS_INVALID_OPTIONS',
  /** A custom pattern could take super-linear time (ReDoS) or uses a forbidden construct. */
  UNSAFE_PATTERN: 'DETECTORS_UNSAFE_PATTERN',
  /** The input is larger than `maxInputChars` and `oversize` is `'reject'`. */
  INPUT_TOO_LARGE: 'DETECTORS_INPUT_TOO_LARGE',
  /** The input is not a string. */
  INVALID_INPUT: 'DETECTORS_INVALID_INPUT',
  /**
   * A plugin's scan budget ran out before the end of the text (plugins with
   * `onTruncated: 'error'`); the gate then applies its plugin-error policy.
   */
  BUDGET_EXCEEDED: 'DETECTORS_BUDGET_EXCEEDED',
} as const;
/** One of the {@link DetectorErrorCode} values. */
export type DetectorErrorCode = (typeof DetectorErrorCode)[keyof typeof DetectorErrorCode];

/**
 * The one error class of this package, declared the family's one way
 * (`ClawExchangeError` from `@clawexchange/ssg/common`). Messages are
 * constant strings and never contain scanned text or pattern sources;
 * `field` names the options field at fault (for `DETECTORS_INVALID_OPTIONS` /
 * `DETECTORS_UNSAFE_PATTERN`).
 */
export class DetectorError extends ClawExchangeError<DetectorErrorCode> {
  /** Always `'DetectorError'`; checked by {@link isDetectorError}. */
  override readonly name = 'DetectorError';
}

/**
 * Checks whether a value is a {@link DetectorError} by `name` and `code`
 * (works across two installed copies of the package, unlike `instanceof`).
 * @param e - any value
 * @returns true when `e` is a detectors error
 */
export const isDetectorError: ErrorGuard<DetectorError> = defineErrorGuard<DetectorError>(
  'DetectorError',
  DetectorErrorCode,
);
