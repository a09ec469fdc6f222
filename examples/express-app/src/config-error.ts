/**
 * A mistake in the demo's configuration (an environment variable or a host
 * option): the message names the setting, so the demo prints it in one line
 * without a stack. Any other failure keeps its stack.
 */
export class ConfigError extends TypeError {
  /** The family's code of a configuration error. */
  readonly code = 'EXAMPLE_INVALID_CONFIG';
  override readonly name = 'ConfigError';
}
