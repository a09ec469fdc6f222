/**
 * The one way every @clawexchange package declares its error class and its
 * `isXError` guard (STYLE.md §4): a subclass of {@link ClawExchangeError}
 * with its own `name`, plus a guard from {@link defineErrorGuard}.
 */

/** Options every family error constructor accepts. */
export type ClawExchangeErrorOptions = {
  /** The underlying failure (kept as `cause`, never copied into the message). */
  readonly cause?: unknown;
  /** The config field, option or argument at fault, e.g. `storage.bucket`. */
  readonly field?: string;
};

/**
 * Base class of every package's error (`SSGError`, `DetectorError`,
 * `QuarantineError`, `AuditError`, `RateLimiterError`). Subclasses only set
 * `name` (and may add fields); hosts still branch on `code`, never on
 * `instanceof` (two installed copies break `instanceof`).
 *
 * @example
 * ```ts
 * export class BillingError extends ClawExchangeError<BillingErrorCode> {
 *   override readonly name = 'BillingError';
 * }
 * export const isBillingError = defineErrorGuard<BillingError>('BillingError', BillingErrorCode);
 * ```
 */
export abstract class ClawExchangeError<C extends string = string> extends Error {
  /** The class name, e.g. `'SSGError'`; checked by the `isXError` guards. */
  abstract override readonly name: string;
  /** The stable code, `PACKAGE_REASON`. */
  readonly code: C;
  /** The config field, option or argument at fault, when there is one. */
  readonly field: string | undefined;

  /**
   * @param code - stable code
   * @param message - constant text; never raw content, values given or secrets
   * @param opts - optional `cause` and `field`
   */
  constructor(code: C, message: string, opts: ClawExchangeErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    this.field = opts.field;
  }
}

/** A guard built by {@link defineErrorGuard}. */
export type ErrorGuard<E> = (value: unknown) => value is E;

/**
 * Builds the `isXError` guard of a package: true when a value has the class
 * `name` and one of the package's codes. It compares fields, not
 * prototypes, so an error thrown by a second installed copy still matches.
 *
 * @param name - the class name, e.g. `'SSGError'`
 * @param codes - the package's code registry (`as const` object of codes)
 * @returns the guard
 */
export function defineErrorGuard<E extends { readonly name: string; readonly code: string }>(
  name: E['name'],
  codes: Readonly<Record<string, E['code']>>,
): ErrorGuard<E> {
  const known: ReadonlySet<string> = new Set(Object.values(codes));
  return (value: unknown): value is E => {
    if (typeof value !== 'object' || value === null) return false;
    const candidate = value as { name?: unknown; code?: unknown };
    return (
      candidate.name === name && typeof candidate.code === 'string' && known.has(candidate.code)
    );
  };
}
