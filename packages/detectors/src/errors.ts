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
} as const;
/** One of the {@link DetectorErrorCode} values. */
export type DetectorErrorCode = (typeof DetectorErrorCode)[keyof typeof DetectorErrorCode];

/**
 * The one error class of this package. Messages are constant strings and never
 * contain scanned text or pattern sources; variable facts live in fields.
 */
export class DetectorError extends Error {
  override readonly name = 'DetectorError';
  /** Stable code; branch on this, not on the message. */
  readonly code: DetectorErrorCode;
  /** The options field at fault (for `DETECTORS_INVALID_OPTIONS` / `DETECTORS_UNSAFE_PATTERN`). */
  readonly field: string | undefined;
  /**
   * Creates an error.
   * @param code - the stable code
   * @param message - a constant message free of input text
   * @param opts - optional cause and field
   */
  constructor(
    code: DetectorErrorCode,
    message: string,
    opts: { readonly cause?: unknown; readonly field?: string } = {},
  ) {
    super(message, { cause: opts.cause });
    this.code = code;
    this.field = opts.field;
  }
}

const CODES: ReadonlySet<string> = new Set(Object.values(DetectorErrorCode));

/**
 * Checks whether a value is a {@link DetectorError} by `name` and `code`
 * (works across two installed copies of the package, unlike `instanceof`).
 * @param e - any value
 * @returns true when `e` is a detectors error
 */
export function isDetectorError(e: unknown): e is DetectorError {
  if (typeof e !== 'object' || e === null) return false;
  const r = e as { name?: unknown; code?: unknown };
  return r.name === 'DetectorError' && typeof r.code === 'string' && CODES.has(r.code);
}
