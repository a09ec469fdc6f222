/**
 * Thrown when a real service needed by the integration tests cannot be
 * started or reached. The message always says what to install or set; the
 * harness never skips tests silently.
 */
export class ServiceUnavailableError extends Error {
  override readonly name = 'ServiceUnavailableError';
  /** Which service failed: `postgres`, `redis` or `s3`. */
  readonly service: string;
  constructor(service: string, message: string, opts: { cause?: unknown } = {}) {
    super(`[test-utils] ${service}: ${message}`, { cause: opts.cause });
    this.service = service;
  }
}
