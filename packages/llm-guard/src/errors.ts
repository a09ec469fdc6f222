/**
 * The errors of `@clawexchange/llm-guard` and their stable codes. One base
 * class, {@link LLMGuardError}; two subclasses that hosts asked for by name
 * ({@link VendorContractError}, {@link ContextLimitError}) carry the same
 * code registry, so `isLLMGuardError` matches all three.
 */
import { ClawExchangeError, defineErrorGuard } from '@clawexchange/ssg/common';

/** Stable error codes; hosts branch on these, never on messages. */
export const LLMGuardErrorCode = {
  /** The config is invalid; `field` names the offending field. */
  INVALID_CONFIG: 'LLM_GUARD_INVALID_CONFIG',
  /** A call's arguments are invalid; `field` names the argument. */
  INVALID_INPUT: 'LLM_GUARD_INVALID_INPUT',
  /** The declared data usage is not `none` (no training, no retention) for the provider in use. Refused before any I/O. */
  VENDOR_CONTRACT_VIOLATION: 'LLM_GUARD_VENDOR_CONTRACT_VIOLATION',
  /** The minimised context is longer than `limits.contextMaxChars`. Refused before any I/O. */
  CONTEXT_LIMIT_EXCEEDED: 'LLM_GUARD_CONTEXT_LIMIT_EXCEEDED',
  /** A request (or a redirect) would have left the configured origin. Nothing was sent there. */
  EGRESS_DENIED: 'LLM_GUARD_EGRESS_DENIED',
  /** The vendor did not answer within `timeoutMs` (after retries). */
  VENDOR_TIMEOUT: 'LLM_GUARD_VENDOR_TIMEOUT',
  /** The vendor answered with an error status (after retries for 429/5xx), or could not be reached. */
  VENDOR_FAILED: 'LLM_GUARD_VENDOR_FAILED',
  /** The vendor's answer is not the vendor's wire format. */
  VENDOR_RESPONSE_INVALID: 'LLM_GUARD_VENDOR_RESPONSE_INVALID',
  /** The answer is not JSON valid against `schema`, also after the one repair retry. */
  OUTPUT_INVALID: 'LLM_GUARD_OUTPUT_INVALID',
  /** The object store failed while keeping an output or during retention. */
  STORAGE_FAILED: 'LLM_GUARD_STORAGE_FAILED',
  /** The database failed while recording a run or during retention. */
  DATABASE_FAILED: 'LLM_GUARD_DATABASE_FAILED',
  /** The audit sink refused an event and `onAuditFailure` is `'reject'`. */
  AUDIT_FAILED: 'LLM_GUARD_AUDIT_FAILED',
  /** The call was aborted by the caller's signal. */
  ABORTED: 'LLM_GUARD_ABORTED',
} as const;
/** One of the {@link LLMGuardErrorCode} values. */
export type LLMGuardErrorCode = (typeof LLMGuardErrorCode)[keyof typeof LLMGuardErrorCode];

/** Options of the {@link LLMGuardError} constructor. */
export type LLMGuardErrorOptions = {
  /** The underlying failure (kept as `cause`, never copied into the message). */
  readonly cause?: unknown;
  /** The config field or argument at fault, e.g. `limits.contextMaxChars`. */
  readonly field?: string;
  /** The HTTP status the vendor answered, for `VENDOR_FAILED`. */
  readonly status?: number;
};

/**
 * Every failure this package throws. Messages are constant text; variable
 * facts are in `code`, `field` and `status`. Never contains prompt text,
 * vendor answers, keys or the raw run id.
 */
export class LLMGuardError extends ClawExchangeError<LLMGuardErrorCode> {
  override readonly name: string = 'LLMGuardError';
  /** The HTTP status the vendor answered, when there was one. */
  readonly status: number | undefined;

  /**
   * @param code - stable code
   * @param message - constant text, never content or secrets
   * @param opts - cause, field, status
   */
  constructor(code: LLMGuardErrorCode, message: string, opts: LLMGuardErrorOptions = {}) {
    super(code, message, {
      ...(opts.cause === undefined ? {} : { cause: opts.cause }),
      ...(opts.field === undefined ? {} : { field: opts.field }),
    });
    this.status = opts.status;
  }
}

/**
 * The declared data usage of the provider in use is not `none`: thrown by
 * `createLLMGuard` and by every call, before any I/O. Never a warning.
 * Code: `LLM_GUARD_VENDOR_CONTRACT_VIOLATION`.
 */
export class VendorContractError extends LLMGuardError {
  override readonly name: string = 'VendorContractError';
  /**
   * @param message - constant text
   * @param opts - the field at fault (`dataUsage`)
   */
  constructor(message: string, opts: { readonly field?: string } = {}) {
    super(LLMGuardErrorCode.VENDOR_CONTRACT_VIOLATION, message, opts);
  }
}

/**
 * The minimised, redacted context does not fit `limits.contextMaxChars`:
 * thrown before any network I/O. Code: `LLM_GUARD_CONTEXT_LIMIT_EXCEEDED`.
 */
export class ContextLimitError extends LLMGuardError {
  override readonly name: string = 'ContextLimitError';
  /** Characters the context would have had. */
  readonly contextChars: number;
  /** The configured limit. */
  readonly limitChars: number;
  /**
   * @param sizes - the context length and the limit, in characters
   */
  constructor(sizes: { readonly contextChars: number; readonly limitChars: number }) {
    super(LLMGuardErrorCode.CONTEXT_LIMIT_EXCEEDED, 'llm-guard: context exceeds the limit', {
      field: 'limits.contextMaxChars',
    });
    this.contextChars = sizes.contextChars;
    this.limitChars = sizes.limitChars;
  }
}

const guards = [
  defineErrorGuard<LLMGuardError>('LLMGuardError', LLMGuardErrorCode),
  defineErrorGuard<LLMGuardError>('VendorContractError', LLMGuardErrorCode),
  defineErrorGuard<LLMGuardError>('ContextLimitError', LLMGuardErrorCode),
];

/**
 * Whether `e` is an error of this package ({@link LLMGuardError},
 * {@link VendorContractError} or {@link ContextLimitError}), by `name` and
 * `code`: works across two installed copies, unlike `instanceof`.
 *
 * @param e - anything caught
 * @returns true for this package's errors
 */
export function isLLMGuardError(e: unknown): e is LLMGuardError {
  return guards.some((guard) => guard(e));
}

/** Builds the config error for the shared options check. */
export function configError(field: string, message: string): LLMGuardError {
  return new LLMGuardError(LLMGuardErrorCode.INVALID_CONFIG, message, { field });
}

/** Builds the input error for the shared options check on call arguments. */
export function inputError(field: string, message: string): LLMGuardError {
  return new LLMGuardError(LLMGuardErrorCode.INVALID_INPUT, message, { field });
}
