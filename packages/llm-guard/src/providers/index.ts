import type { ResolvedProvider } from '../internal/resolve-config.js';
import { anthropicAdapter } from './anthropic.js';
import { openAiAdapter } from './openai.js';
import type { ProviderAdapter } from './types.js';

/**
 * The adapter for the configured provider kind.
 *
 * @param provider - resolved provider settings
 * @returns the adapter
 */
export function adapterFor(provider: ResolvedProvider): ProviderAdapter {
  if (provider.kind === 'anthropic') return anthropicAdapter({ apiKey: provider.apiKey });
  return openAiAdapter({ apiKey: provider.apiKey, official: provider.kind === 'openai' });
}
